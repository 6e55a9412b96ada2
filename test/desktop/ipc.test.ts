import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppService } from '../../main/core/app/app-service.ts';
import { EventHub } from '../../main/core/app/event-hub.ts';
import { ModelManager } from '../../main/core/app/model-manager.ts';
import { loadEmbeddedCatalog } from '../../main/core/catalog/embedded-catalog.ts';
import { openStore } from '../../main/core/store/store.ts';
import type { Store } from '../../main/core/store/store.ts';
import { CredentialVault } from '../../main/desktop/credentials.ts';
import { registerIpc, unauthorizedResult } from '../../main/desktop/ipc.ts';
import type { WindowMethodName } from '../../main/desktop/ipc.ts';
import { createRequestRouter } from '../../main/desktop/ipc-routes.ts';
import type { Refresh } from '../../main/desktop/refresh.ts';
import { createSenderCheck } from '../../main/desktop/sender-guard.ts';
import { createSettingsService } from '../../main/desktop/settings.ts';
import { channels, desktopChannels } from '../../main/core/contract/index.ts';
import type { Result } from '../../main/core/contract/index.ts';
import { tempDbPath } from '../helpers/temp-dir.ts';
import { FakeWebContents, ipcMain, safeStorage } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

const appPageUrl = 'file:///opt/earshot/out/renderer/index.html';
const windowChannels = { ...channels, ...desktopChannels };
const credentials = { clientId: 'my-client-id', clientSecret: 'my-client-secret' };
const summary = {
  catalog: { inserted: 0, updated: 735 },
  crawl: 'skipped',
  ratingsWritten: 0,
  training: 'up-to-date',
  seconds: 0.2,
} as const;

describe('IPC', () => {
  let store: Store;
  let models: ModelManager;
  let unregister: () => void;
  let route: (method: WindowMethodName, request: unknown) => Promise<Result<unknown>>;
  const appContents = new FakeWebContents();
  const handle = vi.fn((method: WindowMethodName, request: unknown) => route(method, request));
  const refresh = {
    run: vi.fn<Refresh['run']>(() => Promise.resolve({ ok: true, value: summary })),
    cancel: vi.fn<Refresh['cancel']>(() => ({ cancelled: true })),
  };

  /** An invoke event as Electron builds it, from `contents` showing `url`. */
  const from = (contents: FakeWebContents, url = appPageUrl, parent: unknown = null) =>
    ({ sender: contents, senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

  const call = (method: WindowMethodName, request: unknown, event = from(appContents)) =>
    ipcMain.invoke(windowChannels[method], event, request) as Promise<Result<unknown>>;

  beforeEach(() => {
    store = openStore(tempDbPath());
    loadEmbeddedCatalog(store);
    const events = new EventHub();
    models = new ModelManager({ store, events });
    const service = createAppService({ store, models, events });
    const vault = new CredentialVault(store.settings, safeStorage);
    const settings = createSettingsService({ store, vault });
    route = createRequestRouter({ service, settings, refresh });
    handle.mockClear();
    refresh.run.mockClear();
    refresh.cancel.mockClear();
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

  it('has a handler on the channel of every contract and desktop method, and no other', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(windowChannels).sort());
    expect(Object.keys(windowChannels)).toHaveLength(33);
  });

  it('answers a valid request from the app window through the service', async () => {
    const result = await call('songsToRate', { count: 5 });
    expect(result.ok).toBe(true);
    expect(result.ok && (result.value as unknown[]).length).toBe(5);
    expect(handle).toHaveBeenCalledWith('songsToRate', { count: 5 });
  });

  it('saves credentials it never answers with: the settings say only that they exist', async () => {
    expect(await call('setSpotifyCredentials', credentials)).toEqual({
      ok: true,
      value: { hasSpotifyCredentials: true },
    });
    const settings = await call('getSettings', undefined);
    expect(settings).toMatchObject({
      ok: true,
      value: { spotify: { hasSpotifyCredentials: true } },
    });
    expect(JSON.stringify(settings)).not.toContain(credentials.clientId);
    expect(JSON.stringify(settings)).not.toContain(credentials.clientSecret);
  });

  it('routes Refresh data and Cancel refresh to the refresh', async () => {
    expect(await call('refreshData', undefined)).toEqual({ ok: true, value: summary });
    expect(await call('cancelRefresh', undefined)).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(refresh.run).toHaveBeenCalledTimes(1);
    expect(refresh.cancel).toHaveBeenCalledTimes(1);
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
    ['getSettings', { all: true }],
    ['setSpotifyCredentials', undefined],
    ['setSpotifyCredentials', { clientId: 'has space', clientSecret: 'x' }],
    ['setSpotifyCredentials', { ...credentials, extra: 1 }],
    ['clearSpotifyCredentials', 'everything'],
    ['setSpotifySources', { sources: 'search:jazz' }],
    ['setSpotifySources', { sources: ['x'.repeat(501)] }],
    ['setModelParameters', { factors: 0 }],
    ['setModelParameters', { learningRate: 'fast' }],
    ['setModelParameters', { seed: 1 }],
    ['refreshData', { now: true }],
    ['cancelRefresh', [1]],
  ] as const)('rejects %s(%j) with code invalid-request', async (method, request) => {
    const result = await call(method, request);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid-request');
    expect(refresh.run).not.toHaveBeenCalled();
    expect(refresh.cancel).not.toHaveBeenCalled();
  });

  it('names every bad Spotify source in one invalid-request, and keeps the saved ones', async () => {
    await call('setSpotifySources', { sources: ['search:genre:jazz'] });
    const result = await call('setSpotifySources', {
      sources: ['https://evil.example/album/x', 'search:genre:soul', 'spotify:album:short'],
    });
    expect(!result.ok && result.error.code).toBe('invalid-request');
    const lines = !result.ok ? result.error.message.split('\n') : [];
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('evil.example');
    expect(lines[1]).toContain('spotify:album:short');
    const settings = await call('getSettings', undefined);
    expect(settings).toMatchObject({ value: { spotify: { sources: ['search:genre:jazz'] } } });
  });

  it('does not reach any service for senders outside a known app window', async () => {
    const stranger = new FakeWebContents();
    const rating = { ratings: [{ trackId: store.tracks.list({})[0].id, stars: 5 }] };
    for (const event of [
      from(stranger),
      from(appContents, 'https://evil.example/'),
      from(appContents, 'file:///etc/passwd'),
      from(appContents, appPageUrl, { parent: 'frame' }),
    ]) {
      expect(await call('submitRatings', rating, event)).toEqual(unauthorizedResult);
      expect(await call('setSpotifyCredentials', credentials, event)).toEqual(unauthorizedResult);
      expect(await call('refreshData', undefined, event)).toEqual(unauthorizedResult);
    }
    expect(handle).not.toHaveBeenCalled();
    expect(store.ratings.count()).toBe(0);
    expect(store.settings.get('spotify.credentials')).toBeUndefined();
    expect(refresh.run).not.toHaveBeenCalled();
  });

  it('removes every handler when unregistered', () => {
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    unregister = () => undefined;
  });
});
