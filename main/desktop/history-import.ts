import { dialog } from 'electron';
import type { MessageBoxOptions, OpenDialogOptions } from 'electron';
import { basename } from 'node:path';
import { nounFor } from '../core/plural.ts';
import { ImportError } from '../core/ratings/import/import-error.ts';
import { importHistoryFiles } from '../core/ratings/history/import-history.ts';
import { retryWhileBusy } from '../core/store/busy.ts';
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

/** "1 play", "12,345 plays": a count as a person writes it, with its noun. */
const count = (n: number, noun: string, many?: string): string =>
  `${n.toLocaleString('en')} ${nounFor(n, noun, many)}`;

function describe(summary: HistoryImportSummary): string {
  const { matched, unmatched } = summary;
  return [
    `${count(summary.plays, 'play')} of ${count(summary.recordings, 'recording')} read from ${count(summary.files.length, 'file')}.`,
    `Matched: ${count(matched.recordings, 'recording')} (${count(matched.plays, 'play')}); ${count(summary.tracks, 'song')} now ${nounFor(summary.tracks, 'carries', 'carry')} your listening.`,
    `Not in the catalog: ${count(unmatched.recordings, 'recording')} (${count(unmatched.plays, 'play')}), kept so that a crawl can find them (earshot pipeline --source unmatched).`,
    ...(summary.notMusic > 0
      ? [
          `${count(summary.notMusic, 'podcast or unknown entry', 'podcast or unknown entries')} ${nounFor(summary.notMusic, 'was', 'were')} left out.`,
        ]
      : []),
  ].join('\n');
}

/** One import, tried again while another process holds the write lock (see file-actions.ts). */
function importWhenFree(
  deps: FileActionDeps,
  paths: readonly string[],
  skipBad: boolean,
): Promise<HistoryImportSummary> {
  return retryWhileBusy(() => importHistoryFiles(deps.store, paths, { skipBad }), {
    onWait: () => deps.log("importing listening history: waiting for another process's write lock"),
  });
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
    summary = await importWhenFree(deps, paths, false);
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
    summary = await importWhenFree(deps, paths, true);
  }
  await tell(deps, {
    type: 'info',
    message: 'Listening history imported',
    detail: describe(summary),
  });
  return summary;
}
