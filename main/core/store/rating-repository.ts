import type { Database, Statement } from 'better-sqlite3';
import type { UserKind } from './user-repository.ts';

/** Shannon entropy in bits of a histogram whose bins add up to `total`. */
function entropyOf(histogram: readonly number[], total: number): number {
  let bits = 0;
  for (const n of histogram) if (n > 0) bits -= (n / total) * Math.log2(n / total);
  return bits;
}

export interface RatingInput {
  readonly userId: number;
  readonly trackId: number;
  /** Stars on the 1–5 scale; imports may carry any value from 0.5 to 5 (half stars). */
  readonly rating: number;
  /** Unix seconds. */
  readonly ratedAt: number;
}

/** Ratings to write, as parallel columns. */
export interface RatingColumns {
  readonly userIds: ArrayLike<number>;
  readonly trackIds: ArrayLike<number>;
  readonly ratings: ArrayLike<number>;
  readonly ratedAt: ArrayLike<number>;
}

/**
 * Every rating as parallel typed arrays, ordered by user then track: the form training needs,
 * and transferable to a worker without copying.
 */
export interface RatingArrays {
  readonly userIds: Int32Array;
  readonly trackIds: Int32Array;
  readonly ratings: Float32Array;
}

/** A rating with the public ids of its user and item, as `export` writes it. */
export interface ExportedRating {
  /** The row keys, for paging: the next page starts after them. */
  readonly userRowId: number;
  readonly trackRowId: number;
  readonly userId: string;
  readonly userKind: UserKind;
  readonly itemKey: string;
  readonly rating: number;
}

function finite(value: number): number {
  if (!Number.isFinite(value)) throw new TypeError(`rating value ${value} is not a finite number`);
  return value;
}

function integer(value: number): number {
  if (!Number.isSafeInteger(value)) throw new TypeError(`id or time ${value} is not an integer`);
  return value;
}

type ListenerRating = { trackId: number; rating: number; ratedAt: number };

export class RatingRepository {
  readonly #db: Database;
  // Prepared once: the picks read the listener's ratings on every request.
  readonly #forUser: Statement<[number], ListenerRating>;

  constructor(db: Database) {
    this.#db = db;
    this.#forUser = db.prepare(
      'SELECT track_id AS trackId, rating, rated_at AS ratedAt FROM ratings WHERE user_id = ? ORDER BY rated_at, track_id',
    );
  }

  /** Writes ratings (the newest wins for a user and track) in one transaction. */
  upsertMany(rows: readonly RatingInput[]): void {
    const upsert = this.#db.prepare<[number, number, number, number]>(`
      INSERT INTO ratings (user_id, track_id, rating, rated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (user_id, track_id) DO UPDATE SET rating = excluded.rating, rated_at = excluded.rated_at`);
    this.#db
      .transaction(() => {
        for (const row of rows) upsert.run(row.userId, row.trackId, row.rating, row.ratedAt);
      })
      .immediate();
  }

  /**
   * The bulk path: writes row `order[i]` of the columns for each i, in one transaction, calling
   * `onWritten` every `progressEvery` rows. Pass rows sorted by (user, track) — the table's key
   * order — so the B-tree grows at its end instead of splitting pages all over.
   *
   * Rows go in as multi-row `INSERT … VALUES` statements with numeric literals: one call into
   * SQLite per batch instead of per row, which doubles the throughput of a large import. Only
   * finite numbers from typed arrays are ever formatted into the SQL, so nothing can inject.
   */
  upsertColumns(
    columns: RatingColumns,
    order: Uint32Array,
    onWritten?: (written: number) => void,
    progressEvery = 50_000,
  ): void {
    const { userIds, trackIds, ratings, ratedAt } = columns;
    const batchSize = 500;
    const upsertTail =
      ' ON CONFLICT (user_id, track_id) DO UPDATE SET rating = excluded.rating, rated_at = excluded.rated_at';
    this.#db
      .transaction(() => {
        let nextReport = progressEvery;
        for (let start = 0; start < order.length; start += batchSize) {
          const end = Math.min(order.length, start + batchSize);
          const values: string[] = [];
          for (let i = start; i < end; i++) {
            const row = order[i];
            values.push(
              `(${integer(userIds[row])},${integer(trackIds[row])},${finite(ratings[row])},${integer(ratedAt[row])})`,
            );
          }
          this.#db.exec(
            `INSERT INTO ratings (user_id, track_id, rating, rated_at) VALUES ${values.join(',')}${upsertTail}`,
          );
          if (onWritten && end >= nextReport) {
            onWritten(end);
            nextReport += progressEvery;
          }
        }
      })
      .immediate();
    onWritten?.(order.length);
  }

  forUser(userId: number): ListenerRating[] {
    return this.#forUser.all(userId);
  }

  /**
   * Ratings with the public ids of their user and item, for export: up to `limit` after the
   * (user, track) key `after`, in key order. Each page is a finished query, so a caller that
   * awaits between pages leaves the connection free for others (an open iterator would block it).
   */
  exportPage(
    after: { userRowId: number; trackRowId: number } | undefined,
    limit: number,
  ): ExportedRating[] {
    return this.#db
      .prepare(
        `SELECT r.user_id AS userRowId, r.track_id AS trackRowId, u.external_id AS userId,
                u.kind AS userKind, t.item_key AS itemKey, r.rating
         FROM ratings r JOIN users u ON u.id = r.user_id JOIN tracks t ON t.id = r.track_id
         WHERE (r.user_id, r.track_id) > (?, ?)
         ORDER BY r.user_id, r.track_id LIMIT ?`,
      )
      .all(after?.userRowId ?? -1, after?.trackRowId ?? -1, limit) as ExportedRating[];
  }

  /**
   * Per track: how many ratings, their mean and standard deviation, and the entropy (bits) of
   * their histogram in whole stars (half stars round up), in one scan of the table.
   */
  statsByTrack(
    exceptUser = -1,
  ): Map<number, { count: number; mean: number; sd: number; entropy: number }> {
    const rows = this.#db
      .prepare(
        `SELECT track_id, count(*), avg(rating), avg(rating * rating),
                sum(rating < 1.5), sum(rating >= 1.5 AND rating < 2.5),
                sum(rating >= 2.5 AND rating < 3.5), sum(rating >= 3.5 AND rating < 4.5),
                sum(rating >= 4.5)
         FROM ratings WHERE user_id != ? GROUP BY track_id`,
      )
      .raw()
      .all(exceptUser) as number[][];
    return new Map(
      rows.map(([trackId, count, mean, meanSquare, ...histogram]) => [
        trackId,
        {
          count,
          mean,
          sd: Math.sqrt(Math.max(0, meanSquare - mean * mean)),
          entropy: entropyOf(histogram, count),
        },
      ]),
    );
  }

  /** Deletes one rating; false when there was none. */
  deleteOne(userId: number, trackId: number): boolean {
    return (
      this.#db
        .prepare('DELETE FROM ratings WHERE user_id = ? AND track_id = ?')
        .run(userId, trackId).changes > 0
    );
  }

  deleteForUser(userId: number): number {
    return this.#db.prepare('DELETE FROM ratings WHERE user_id = ?').run(userId).changes;
  }

  count(): number {
    return (this.#db.prepare('SELECT count(*) AS n FROM ratings').get() as { n: number }).n;
  }

  /** How many songs one listener rated (the primary key's range: no scan of the table). */
  countForUser(userId: number): number {
    return this.#db
      .prepare('SELECT count(*) FROM ratings WHERE user_id = ?')
      .pluck()
      .get(userId) as number;
  }

  /** Reads all ratings into typed arrays, streaming rows so no intermediate objects pile up. */
  readArrays(): RatingArrays {
    const total = this.count();
    const userIds = new Int32Array(total);
    const trackIds = new Int32Array(total);
    const ratings = new Float32Array(total);
    const rows = this.#db
      .prepare('SELECT user_id, track_id, rating FROM ratings ORDER BY user_id, track_id')
      .raw()
      .iterate() as IterableIterator<[number, number, number]>;
    let index = 0;
    for (const [userId, trackId, rating] of rows) {
      userIds[index] = userId;
      trackIds[index] = trackId;
      ratings[index] = rating;
      index++;
    }
    return { userIds, trackIds, ratings };
  }
}
