import { join } from 'node:path';
import { csvRow } from '../csv.ts';
import { ownListenerMark } from '../ratings/import/own-ratings.ts';
import type { Store } from '../store/store.ts';
import { prepareExportFolder } from './export-target.ts';
import { writeAtomically } from './write-atomically.ts';

export interface ExportSummary {
  readonly songsFile: string;
  readonly ratingsFile: string;
  readonly songs: number;
  readonly ratings: number;
}

export interface ExportOptions {
  /** Replace songs.csv and user_ratings.csv when they exist. Default false: refuse. */
  readonly force?: boolean;
  /** Stops the export between batches; the files are then left as they were. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { file: string; done: number; total: number }) => void;
}

export const exportFileNames = ['songs.csv', 'user_ratings.csv'] as const;

/**
 * Writes the original project's two CSV files into `dir`: `songs.csv` (itemID, title, artists,
 * album, year, genres, spotify_url; artists and genres joined by "; ") and `user_ratings.csv`
 * with its header `userID,itemID,rating`. Item ids are the tracks' public keys, so a file
 * exported here imports into another Earshot unchanged; the local listener's ratings carry the
 * user id `earshot:me`, which `import-ratings --as-me` restores as your own.
 *
 * Everything that could refuse is checked before a byte is written (an {@link ExportError});
 * each file is replaced atomically, and an abort or a failure leaves no temporary file behind.
 */
export async function exportData(
  store: Store,
  dir: string,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  prepareExportFolder(dir, exportFileNames, options.force ?? false);
  const songsFile = join(dir, 'songs.csv');
  const ratingsFile = join(dir, 'user_ratings.csv');
  const tracks = store.tracks.list({ includePlaceholders: true });
  const songLines = tracks.map((t) =>
    csvRow([
      t.itemKey,
      t.title,
      t.artists.join('; '),
      t.album,
      t.year,
      t.genres.join('; '),
      t.spotifyUrl,
    ]),
  );
  const report = (file: string, total: number) => (done: number) =>
    options.onProgress?.({ file, done, total });
  await writeAtomically(
    songsFile,
    ['itemID,title,artists,album,year,genres,spotify_url', ...songLines],
    {
      ...(options.signal ? { signal: options.signal } : {}),
      onLines: report(songsFile, tracks.length + 1),
    },
  );
  const total = store.ratings.count();
  function* ratingLines(): Generator<string> {
    yield 'userID,itemID,rating';
    let after: { userRowId: number; trackRowId: number } | undefined;
    for (;;) {
      const page = store.ratings.exportPage(after, 5000);
      for (const row of page) {
        const userId = row.userKind === 'local' ? ownListenerMark : row.userId;
        yield csvRow([userId, row.itemKey, row.rating]);
      }
      if (page.length < 5000) return;
      after = page[page.length - 1];
    }
  }
  const written = await writeAtomically(ratingsFile, ratingLines(), {
    ...(options.signal ? { signal: options.signal } : {}),
    onLines: report(ratingsFile, total + 1),
  });
  return { songsFile, ratingsFile, songs: tracks.length, ratings: written - 1 };
}
