import { dialog } from 'electron';
import type { MessageBoxOptions, OpenDialogOptions } from 'electron';
import { basename } from 'node:path';
import { ImportError } from '../core/ratings/import/import-error.ts';
import { importHistoryFiles } from '../core/ratings/history/import-history.ts';
import type { HistoryImportSummary } from '../core/ratings/history/import-history.ts';
import type { FileActionDeps } from './file-actions.ts';

async function choosePaths(deps: FileActionDeps, options: OpenDialogOptions): Promise<string[]> {
  const parent = deps.parent();
  const result = await (parent
    ? dialog.showOpenDialog(parent, options)
    : dialog.showOpenDialog(options));
  return result.canceled ? [] : result.filePaths;
}

async function tell(deps: FileActionDeps, options: MessageBoxOptions): Promise<number> {
  const parent = deps.parent();
  const result = await (parent
    ? dialog.showMessageBox(parent, options)
    : dialog.showMessageBox(options));
  return result.response;
}

function describe(summary: HistoryImportSummary): string {
  const { matched, unmatched } = summary;
  return [
    `${summary.plays.toLocaleString('en')} plays of ${summary.recordings.toLocaleString('en')} recordings read from ${summary.files.length} files.`,
    `Matched: ${matched.recordings.toLocaleString('en')} recordings (${matched.plays.toLocaleString('en')} plays); ${summary.tracks.toLocaleString('en')} songs now carry your listening.`,
    `Not in the catalog: ${unmatched.recordings.toLocaleString('en')} recordings (${unmatched.plays.toLocaleString('en')} plays), kept so that a crawl can find them (earshot pipeline --source unmatched).`,
    ...(summary.notMusic > 0
      ? [`${summary.notMusic} podcast or unknown entries were left out.`]
      : []),
  ].join('\n');
}

/**
 * Import listening history…: Spotify, Last.fm or ListenBrainz export files chosen in the system
 * dialog (several at once: Spotify splits its history), imported all or nothing. When some
 * entries are bad the listener sees them and may import the others instead.
 */
export async function importHistoryWithDialog(
  deps: FileActionDeps,
): Promise<HistoryImportSummary | undefined> {
  const paths = await choosePaths(deps, {
    title: 'Import listening history',
    properties: ['openFile', 'multiSelections'],
    filters: [
      {
        name: 'Listening history (Spotify, Last.fm, ListenBrainz)',
        extensions: ['json', 'jsonl', 'csv'],
      },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  if (paths.length === 0) return undefined;
  let summary: HistoryImportSummary;
  try {
    summary = importHistoryFiles(deps.store, paths);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    if (
      error.code !== 'bad-rows' ||
      error.badLines.every((b) => b.reason.startsWith('not valid JSON'))
    ) {
      await tell(deps, { type: 'error', message: 'Nothing was imported', detail: error.message });
      return undefined;
    }
    const choice = await tell(deps, {
      type: 'warning',
      message: `Some entries of ${basename(error.file)} cannot be used`,
      detail: `Nothing was imported yet.\n\n${error.message}`,
      buttons: ['Import the other entries', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
    });
    if (choice !== 0) return undefined;
    summary = importHistoryFiles(deps.store, paths, { skipBad: true });
  }
  await tell(deps, {
    type: 'info',
    message: 'Listening history imported',
    detail: describe(summary),
  });
  return summary;
}
