import { dialog } from 'electron';
import type { MessageBoxOptions } from 'electron';
import { exportDataWithDialog, importRatingsWithDialog } from './file-actions.ts';
import type { FileActionDeps } from './file-actions.ts';
import type { Refresh } from './refresh.ts';
import type { SettingsService } from './settings.ts';
import type { RefreshSummary } from './settings-types.ts';

/** What the menu's own items do; every one goes through the same services as IPC. */
export interface MenuActions {
  readonly refreshData: () => Promise<void>;
  readonly cancelRefresh: () => void;
  readonly importRatings: () => Promise<void>;
  readonly exportData: () => Promise<void>;
  readonly openSettings: () => Promise<void>;
  readonly openDataFolder: () => Promise<void>;
  readonly showAbout: () => Promise<void>;
}

export interface MenuActionDeps extends FileActionDeps {
  readonly refresh: Refresh;
  readonly settings: SettingsService;
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

/** Until the Settings page exists (it needs contract additions), a read-only summary. */
async function showSettingsSummary(deps: MenuActionDeps): Promise<void> {
  const settings = deps.settings.read();
  const { preferences, spotify, model } = settings;
  const choice = await tell(deps, {
    type: 'info',
    message: 'Settings',
    detail: [
      `Songs to rate: ${preferences.songsToRate}; recommendations: ${preferences.recommendations}.`,
      `Spotify credentials: ${spotify.hasSpotifyCredentials ? 'saved (encrypted)' : 'not set'}.`,
      `Spotify sources: ${spotify.sources.length === 0 ? 'none' : spotify.sources.join(', ')}.`,
      `Model: ${model.factors} factors, ${model.epochs} epochs, learning rate ${model.learningRate}, regularisation ${model.regularization}.`,
    ].join('\n'),
    buttons: spotify.hasSpotifyCredentials ? ['OK', 'Forget Spotify credentials'] : ['OK'],
    defaultId: 0,
    cancelId: 0,
  });
  if (choice === 1) await deps.settings.handle('clearSpotifyCredentials', undefined);
}

export function createMenuActions(deps: MenuActionDeps): MenuActions {
  return {
    refreshData: async () => {
      const result = await deps.refresh.run();
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
    exportData: async () => void (await exportDataWithDialog(deps)),
    openSettings: () => showSettingsSummary(deps),
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
