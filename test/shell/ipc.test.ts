import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppService } from '../../main/core/app/app-service.ts';
import { EventHub } from '../../main/core/app/event-hub.ts';
import { ModelManager } from '../../main/core/app/model-manager.ts';
import { loadEmbeddedCatalog } from '../../main/core/catalog/embedded-catalog.ts';
import { openStore } from '../../main/core/store/store.ts';
import type { Store } from '../../main/core/store/store.ts';
import { forwardEvents, registerIpc, unauthorizedResult } from '../../main/ipc.ts';
import { createSenderCheck } from '../../main/sender-guard.ts';
import { channels } from '../../preload/api.ts';
import type { MethodName, Result } from '../../preload/api.ts';
import { tempDbPath } from '../helpers/temp-dir.ts';
import { FakeWebContents, ipcMain } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

const appPageUrl = 'file:///opt/earshot/out/renderer/index.html';

describe('IPC', () => {
  let store: Store;
  let events: EventHub;
  let models: ModelManager;
  let unregister: () => void;
  const appContents = new FakeWebContents();
  const service = () => createAppService({ store, models, events });
  const handle = vi.fn((method: MethodName, request: unknown) => service().handle(method, request));

  /** An invoke event as Electron builds it, from `contents` showing `url`. */
  const from = (contents: FakeWebContents, url = appPageUrl, parent: unknown = null) =>
    ({ sender: contents, senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

  const call = (method: MethodName, request: unknown, event = from(appContents)) =>
    ipcMain.invoke(channels[method], event, request) as Promise<Result<unknown>>;

  beforeEach(() => {
    store = openStore(tempDbPath());
    loadEmbeddedCatalog(store);
    events = new EventHub();
    models = new ModelManager({ store, events });
    handle.mockClear();
    unregister = registerIpc({
      handle,
      isTrustedSender: createSenderCheck({
        appPageUrl,
        isAppWindow: (contents) => contents === (appContents as unknown as WebContents),
      }),
    });
  });

  afterEach(() => {
    unregister();
    models.close();
    store.close();
  });

  it('has a handler on the contract channel of every method, and no other', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(channels).sort());
  });

  it('answers a valid request from the app window through the service', async () => {
    const result = await call('songsToRate', { count: 5 });
    expect(result.ok).toBe(true);
    expect(result.ok && (result.value as unknown[]).length).toBe(5);
    expect(handle).toHaveBeenCalledWith('songsToRate', { count: 5 });
  });

  it.each([
    ['songsToRate', { count: 'five' }],
    ['songsToRate', { count: 10_000 }],
    ['songsToRate', { count: 5, extra: true }],
    ['skipSong', undefined],
    ['skipSong', { trackId: -1, exclude: [] }],
    ['submitRatings', { ratings: [{ trackId: 1, stars: 9 }] }],
    ['submitRatings', 'ratings'],
    ['recommend', { count: 1.5 }],
    ['setPreferences', { songsToRate: 0 }],
    ['setPreferences', { strategy: 'psychic' }],
  ] as const)('rejects %s(%j) with code invalid-request', async (method, request) => {
    const result = await call(method, request);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid-request');
  });

  it('does not reach the service for senders outside a known app window', async () => {
    const stranger = new FakeWebContents();
    const rating = { ratings: [{ trackId: store.tracks.list({})[0].id, stars: 5 }] };
    for (const event of [
      from(stranger),
      from(appContents, 'https://evil.example/'),
      from(appContents, 'file:///etc/passwd'),
      from(appContents, appPageUrl, { parent: 'frame' }),
    ]) {
      expect(await call('submitRatings', rating, event)).toEqual(unauthorizedResult);
    }
    expect(handle).not.toHaveBeenCalled();
    expect(store.ratings.count()).toBe(0);
  });

  it('removes every handler when unregistered', () => {
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    unregister = () => undefined;
  });
});

describe('forwardEvents', () => {
  it("pushes every core event on its contract name to the app's open windows", () => {
    const events = new EventHub();
    const open = new FakeWebContents();
    const closed = new FakeWebContents();
    closed.destroyed = true;
    const stop = forwardEvents({
      events,
      targets: () => [open, closed] as unknown as WebContents[],
    });
    events.emit('training:progress', { status: 'idle' });
    events.emit('pipeline:progress', { step: 'catalog', status: 'started', message: 'Loading' });
    stop();
    events.emit('training:progress', { status: 'idle' });
    expect(open.sent).toEqual([
      ['training:progress', { status: 'idle' }],
      ['pipeline:progress', { step: 'catalog', status: 'started', message: 'Loading' }],
    ]);
    expect(closed.sent).toEqual([]);
  });
});
