import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, desktopChannels, readyChannel } from '../../main/core/contract/index.ts';
import type {
  DesktopApi,
  DesktopMethodName,
  EarshotApi,
  MethodName,
} from '../../main/core/contract/index.ts';
import { contextBridge, ipcRenderer } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

describe('preload', () => {
  let api: EarshotApi & DesktopApi;
  const windowChannels = { ...channels, ...desktopChannels };

  beforeAll(async () => {
    await import('../../preload/index.ts');
    api = contextBridge.exposed.get('earshot') as EarshotApi & DesktopApi;
  });

  it('exposes only window.earshot', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['earshot']);
  });

  it("exposes exactly the contract's and the desktop's methods, `on` and `ready`, nothing else", () => {
    expect(Object.keys(api).sort()).toEqual([...Object.keys(windowChannels), 'on', 'ready'].sort());
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
    expect(Object.values(api)).not.toContain(ipcRenderer);
  });

  it.each(Object.keys(windowChannels) as (MethodName | DesktopMethodName)[])(
    'sends %s on its contract channel with its request unchanged',
    async (method) => {
      ipcRenderer.invoke.mockClear();
      const request = { probe: method };
      const call = api[method] as (request?: unknown) => Promise<unknown>;
      await call(request);
      // Methods without a request (getState, refreshData…) send none, whatever they are given.
      const sent = call.length === 0 ? undefined : request;
      expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(windowChannels[method], sent);
    },
  );

  it('sends no request for exactly the methods that take none', () => {
    const withoutRequest = Object.entries(api)
      .filter(
        ([name, value]) =>
          name !== 'on' && name !== 'ready' && (value as () => unknown).length === 0,
      )
      .map(([name]) => name);
    expect(withoutRequest.sort()).toEqual(
      [
        'getState',
        'getTaste',
        'startOver',
        'undoStartOver',
        'roundDraft',
        'spotifyAccount',
        'getSettings',
        'clearSpotifyCredentials',
        'refreshData',
        'cancelRefresh',
      ].sort(),
    );
  });

  it('tells the main process, on the contract channel, when the page is ready for its events', () => {
    ipcRenderer.sent.length = 0;
    api.ready();
    expect(ipcRenderer.sent).toEqual([[readyChannel]]);
  });

  it('hands listeners the payload only, never the IPC event', () => {
    const seen: unknown[] = [];
    const stop = api.on('model:ready', (info) => seen.push(info));
    const info = { algorithm: 'svd', trainedAt: 1, ratings: 2, trainRmse: 0.5 };
    ipcRenderer.emit('model:ready', { sender: ipcRenderer, ports: [] }, info);
    expect(seen).toEqual([info]);
    stop();
  });

  it('passes the desktop events on: Settings… and how a refresh ended', () => {
    const opened: unknown[] = [];
    const finished: unknown[] = [];
    const stopOpen = api.on('settings:open', (payload) => opened.push(payload));
    const stopFinished = api.on('pipeline:finished', (result) => finished.push(result));
    const cancelled = { ok: false, error: { code: 'cancelled', message: 'Cancelled.' } };
    ipcRenderer.emit('settings:open', { sender: ipcRenderer, ports: [] }, null);
    ipcRenderer.emit('pipeline:finished', { sender: ipcRenderer, ports: [] }, cancelled);
    expect(opened).toEqual([null]);
    expect(finished).toEqual([cancelled]);
    stopOpen();
    stopFinished();
  });

  it('adds one IPC listener per subscription and removes it on unsubscribe', () => {
    const before = ipcRenderer.listenerCount('pipeline:progress');
    const stopA = api.on('pipeline:progress', () => undefined);
    const stopB = api.on('pipeline:progress', () => undefined);
    expect(ipcRenderer.listenerCount('pipeline:progress')).toBe(before + 2);
    stopA();
    stopA();
    expect(ipcRenderer.listenerCount('pipeline:progress')).toBe(before + 1);
    stopB();
    expect(ipcRenderer.listenerCount('pipeline:progress')).toBe(before);
  });

  it('refuses to listen on anything but a contract event', () => {
    const on = api.on as (event: string, listener: () => void) => () => void;
    for (const name of [
      'app:get-state',
      'settings:get',
      'ELECTRON_BROWSER_REQUIRE',
      '__proto__',
      'toString',
    ])
      expect(() => on(name, () => undefined)).toThrow(TypeError);
    expect(ipcRenderer.eventNames()).not.toContain('app:get-state');
  });
});
