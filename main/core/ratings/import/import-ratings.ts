import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Store } from '../../store/store.ts';
import { decodeText } from './decode-text.ts';
import { describeBadLines, ImportError } from './import-error.ts';
import type { BadLine } from './import-error.ts';
import { parseRatings } from './parse-ratings.ts';
import type { ParsedRatings, RatingsFormat } from './rating-formats.ts';
import { keyOrder, ranksOf } from './key-order.ts';
import { nounFor, plural } from '../../plural.ts';

export interface ImportOptions {
  readonly format?: RatingsFormat;
  /** Import the good lines and report the bad ones, instead of importing nothing. */
  readonly skipBad?: boolean;
  readonly onProgress?: (progress: {
    phase: 'parsing' | 'writing';
    done: number;
    total: number;
  }) => void;
  /** Time given to ratings whose line has no timestamp (Unix seconds). */
  readonly now?: number;
}

export interface ImportSummary {
  readonly file: string;
  readonly imported: number;
  readonly users: number;
  /** Items the catalog did not know, added as placeholders so the ratings can be used. */
  readonly placeholders: number;
  /** Lines that rated a (user, item) pair again: the later line wins. */
  readonly repeated: number;
  readonly skipped: readonly BadLine[];
}

/** Store ids for dense keys, created as needed: imported users, placeholder items. */
function storeIds(
  store: Store,
  parsed: ParsedRatings,
  now: number,
): { users: Int32Array; items: Int32Array; placeholders: number } {
  const userIdOf = store.users.ensureMany('imported', parsed.userKeys);
  const known = store.tracks.idsByItemKey();
  const unknown = parsed.itemKeys.filter((key) => !known.has(key));
  store.tracks.addPlaceholders(unknown, now);
  const trackIdOf = unknown.length > 0 ? store.tracks.idsByItemKey() : known;
  return {
    users: Int32Array.from(parsed.userKeys, (key) => userIdOf.get(key)!),
    items: Int32Array.from(parsed.itemKeys, (key) => trackIdOf.get(key)!),
    placeholders: unknown.length,
  };
}

function writeParsed(
  store: Store,
  parsed: ParsedRatings,
  options: ImportOptions,
): Omit<ImportSummary, 'file' | 'skipped'> {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  return store.transaction(() => {
    const ids = storeIds(store, parsed, now);
    const order = keyOrder(
      parsed.userIndex,
      parsed.itemIndex,
      ranksOf(ids.users),
      ranksOf(ids.items),
    );
    const userIds = parsed.userIndex.map((u) => ids.users[u]);
    const trackIds = parsed.itemIndex.map((i) => ids.items[i]);
    const ratedAt = parsed.timestamps.map((t) => (t < 0 ? now : t));
    store.ratings.upsertColumns(
      { userIds, trackIds, ratings: parsed.ratings, ratedAt },
      order,
      (done) => options.onProgress?.({ phase: 'writing', done, total: order.length }),
    );
    return {
      imported: order.length,
      users: parsed.userKeys.length,
      placeholders: ids.placeholders,
      repeated: parsed.count - order.length,
    };
  });
}

/**
 * Imports a ratings file as the ratings of imported listeners. All or nothing: bad lines abort
 * the import (unless `skipBad`), and the writes are one transaction, so a crash or `kill -9`
 * leaves either every rating of the file or none.
 */
export function importRatingsText(
  store: Store,
  text: string,
  file: string,
  options: ImportOptions = {},
): ImportSummary {
  const parsed = parseRatings(text, options.format ?? 'csv', file);
  options.onProgress?.({ phase: 'parsing', done: parsed.lines, total: parsed.lines });
  if (parsed.bad.length > 0 && !options.skipBad) {
    throw new ImportError(
      'bad-rows',
      file,
      `${file}: ${parsed.bad.length} of ${plural(parsed.lines, 'line')} ${nounFor(parsed.bad.length, 'is', 'are')} bad, so nothing was imported (use --skip-bad to import the rest):\n${describeBadLines(file, parsed.bad)}`,
      parsed.bad,
    );
  }
  if (parsed.count === 0) {
    throw new ImportError('empty', file, `${file} has no usable ratings.`, parsed.bad);
  }
  return { file, skipped: parsed.bad, ...writeParsed(store, parsed, options) };
}

export function importRatingsFile(
  store: Store,
  path: string,
  options: ImportOptions = {},
): ImportSummary {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ImportError('unreadable', path, `Cannot read ${path}: ${(error as Error).message}`);
  }
  const summary = importRatingsText(
    store,
    decodeText(bytes, basename(path)),
    basename(path),
    options,
  );
  return { ...summary, file: path };
}
