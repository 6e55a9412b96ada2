import type { Database } from 'better-sqlite3';

export interface RatingInput {
  readonly userId: number;
  readonly trackId: number;
  /** Stars on the 1–5 scale (imports may carry halves). */
  readonly rating: number;
  /** Unix seconds. */
  readonly ratedAt: number;
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

export class RatingRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Writes ratings (the newest wins for a user and track) in one transaction. */
  upsertMany(rows: readonly RatingInput[]): void {
    const upsert = this.#db.prepare(`
      INSERT INTO ratings (user_id, track_id, rating, rated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (user_id, track_id) DO UPDATE SET rating = excluded.rating, rated_at = excluded.rated_at`);
    this.#db.transaction(() => {
      for (const row of rows) upsert.run(row.userId, row.trackId, row.rating, row.ratedAt);
    })();
  }

  forUser(userId: number): { trackId: number; rating: number; ratedAt: number }[] {
    return this.#db
      .prepare(
        'SELECT track_id AS trackId, rating, rated_at AS ratedAt FROM ratings WHERE user_id = ? ORDER BY rated_at, track_id',
      )
      .all(userId) as { trackId: number; rating: number; ratedAt: number }[];
  }

  deleteForUser(userId: number): number {
    return this.#db.prepare('DELETE FROM ratings WHERE user_id = ?').run(userId).changes;
  }

  count(): number {
    return (this.#db.prepare('SELECT count(*) AS n FROM ratings').get() as { n: number }).n;
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
