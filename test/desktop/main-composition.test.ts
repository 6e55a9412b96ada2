/**
 * main/index.ts as Electron runs it from a checkout, with only `electron` faked: the real store
 * on a temp file, the real embedded catalog and simulated listeners, real training in a worker
 * thread, the real IPC wiring. What the window would then show is left to the e2e spec.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, desktopChannels, readyChannel } from '../../main/core/contract/index.ts';
import type { AppState, DesktopSettings, Result } from '../../main/core/contract/index.ts';
import { app, FakeBrowserWindow, ipcMain, Menu } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

describe('main/index.ts', () => {
  let dataDir: string;
  let window: FakeBrowserWindow;
  const previousDb = process.env.EARSHOT_DB;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'earshot-main-'));
    process.env.EARSHOT_DB = join(dataDir, 'earshot.db');
    FakeBrowserWindow.created.length = 0;
    await import('../../main/index.ts');
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1), { timeout: 10_000 });
    window = FakeBrowserWindow.created[0]!;
  });

  afterAll(() => {
    app.emit('will-quit');
    rmSync(dataDir, { recursive: true, force: true });
    if (previousDb === undefined) delete process.env.EARSHOT_DB;
    else process.env.EARSHOT_DB = previousDb;
  });

  const rendererIndex = join(app.getAppPath(), 'out', 'renderer', 'index.html');
  const fromWindow = () =>
    ({
      sender: window.webContents,
      senderFrame: { url: pathToFileURL(rendererIndex).href, parent: null },
    }) as unknown as IpcMainInvokeEvent;

  it('sets the data folder, the sandbox and the name before anything else', () => {
    expect(app.paths.get('userData')).toBe(dataDir);
    expect(app.sandboxed).toBe(true);
    expect(app.name).toBe('Earshot');
  });

  it('opens one window on the built page with the CommonJS preload', () => {
    expect(window.loadedFile).toBe(rendererIndex);
    expect(window.options.webPreferences).toMatchObject({
      preload: join(app.getAppPath(), 'out', 'preload', 'index.cjs'),
      sandbox: true,
      contextIsolation: true,
    });
  });

  it('serves every contract and desktop method to that window over the real service', async () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      [...Object.values(channels), ...Object.values(desktopChannels)].sort(),
    );
    const state = (await ipcMain.invoke(channels.getState, fromWindow())) as Result<AppState>;
    expect(state.ok).toBe(true);
    // First run: the embedded catalog and the simulated listeners are in.
    expect(state.ok && state.value.catalog.tracks).toBeGreaterThan(700);
    expect(state.ok && state.value.catalog.listeners).toBeGreaterThan(100);
  });

  it('trains the first model in a worker, and holds its news until the page is ready', async () => {
    await vi.waitFor(
      async () => {
        const state = (await ipcMain.invoke(channels.getState, fromWindow())) as Result<AppState>;
        expect(state.ok && state.value.model).not.toBeNull();
      },
      { timeout: 20_000, interval: 100 },
    );
    expect(window.webContents.sent).toEqual([]);
    ipcMain.emit(readyChannel, fromWindow());
    // The latest of each: training has ended (idle), and the model it made is ready.
    expect(window.webContents.sent.map(([event]) => event)).toEqual([
      'training:progress',
      'model:ready',
    ]);
    expect(window.webContents.sent[0]?.[1]).toEqual({ status: 'idle' });
  });

  it('installs the application menu', () => {
    expect(Menu.applicationMenu?.getMenuItemById('refresh-data')).not.toBeNull();
  });

  it("answers the window's settings from the database, with no secret to show", async () => {
    const settings = (await ipcMain.invoke(
      desktopChannels.getSettings,
      fromWindow(),
    )) as Result<DesktopSettings>;
    expect(settings).toMatchObject({
      ok: true,
      value: {
        preferences: { songsToRate: 5, recommendations: 3 },
        spotify: { hasSpotifyCredentials: false, sources: [] },
      },
    });
  });

  it('runs Refresh data for the window and tells it how the refresh ended', async () => {
    const result = await ipcMain.invoke(desktopChannels.refreshData, fromWindow());
    expect(result).toMatchObject({ ok: true, value: { crawl: 'skipped' } });
    const finished = window.webContents.sent.filter(([event]) => event === 'pipeline:finished');
    expect(finished).toEqual([['pipeline:finished', result]]);
  }, 30_000);

  it('opens Settings in the page from the Settings… menu item', async () => {
    const items = (Menu.applicationMenu?.template ?? []).flatMap(
      (menu) => (menu.submenu ?? []) as Record<string, unknown>[],
    );
    const settings = items.find((item) => item.label === 'Settings…');
    (settings?.click as () => void)();
    await vi.waitFor(() => expect(window.webContents.sent).toContainEqual(['settings:open', null]));
  });
});
