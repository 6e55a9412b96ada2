import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channels } from '../../preload/api.ts';
import type { EarshotApi, MethodName } from '../../preload/api.ts';
import { contextBridge, ipcRenderer } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

describe('preload', () => {
  let api: EarshotApi;

  beforeAll(async () => {
    await import('../../preload/index.ts');
    api = contextBridge.exposed.get('earshot') as EarshotApi;
  });

  it('exposes only window.earshot', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['earshot']);
  });

  it("exposes exactly the contract's methods and `on`, nothing else", () => {
    expect(Object.keys(api).sort()).toEqual([...Object.keys(channels), 'on'].sort());
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
    expect(Object.values(api)).not.toContain(ipcRenderer);
  });

  it.each(Object.keys(channels) as MethodName[])(
    'sends %s on its contract channel with its request unchanged',
    async (method) => {
      ipcRenderer.invoke.mockClear();
      const request = { probe: method };
      const call = api[method] as (request?: unknown) => Promise<unknown>;
      await call(request);
      // Methods without a request (getState, startOver) send none, whatever they are given.
      const sent = call.length === 0 ? undefined : request;
      expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channels[method], sent);
    },
  );

  it('hands listeners the payload only, never the IPC event', () => {
    const seen: unknown[] = [];
    const stop = api.on('model:ready', (info) => seen.push(info));
    const info = { algorithm: 'svd', trainedAt: 1, ratings: 2, trainRmse: 0.5 };
    ipcRenderer.emit('model:ready', { sender: ipcRenderer, ports: [] }, info);
    expect(seen).toEqual([info]);
    stop();
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
    for (const name of ['app:get-state', 'ELECTRON_BROWSER_REQUIRE', '__proto__', 'toString'])
      expect(() => on(name, () => undefined)).toThrow(TypeError);
    expect(ipcRenderer.eventNames()).not.toContain('app:get-state');
  });
});
