import { dialog } from 'electron';
import type { MessageBoxOptions } from 'electron';
import type { AppService } from '../core/app/app-service.ts';
import type { PageName, RefreshSummary } from '../core/contract/index.ts';
import { exportDataWithDialog, importRatingsWithDialog } from './file-actions.ts';
import type { FileActionDeps } from './file-actions.ts';
import { importHistoryWithDialog } from './history-import.ts';
import { exportPlaylistWithDialog } from './playlist-export.ts';
import type { Refresh } from './refresh.ts';

/** What the menu's own items do; every one goes through the same services as IPC. */
export interface MenuActions {
  readonly refreshData: () => Promise<void>;
  readonly cancelRefresh: () => void;
  readonly importRatings: () => Promise<void>;
  readonly importHistory: () => Promise<void>;
  readonly exportData: () => Promise<void>;
  /** File › Export playlist…: the picks or the loved songs, to a file chosen in a dialog. */
  readonly exportPlaylist: () => Promise<void>;
  /** View › History: the past sets of picks. */
  readonly showHistory: () => void;
  readonly openSettings: () => void;
  /** File › New round: the window shows a fresh round to rate. */
  readonly newRound: () => void;
  /** Help › Earshot Help. */
  readonly showHelp: () => void;
  /** View › Your ratings. */
  readonly showRatings: () => void;
  /** File › Your taste…: the taste start's page. */
  readonly showTaste: () => void;
  readonly openDataFolder: () => Promise<void>;
  readonly showAbout: () => Promise<void>;
}

export interface MenuActionDeps extends FileActionDeps {
  readonly service: Pick<AppService, 'catalogChanged' | 'handle'>;
  readonly refresh: Refresh;
  /** Shows the page's Settings (`settings:open`), opening the window first if need be. */
  readonly showSettings: () => void;
  /** Shows one of the page's pages (`page:open`), opening the window first if need be. */
  readonly showPage: (page: PageName) => void;
  /** Asks the page for a fresh round (`round:new`), opening the window first if need be. */
  readonly startNewRound: () => void;
  readonly dataDir: string;
  /** `shell.openPath`: resolves to an error message, empty on success. */
  readonly openPath: (path: string) => Promise<string>;
  readonly about: { readonly name: string; readonly version: string; readonly versions: string };
}

async function tell(deps: MenuActionDeps, options: MessageBoxOptions): Promise<number> {
  const parent = deps.parent();
  const result = await (parent
    ? dialog.showMessageBox(parent, options)
    : dialog.showMessageBox(options));
  return result.response;
}

function describeRefresh(summary: RefreshSummary): string {
  const training = {
    trained: 'The model was retrained.',
    'up-to-date': 'The model was already up to date.',
    'no-ratings': 'There are no ratings to train on.',
  }[summary.training];
  return [
    `Catalog: ${summary.catalog.inserted} new songs, ${summary.catalog.updated} refreshed.`,
    `Spotify: ${summary.crawl === 'done' ? 'crawled' : 'skipped'}.`,
    `Simulated listeners: ${summary.ratingsWritten} new ratings.`,
    training,
    `Took ${summary.seconds.toFixed(1)} s.`,
  ].join('\n');
}

export function createMenuActions(deps: MenuActionDeps): MenuActions {
  return {
    // The window shows progress and the outcome (`pipeline:finished`); a dialog tells the
    // outcome only when no window is open to show it (macOS keeps running without one).
    refreshData: async () => {
      const result = await deps.refresh.run();
      if (deps.parent() !== undefined) return;
      if (result.ok) {
        await tell(deps, {
          type: 'info',
          message: 'Data refreshed',
          detail: describeRefresh(result.value),
        });
      } else if (result.error.code !== 'cancelled') {
        await tell(deps, {
          type: 'error',
          message: 'Refresh data did not finish',
          detail: `${result.error.message}\nThe previous catalog and model are still in place.`,
        });
      }
    },
    cancelRefresh: () => void deps.refresh.cancel(),
    importRatings: async () => void (await importRatingsWithDialog(deps)),
    importHistory: async () => void (await importHistoryWithDialog(deps)),
    exportData: async () => void (await exportDataWithDialog(deps)),
    exportPlaylist: async () => void (await exportPlaylistWithDialog(deps)),
    showHistory: () => deps.showPage('history'),
    openSettings: () => deps.showSettings(),
    newRound: () => deps.startNewRound(),
    showHelp: () => deps.showPage('help'),
    showRatings: () => deps.showPage('ratings'),
    showTaste: () => deps.showPage('taste'),
    openDataFolder: async () => {
      const problem = await deps.openPath(deps.dataDir);
      if (problem !== '') deps.log(`cannot open ${deps.dataDir}: ${problem}`);
    },
    showAbout: async () => {
      await tell(deps, {
        type: 'info',
        message: `${deps.about.name} ${deps.about.version}`,
        detail: `Rate a few songs, find the ones you will love.\n\n${deps.about.versions}\nMIT licence.`,
      });
    },
  };
}

/** For the menu's `onActionError`: logged, and the listener told where to look. */
export function reportActionError(
  log: (message: string, error?: unknown) => void,
  logFile: string,
) {
  return (error: unknown): void => {
    log('a menu action failed', error);
    dialog.showErrorBox('Something went wrong', `The details are in ${logFile}.`);
  };
}
