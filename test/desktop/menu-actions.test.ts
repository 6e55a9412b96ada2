import type { BrowserWindow } from 'electron';
import Sqlite from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppService } from '../../main/core/app/app-service.ts';
import type { AppService } from '../../main/core/app/app-service.ts';
import type { PageName, Result } from '../../main/core/contract/index.ts';
import { EventHub } from '../../main/core/app/event-hub.ts';
import { ModelManager } from '../../main/core/app/model-manager.ts';
import { loadEmbeddedCatalog } from '../../main/core/catalog/embedded-catalog.ts';
import { openStore } from '../../main/core/store/store.ts';
import type { Store } from '../../main/core/store/store.ts';
import { buildMenuTemplate } from '../../main/desktop/menu.ts';
import { createMenuActions } from '../../main/desktop/menu-actions.ts';
import type { Refresh } from '../../main/desktop/refresh.ts';
import { makeTempDir, tempDbPath } from '../helpers/temp-dir.ts';
import { extendedEntry } from '../helpers/history-fixtures.ts';
import { localListenerId } from '../../main/core/store/user-repository.ts';
import { dialog, FakeBrowserWindow } from './fake-electron.ts';
import { click, find, noActions, options } from './menu-helpers.ts';
import type { Item } from './menu-helpers.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('menu items reach the services', () => {
  let store: Store;
  let models: ModelManager;
  let refresh: Refresh;
  let run: ReturnType<typeof vi.fn<Refresh['run']>>;
  let cancel: ReturnType<typeof vi.fn<Refresh['cancel']>>;
  let openPath: ReturnType<typeof vi.fn<(path: string) => Promise<string>>>;
  let showSettings: ReturnType<typeof vi.fn<() => void>>;
  let dbPath: string;
  const log = vi.fn<(message: string) => void>();
  let showPage: ReturnType<typeof vi.fn<(page: PageName) => void>>;
  let startNewRound: ReturnType<typeof vi.fn<() => void>>;
  let window: BrowserWindow | undefined;
  let service: AppService;
  let template: Item[];
  /** Every run of a tracked action, to wait for its end instead of for the clock. */
  let actionRuns: Promise<void>[];
  const actionFinished = async () => {
    await vi.waitFor(() => expect(actionRuns).toHaveLength(1));
    await actionRuns[0];
  };
  const dataDir = '/home/me/.config/Earshot';

  beforeEach(() => {
    log.mockClear();
    dbPath = tempDbPath();
    store = openStore(dbPath);
    loadEmbeddedCatalog(store);
    const events = new EventHub();
    models = new ModelManager({ store, events, retrainDelayMs: 60_000 });
    service = createAppService({ store, models, events });
    run = vi.fn(() =>
      Promise.resolve({
        ok: true as const,
        value: {
          catalog: { inserted: 0, updated: 735 },
          crawl: 'skipped' as const,
          ratingsWritten: 0,
          training: 'up-to-date' as const,
          seconds: 0.4,
        },
      }),
    );
    cancel = vi.fn(() => ({ cancelled: true }));
    refresh = {
      run,
      cancel,
      isRunning: () => false,
      onRunningChange: () => () => undefined,
      onFinished: () => () => undefined,
    };
    openPath = vi.fn(() => Promise.resolve(''));
    showSettings = vi.fn();
    showPage = vi.fn();
    startNewRound = vi.fn();
    window = undefined;
    const actions = createMenuActions({
      store,
      models,
      service,
      refresh,
      showSettings,
      showPage,
      startNewRound,
      parent: () => window,
      showItemInFolder: () => undefined,
      dataDir,
      openPath,
      log,
      about: { name: 'Earshot', version: '0.1.0', versions: 'Electron 45' },
    });
    actionRuns = [];
    const track =
      (action: () => Promise<void>): (() => Promise<void>) =>
      () => {
        const running = action();
        actionRuns.push(running);
        return running;
      };
    const tracked = {
      ...noActions,
      ...actions,
      exportData: track(actions.exportData),
      exportPlaylist: track(actions.exportPlaylist),
      refreshData: track(actions.refreshData),
    };
    template = buildMenuTemplate(tracked, { ...options, platform: 'linux' });
    dialog.showOpenDialog.mockReset();
    dialog.showSaveDialog.mockReset();
    dialog.showMessageBox.mockClear();
  });

  afterEach(() => {
    models.close();
    store.close();
  });

  it('Export data… writes the two CSV files from the database into the chosen folder', async () => {
    const dir = makeTempDir();
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [dir] });
    click(find(template, 'Export data…'));
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalled());
    const songs = readFileSync(join(dir, 'songs.csv'), 'utf8').trimEnd().split('\n');
    expect(songs[0]).toBe('itemID,title,artists,album,year,genres,spotify_url');
    expect(songs).toHaveLength(store.tracks.count() + 1);
    expect(readFileSync(join(dir, 'user_ratings.csv'), 'utf8')).toBe('userID,itemID,rating\n');
  });

  it('Export data… does nothing when the dialog is cancelled', async () => {
    dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    click(find(template, 'Export data…'));
    await actionFinished();
    expect(dialog.showOpenDialog).toHaveBeenCalledTimes(1);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('Import ratings… imports the chosen file, and on bad lines offers to import the rest', async () => {
    const keys = store.tracks
      .list({})
      .slice(0, 3)
      .map((t) => t.itemKey);
    const file = join(makeTempDir(), 'ratings.csv');
    writeFileSync(
      file,
      `userID,itemID,rating\nana,${keys[0]},5\nana,${keys[1]},4\nbo,${keys[2]},9\n`,
    );
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    dialog.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
    const retrain = vi.spyOn(models, 'ratingsChanged');
    click(find(template, 'Import ratings…'));
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalledTimes(2));
    const [warning] = dialog.showMessageBox.mock.calls[0] as unknown as [
      { message: string; detail: string },
    ];
    expect(warning.message).toBe('1 line of ratings.csv cannot be used');
    expect(warning.detail).toContain('ratings.csv:4');
    expect(store.ratings.count()).toBe(2);
    expect(retrain).toHaveBeenCalledTimes(1);
  });

  it('Import ratings… waits for another process to finish writing, then imports', async () => {
    const key = store.tracks.list({})[0].itemKey;
    const file = join(makeTempDir(), 'ratings.csv');
    writeFileSync(file, `userID,itemID,rating\nana,${key},5\n`);
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    dialog.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
    // The window's connection waits briefly per statement, as the desktop app sets it.
    store.setBusyTimeout(10);
    const otherProcess = new Sqlite(dbPath);
    otherProcess.exec('BEGIN IMMEDIATE');
    otherProcess.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('x', '1')").run();
    click(find(template, 'Import ratings…'));
    await vi.waitFor(() =>
      expect(log).toHaveBeenCalledWith(expect.stringContaining('waiting for another process')),
    );
    expect(store.ratings.count()).toBe(0);
    otherProcess.exec('COMMIT');
    otherProcess.close();
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalledTimes(1));
    expect(dialog.showMessageBox.mock.calls[0]).toMatchObject([
      { message: 'Imported 1 rating by 1 listener' },
    ]);
    expect(store.ratings.count()).toBe(1);
  });

  it('Import listening history… imports the chosen files and tells what matched', async () => {
    const dir = makeTempDir();
    const spotify = join(dir, 'Streaming_History_Audio_2024_0.json');
    writeFileSync(
      spotify,
      JSON.stringify([
        extendedEntry({
          title: 'Bohemian Rhapsody - Remastered 2011',
          artist: 'Queen',
          at: 1_700_000_000,
        }),
        extendedEntry({ title: 'Not In The Catalog', artist: 'Nobody', at: 1_700_000_000 }),
      ]),
    );
    const lastfm = join(dir, 'scrobbles.csv');
    writeFileSync(lastfm, 'Queen,A Night at the Opera,Bohemian Rhapsody,01 Jan 2024 10:00\n');
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [spotify, lastfm] });
    dialog.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
    click(find(template, 'Import listening history…'));
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalledTimes(1));
    const [shown] = dialog.showMessageBox.mock.calls[0] as unknown as [{ detail: string }];
    expect(shown.detail).toContain('3 plays of 3 recordings read from 2 files.');
    expect(shown.detail).toContain('1 song now carries your listening');
    expect(shown.detail).toContain('Not in the catalog: 1 recording (1 play)');
    const me = store.users.ensure('local', localListenerId);
    expect(store.signals.forUser(me)).toHaveLength(1);
  });

  it('Import listening history… shows bad entries and imports nothing when cancelled', async () => {
    const file = join(makeTempDir(), 'scrobbles.csv');
    writeFileSync(file, 'Queen,A Night at the Opera,Bohemian Rhapsody,someday\n');
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    dialog.showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false });
    click(find(template, 'Import listening history…'));
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalledTimes(1));
    const [warning] = dialog.showMessageBox.mock.calls[0] as unknown as [{ detail: string }];
    expect(warning.detail).toContain('scrobbles.csv:1: time "someday"');
    expect(store.signals.unmatched()).toEqual([]);
  });

  it('Export playlist… writes the loved songs in the format of the file type chosen', async () => {
    const songs = store.tracks.list().slice(0, 3);
    value(
      await service.handle('submitRatings', {
        ratings: songs.map((song, i) => ({ trackId: song.id, stars: 5 - i })),
      }),
    );
    const path = join(makeTempDir(), 'loved.xspf');
    dialog.showMessageBox
      .mockResolvedValueOnce({ response: 1, checkboxChecked: false })
      .mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: path });
    click(find(template, 'Export playlist…'));
    await actionFinished();
    const [saveOptions] = dialog.showSaveDialog.mock.calls[0] as unknown as [
      { defaultPath: string; filters: { extensions: string[] }[] },
    ];
    expect(saveOptions.defaultPath).toMatch(/^earshot-loved-.*\.m3u8$/);
    expect(saveOptions.filters.map((f) => f.extensions)).toEqual([['m3u8'], ['xspf'], ['jspf']]);
    const xml = readFileSync(path, 'utf8');
    expect(xml).toContain('<title>Songs I love</title>');
    expect(xml.match(/<track>/g)).toHaveLength(2);
    const [, done] = dialog.showMessageBox.mock.calls as unknown as [
      unknown,
      [{ message: string }],
    ];
    expect(done[0].message).toBe('Exported 2 songs');
  });

  it('Export playlist… explains an empty playlist and asks for no file', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    click(find(template, 'Export playlist…'));
    await actionFinished();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    const [, told] = dialog.showMessageBox.mock.calls as unknown as [unknown, [{ detail: string }]];
    expect(told[0].detail).toMatch(/^There are no songs you loved yet/);
  });

  it('Refresh data and Cancel refresh call the refresh service', async () => {
    click(find(template, 'Refresh data'));
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    click(find(template, 'Cancel refresh'));
    await vi.waitFor(() => expect(cancel).toHaveBeenCalledTimes(1));
  });

  it('Refresh data leaves the outcome to the window when one is open', async () => {
    window = new FakeBrowserWindow({}) as unknown as BrowserWindow;
    click(find(template, 'Refresh data'));
    await actionFinished();
    expect(run).toHaveBeenCalledTimes(1);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('Refresh data tells the outcome in a dialog when no window is open', async () => {
    click(find(template, 'Refresh data'));
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalled());
    const [shown] = dialog.showMessageBox.mock.calls[0] as unknown as [{ detail: string }];
    expect(shown.detail).toContain('Catalog: 0 new songs, 735 refreshed.');
  });

  it('Open data folder opens the folder of the database', async () => {
    click(find(template, 'Open data folder'));
    await vi.waitFor(() => expect(openPath).toHaveBeenCalledWith(dataDir));
  });

  it("Settings… asks for the page's settings, with no dialog of its own", async () => {
    click(find(template, 'Settings…'));
    await vi.waitFor(() => expect(showSettings).toHaveBeenCalledTimes(1));
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('New round, Your ratings, History and Earshot Help ask the page, with no dialog of their own', async () => {
    click(find(template, 'New round'));
    click(find(template, 'Your ratings'));
    click(find(template, 'History'));
    click(find(template, 'Earshot Help'));
    await vi.waitFor(() => expect(showPage).toHaveBeenCalledWith('help'));
    expect(showPage.mock.calls).toEqual([['ratings'], ['history'], ['help']]);
    expect(startNewRound).toHaveBeenCalledTimes(1);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('Your taste… opens the taste page, with no dialog of its own', async () => {
    click(find(template, 'Your taste…'));
    await vi.waitFor(() => expect(showPage).toHaveBeenCalledWith('taste'));
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('About Earshot names the version', async () => {
    click(find(template, 'About Earshot'));
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalled());
    expect(dialog.showMessageBox.mock.calls[0]).toMatchObject([{ message: 'Earshot 0.1.0' }]);
  });
});
