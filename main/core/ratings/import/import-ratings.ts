import type { Store } from '../../store/store.ts';
import { localListenerId } from '../../store/user-repository.ts';
import { describeBadLines, ImportError } from './import-error.ts';
import type { BadLine } from './import-error.ts';
import { keyOrder, ranksOf } from './key-order.ts';
import { selectOwnRows } from './own-ratings.ts';
import { parseRatings } from './parse-ratings.ts';
import type { ParseRatingsOptions } from './parse-ratings.ts';
import type { ParsedRatings } from './rating-formats.ts';
import { toStoredScale } from './rating-scale.ts';
import type { RatingScale } from './rating-scale.ts';
import { readTextFile } from './read-text-file.ts';
import { nounFor, plural } from '../../plural.ts';

export interface ImportOptions extends ParseRatingsOptions {
  /** Import the good lines and report the bad ones, instead of importing nothing. */
  readonly skipBad?: boolean;
  /**
   * The ratings are the local listener's own (see `selectOwnRows`): they restore or extend
   * your profile instead of adding an imported listener.
   */
  readonly asMe?: boolean;
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
  /** The file's scale; ratings on another scale than the store's were mapped onto 0.5–5. */
  readonly scale: RatingScale;
  /** Whether the ratings became the local listener's own (`asMe`). */
  readonly asMe: boolean;
  /** With `asMe`: ratings of other listeners in the file, left out. */
  readonly leftOut: number;
}

/** Store ids for dense keys, created as needed: listeners, placeholder items. */
function storeIds(
  store: Store,
  parsed: ParsedRatings,
  asMe: boolean,
  now: number,
): { users: Int32Array; items: Int32Array; placeholders: number } {
  let users: Int32Array;
  if (asMe) users = Int32Array.of(store.users.ensure('local', localListenerId));
  else {
    const userIdOf = store.users.ensureMany('imported', parsed.userKeys);
    users = Int32Array.from(parsed.userKeys, (key) => userIdOf.get(key)!);
  }
  const known = store.tracks.idsByItemKey();
  const unknown = parsed.itemKeys.filter((key) => !known.has(key));
  store.tracks.addPlaceholders(unknown, now);
  const trackIdOf = unknown.length > 0 ? store.tracks.idsByItemKey() : known;
  return {
    users,
    items: Int32Array.from(parsed.itemKeys, (key) => trackIdOf.get(key)!),
    placeholders: unknown.length,
  };
}

type WriteSummary = Pick<ImportSummary, 'imported' | 'users' | 'placeholders' | 'repeated'>;

function writeParsed(store: Store, parsed: ParsedRatings, options: ImportOptions): WriteSummary {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const toStored = toStoredScale(parsed.scale);
  return store.transaction(() => {
    const ids = storeIds(store, parsed, options.asMe ?? false, now);
    const order = keyOrder(
      parsed.userIndex,
      parsed.itemIndex,
      ranksOf(ids.users),
      ranksOf(ids.items),
    );
    const userIds = parsed.userIndex.map((u) => ids.users[u]);
    const trackIds = parsed.itemIndex.map((i) => ids.items[i]);
    const ratedAt = parsed.timestamps.map((t) => (t < 0 ? now : t));
    const ratings = parsed.ratings.map(toStored);
    store.ratings.upsertColumns({ userIds, trackIds, ratings, ratedAt }, order, (done) =>
      options.onProgress?.({ phase: 'writing', done, total: order.length }),
    );
    return {
      imported: order.length,
      users: parsed.userKeys.length,
      placeholders: ids.placeholders,
      repeated: parsed.count - order.length,
    };
  });
}

/** Throws the all-or-nothing refusal when `parsed` has bad lines and `skipBad` is off. */
export function refuseBadLines(parsed: ParsedRatings, file: string, skipBad: boolean): void {
  if (parsed.bad.length > 0 && !skipBad) {
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
}

/**
 * Imports a ratings file as the ratings of imported listeners, or with `asMe` as the local
 * listener's own. Ratings keep their full precision: a file on a scale inside 0.5–5 is stored
 * as written, any other scale is mapped linearly onto 0.5–5. All or nothing: bad lines abort
 * the import (unless `skipBad`), and the writes are one transaction, so a crash or `kill -9`
 * leaves either every rating of the file or none.
 */
export function importRatingsText(
  store: Store,
  text: string,
  file: string,
  options: ImportOptions = {},
): ImportSummary {
  const parsed = parseRatings(text, file, options);
  options.onProgress?.({ phase: 'parsing', done: parsed.lines, total: parsed.lines });
  refuseBadLines(parsed, file, options.skipBad ?? false);
  const asMe = options.asMe ?? false;
  const own = asMe ? selectOwnRows(parsed, file) : parsed;
  if (own.count === 0) throw new ImportError('empty', file, `${file} has no ratings of yours.`);
  return {
    file,
    skipped: parsed.bad,
    scale: parsed.scale,
    asMe,
    leftOut: parsed.count - own.count,
    ...writeParsed(store, own, options),
  };
}

export function importRatingsFile(
  store: Store,
  path: string,
  options: ImportOptions = {},
): ImportSummary {
  const { text, name } = readTextFile(path);
  return { ...importRatingsText(store, text, name, options), file: path };
}
