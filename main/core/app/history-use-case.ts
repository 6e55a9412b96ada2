import type { HistoryImportRequest, HistoryImportSummary } from '../contract/index.ts';
import { importHistorySources } from '../ratings/history/import-history.ts';
import { ImportError } from '../ratings/import/import-error.ts';
import type { Store } from '../store/store.ts';
import { ServiceError } from './service-error.ts';

/**
 * `importHistory`: listening-history files the page read (the browser cannot name paths), as
 * the local listener's implicit taste. A file that cannot be used is an `invalid-request` whose
 * message names the file, the line and what is wrong; nothing is imported then.
 */
export function importHistory(store: Store, request: HistoryImportRequest): HistoryImportSummary {
  try {
    const summary = importHistorySources(store, request.files, { skipBad: request.skipBad });
    return {
      files: summary.files.map((f) => ({
        file: f.file,
        format: f.format,
        plays: f.plays,
        skipped: f.skipped.length,
      })),
      plays: summary.plays,
      notMusic: summary.notMusic,
      recordings: summary.recordings,
      matched: { recordings: summary.matched.recordings, plays: summary.matched.plays },
      unmatched: summary.unmatched,
      tracks: summary.tracks,
    };
  } catch (error) {
    if (error instanceof ImportError) throw new ServiceError('invalid-request', error.message);
    throw error;
  }
}
