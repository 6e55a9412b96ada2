import type { Database, Statement } from 'better-sqlite3';

/**
 * The local listener's ratings as they were before "Start over" (schema v4's
 * `set_aside_ratings`), so it can be undone. One profile at most is set aside; callers run
 * these inside one transaction with the rest of the change (see app/start-over.ts).
 */
export class SetAsideRepository {
  readonly #clear: Statement<[]>;
  readonly #keep: Statement<[number]>;
  readonly #restore: Statement<[number]>;
  readonly #count: Statement<[], { n: number }>;

  constructor(db: Database) {
    this.#clear = db.prepare('DELETE FROM set_aside_ratings');
    this.#keep = db.prepare(
      'INSERT INTO set_aside_ratings (track_id, rating, rated_at) SELECT track_id, rating, rated_at FROM ratings WHERE user_id = ?',
    );
    this.#restore = db.prepare(`
      INSERT INTO ratings (user_id, track_id, rating, rated_at)
        SELECT ?, track_id, rating, rated_at FROM set_aside_ratings WHERE true
      ON CONFLICT (user_id, track_id) DO UPDATE SET rating = excluded.rating, rated_at = excluded.rated_at`);
    this.#count = db.prepare('SELECT count(*) AS n FROM set_aside_ratings');
  }

  /** Replaces what was set aside with `userId`'s ratings; returns how many. */
  keep(userId: number): number {
    this.#clear.run();
    return this.#keep.run(userId).changes;
  }

  /** Writes the ratings set aside back as `userId`'s and forgets them; returns how many. */
  restore(userId: number): number {
    const restored = this.#restore.run(userId).changes;
    this.#clear.run();
    return restored;
  }

  clear(): void {
    this.#clear.run();
  }

  count(): number {
    return this.#count.get()!.n;
  }
}
