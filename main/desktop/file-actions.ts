import { dialog } from 'electron';
import { plural } from '../core/plural.ts';
import type { BrowserWindow, MessageBoxOptions, OpenDialogOptions } from 'electron';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AppService } from '../core/app/app-service.ts';
import type { ModelManager } from '../core/app/model-manager.ts';
import { exportData, exportFileNames } from '../core/export/export-data.ts';
import type { ExportSummary } from '../core/export/export-data.ts';
import { describeBadLines, ImportError } from '../core/ratings/import/import-error.ts';
import { guessRatingsFormat } from '../core/ratings/import/rating-formats.ts';
import { importRatingsFile } from '../core/ratings/import/import-ratings.ts';
import type { ImportSummary } from '../core/ratings/import/import-ratings.ts';
import { retryWhileBusy } from '../core/store/busy.ts';
import type { Store } from '../core/store/store.ts';
import type { Log } from './log.ts';

export interface FileActionDeps {
  readonly store: Store;
  readonly models: Pick<ModelManager, 'ratingsChanged'>;
  readonly service: Pick<AppService, 'catalogChanged'>;
  /** The window dialogs belong to, if one is open. */
  readonly parent: () => BrowserWindow | undefined;
  readonly showItemInFolder: (path: string) => void;
  readonly log: Log;
}

async function choosePath(
  deps: FileActionDeps,
  options: OpenDialogOptions,
): Promise<string | undefined> {
  const parent = deps.parent();
  const result = await (parent
    ? dialog.showOpenDialog(parent, options)
    : dialog.showOpenDialog(options));
  return result.canceled ? undefined : result.filePaths[0];
}

async function tell(deps: FileActionDeps, options: MessageBoxOptions): Promise<number> {
  const parent = deps.parent();
  const result = await (parent
    ? dialog.showMessageBox(parent, options)
    : dialog.showMessageBox(options));
  return result.response;
}

/**
 * One import, in one transaction. While another process (a pipeline, an import in the terminal)
 * holds the write lock it is tried again, without blocking the window, so nothing is lost.
 */
async function importOnce(
  deps: FileActionDeps,
  path: string,
  skipBad: boolean,
): Promise<ImportSummary> {
  const summary = await retryWhileBusy(
    () => importRatingsFile(deps.store, path, { format: guessRatingsFormat(path), skipBad }),
    { onWait: () => deps.log(`importing ${path}: waiting for another process's write lock`) },
  );
  deps.service.catalogChanged();
  deps.models.ratingsChanged();
  return summary;
}

/**
 * Import ratings…: a file chosen in the system dialog, imported all or nothing. When some lines
 * are bad, the listener sees them and may import the good ones instead. A retrain follows.
 */
export async function importRatingsWithDialog(
  deps: FileActionDeps,
): Promise<ImportSummary | undefined> {
  const path = await choosePath(deps, {
    title: 'Import ratings',
    properties: ['openFile'],
    filters: [
      {
        name: 'Ratings (CSV, MovieLens)',
        extensions: ['csv', 'data', 'dat', 'base', 'test', 'txt'],
      },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  if (path === undefined) return undefined;
  let summary: ImportSummary;
  try {
    summary = await importOnce(deps, path, false);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    if (error.code !== 'bad-rows') {
      await tell(deps, { type: 'error', message: 'Nothing was imported', detail: error.message });
      return undefined;
    }
    const choice = await tell(deps, {
      type: 'warning',
      message: `${plural(error.badLines.length, 'line')} of ${basename(path)} cannot be used`,
      detail: `Nothing was imported yet.\n\n${describeBadLines(basename(path), error.badLines)}`,
      buttons: ['Import the other lines', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
    });
    if (choice !== 0) return undefined;
    summary = await importOnce(deps, path, true);
  }
  const extra =
    summary.placeholders > 0
      ? `\n${plural(summary.placeholders, 'song')} not in the catalog ${summary.placeholders === 1 ? 'was' : 'were'} added as placeholders.`
      : '';
  await tell(deps, {
    type: 'info',
    message: `Imported ${plural(summary.imported, 'rating')} by ${plural(summary.users, 'listener')}`,
    detail: `From ${path}.${extra}\nThe model retrains in the background.`,
  });
  return summary;
}

/** Export data…: songs.csv and user_ratings.csv into a folder chosen in the system dialog. */
export async function exportDataWithDialog(
  deps: FileActionDeps,
): Promise<ExportSummary | undefined> {
  const dir = await choosePath(deps, {
    title: 'Export data to a folder',
    buttonLabel: 'Export here',
    properties: ['openDirectory', 'createDirectory'],
  });
  if (dir === undefined) return undefined;
  const existing = exportFileNames.filter((name) => existsSync(join(dir, name)));
  if (existing.length > 0) {
    const replace = await tell(deps, {
      type: 'question',
      message: `Replace ${existing.join(' and ')}?`,
      detail: `${dir} already has ${existing.length > 1 ? 'them' : 'it'}.`,
      buttons: ['Cancel', 'Replace'],
      defaultId: 0,
      cancelId: 0,
    });
    if (replace !== 1) return undefined;
  }
  const summary = await exportData(deps.store, dir, { force: true });
  const choice = await tell(deps, {
    type: 'info',
    message: `Exported ${plural(summary.songs, 'song')} and ${plural(summary.ratings, 'rating')}`,
    detail: `${summary.songsFile}\n${summary.ratingsFile}`,
    buttons: ['OK', 'Show in folder'],
    defaultId: 0,
  });
  if (choice === 1) deps.showItemInFolder(summary.songsFile);
  return summary;
}
