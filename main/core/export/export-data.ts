import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { csvRow } from './csv.ts';
import type { Store } from './store/store.ts';

export interface ExportSummary {
  readonly songsFile: string;
  readonly ratingsFile: string;
  readonly songs: number;
  readonly ratings: number;
}

/** Writes a file through a temporary name, so a reader never sees half of it. */
function writeAtomically(path: string, write: (append: (line: string) => void) => void): void {
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  let buffer: string[] = [];
  const flush = (): void => {
    if (buffer.length > 0) writeSync(fd, buffer.join(''));
    buffer = [];
  };
  try {
    write((line) => {
      buffer.push(line, '\n');
      if (buffer.length >= 20_000) flush();
    });
    flush();
    closeSync(fd);
    renameSync(partial, path);
  } catch (error) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Writes the original project's two CSV files into `dir`: `songs.csv` (itemID, title, artists,
 * album, year, genres, spotify_url; artists and genres joined by "; ") and `user_ratings.csv`
 * with its header `userID,itemID,rating`. Item ids are the tracks' public keys, so a file
 * exported here imports into another Earshot unchanged.
 */
export function exportData(store: Store, dir: string): ExportSummary {
  mkdirSync(dir, { recursive: true });
  const songsFile = join(dir, 'songs.csv');
  const ratingsFile = join(dir, 'user_ratings.csv');
  const tracks = store.tracks.list({ includePlaceholders: true });
  writeAtomically(songsFile, (append) => {
    append('itemID,title,artists,album,year,genres,spotify_url');
    for (const t of tracks) {
      append(
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
    }
  });
  let ratings = 0;
  writeAtomically(ratingsFile, (append) => {
    append('userID,itemID,rating');
    for (const row of store.ratings.iterateForExport()) {
      append(csvRow([row.userId, row.itemKey, row.rating]));
      ratings++;
    }
  });
  return { songsFile, ratingsFile, songs: tracks.length, ratings };
}
