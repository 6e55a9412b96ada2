import type { Database } from 'better-sqlite3';

export type CrawlSourceStatus = 'pending' | 'done' | 'failed';

export interface CrawlSourceRow {
  readonly id: number;
  readonly key: string;
  readonly kind: string;
  readonly genre: string | null;
  readonly status: CrawlSourceStatus;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
}

/** A request still to make (or to redo because its answer is older than the maximum age). */
export interface WorkItem {
  readonly id: number;
  readonly sourceId: number;
  readonly kind: string;
  /** Path and query below the API base URL, e.g. `/albums/…/tracks?offset=50&limit=50`. */
  readonly path: string;
  readonly context: unknown;
}

export interface NewWork {
  readonly kind: string;
  readonly path: string;
  readonly context?: unknown;
}

export interface RawTrackWrite {
  readonly spotifyId: string;
  readonly json: string;
  /** False for a track composed from an album page (no ISRC): it never replaces a full one. */
  readonly isFull: boolean;
}

export interface RawTrackRecord {
  readonly spotifyId: string;
  readonly json: string;
  /** Unix seconds. */
  readonly fetchedAt: number;
  readonly genres: readonly string[];
}

interface SourceDbRow {
  id: number;
  source_key: string;
  kind: string;
  genre: string | null;
  status: CrawlSourceStatus;
  error_code: string | null;
  error_message: string | null;
}

const toSource = (row: SourceDbRow): CrawlSourceRow => ({
  id: row.id,
  key: row.source_key,
  kind: row.kind,
  genre: row.genre,
  status: row.status,
  errorCode: row.error_code,
  errorMessage: row.error_message,
});

/** Work still to do: pending, or done before `staleBefore` (a refresh redoes it). */
const todoWhere = `w.source_id IN (SELECT value FROM json_each(@sources))
  AND (w.status = 'pending' OR (w.status = 'done' AND w.done_at < @staleBefore))`;

interface WorkRow {
  id: number;
  source_id: number;
  kind: string;
  path: string;
  context: string | null;
  status: CrawlSourceStatus;
  done_at: number | null;
}

const toWork = (row: WorkRow): WorkItem => ({
  id: row.id,
  sourceId: row.source_id,
  kind: row.kind,
  path: row.path,
  context: row.context === null ? undefined : (JSON.parse(row.context) as unknown),
});

const isTodo = (row: WorkRow, staleBefore: number): boolean =>
  row.status === 'pending' || (row.status === 'done' && (row.done_at ?? 0) < staleBefore);

function prepareStatements(db: Database) {
  return {
    upsertSource: db.prepare<[string, string, string | null, number], SourceDbRow>(`
      INSERT INTO crawl_sources (source_key, kind, genre, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (source_key) DO UPDATE SET
        status = CASE WHEN status = 'failed' THEN 'pending' ELSE status END,
        error_code = NULL, error_message = NULL
      RETURNING *`),
    retryFailedWork: db.prepare<[number]>(
      "UPDATE crawl_work SET status = 'pending' WHERE source_id = ? AND status = 'failed'",
    ),
    insertWork: db.prepare<[number, string, string, string | null], WorkRow>(`
      INSERT INTO crawl_work (source_id, kind, path, context) VALUES (?, ?, ?, ?)
      ON CONFLICT (source_id, path) DO UPDATE SET context = excluded.context
      RETURNING *`),
    upsertRaw: db.prepare<[string, string, number, number]>(`
      INSERT INTO spotify_raw_tracks (spotify_id, json, is_full, fetched_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (spotify_id) DO UPDATE SET
        json = excluded.json, is_full = excluded.is_full, fetched_at = excluded.fetched_at
      WHERE excluded.is_full >= spotify_raw_tracks.is_full`),
    addGenre: db.prepare<[string, string]>(
      'INSERT OR IGNORE INTO spotify_raw_genres (spotify_id, genre) VALUES (?, ?)',
    ),
    markDone: db.prepare<[number, number]>(
      "UPDATE crawl_work SET status = 'done', done_at = ? WHERE id = ?",
    ),
    markFailed: db.prepare<[number]>("UPDATE crawl_work SET status = 'failed' WHERE id = ?"),
    finishSource: db.prepare<[number, number]>(
      "UPDATE crawl_sources SET status = 'done', updated_at = ? WHERE id = ? AND status <> 'failed'",
    ),
    reopenSource: db.prepare<[number]>(
      "UPDATE crawl_sources SET status = 'pending' WHERE id = ? AND status = 'done'",
    ),
    failSource: db.prepare<[string, string, number, number]>(
      `UPDATE crawl_sources SET status = 'failed', error_code = ?, error_message = ?,
       updated_at = ? WHERE id = ?`,
    ),
  };
}

/** Crawl state (schema v2): sources, the work queue, and the raw track objects fetched. */
export class CrawlRepository {
  readonly #db: Database;
  readonly #sql: ReturnType<typeof prepareStatements>;

  constructor(db: Database) {
    this.#db = db;
    this.#sql = prepareStatements(db);
  }

  /**
   * Registers a source with its first request, or readies a known one for another run: a
   * failed source and its failed request are tried again (the user may have fixed the cause).
   */
  ensureSource(
    key: string,
    kind: string,
    genre: string | undefined,
    first: NewWork,
    now: number,
  ): CrawlSourceRow {
    return this.#db
      .transaction(() => {
        const row = this.#sql.upsertSource.get(key, kind, genre ?? null, now)!;
        this.#sql.retryFailedWork.run(row.id);
        this.#sql.insertWork.get(row.id, first.kind, first.path, contextJson(first.context));
        return toSource(row);
      })
      .immediate();
  }

  /** Every request the given sources still need, oldest first. */
  todo(sourceIds: readonly number[], staleBefore: number): WorkItem[] {
    const rows = this.#db
      .prepare(
        `SELECT w.* FROM crawl_work w JOIN crawl_sources s ON s.id = w.source_id
         WHERE ${todoWhere} AND s.status <> 'failed' ORDER BY w.id`,
      )
      .all({ sources: JSON.stringify(sourceIds), staleBefore }) as WorkRow[];
    return rows.map(toWork);
  }

  /** How many requests the given sources still need. */
  countTodo(sourceIds: readonly number[], staleBefore: number): number {
    const row = this.#db
      .prepare(`SELECT count(*) AS n FROM crawl_work w WHERE ${todoWhere}`)
      .get({ sources: JSON.stringify(sourceIds), staleBefore }) as { n: number };
    return row.n;
  }

  /**
   * Records one answered request in one transaction: the tracks it brought (tagged with the
   * source's genre), the requests it revealed, and the request itself as done. Returns the
   * revealed requests that still need doing (new, pending, or older than `staleBefore`).
   */
  completeWork(
    item: WorkItem,
    result: { tracks: readonly RawTrackWrite[]; children: readonly NewWork[] },
    genre: string | null,
    now: number,
    staleBefore: number,
  ): WorkItem[] {
    return this.#db
      .transaction(() => {
        for (const track of result.tracks) {
          this.#sql.upsertRaw.run(track.spotifyId, track.json, Number(track.isFull), now);
          if (genre !== null) this.#sql.addGenre.run(track.spotifyId, genre);
        }
        const todo: WorkItem[] = [];
        for (const child of result.children) {
          const row = this.#sql.insertWork.get(
            item.sourceId,
            child.kind,
            child.path,
            contextJson(child.context),
          )!;
          if (isTodo(row, staleBefore)) todo.push(toWork(row));
        }
        this.#sql.markDone.run(now, item.id);
        return todo;
      })
      .immediate();
  }

  /** Marks a source failed because of one of its requests; its other work is skipped. */
  failSource(item: WorkItem, code: string, message: string, now: number): void {
    this.#db
      .transaction(() => {
        this.#sql.markFailed.run(item.id);
        this.#sql.failSource.run(code, message, now, item.sourceId);
      })
      .immediate();
  }

  /**
   * Marks each source done when it has no work left (pending when a refresh found some), in one
   * transaction, and returns every source's state by id.
   */
  settleSources(
    sourceIds: readonly number[],
    staleBefore: number,
    now: number,
  ): Map<number, CrawlSourceRow> {
    return this.#db
      .transaction(() => {
        const sources = JSON.stringify(sourceIds);
        const busy = this.#db
          .prepare(`SELECT DISTINCT w.source_id FROM crawl_work w WHERE ${todoWhere}`)
          .pluck()
          .all({ sources, staleBefore }) as number[];
        const withWork = new Set(busy);
        for (const id of sourceIds) {
          if (withWork.has(id)) this.#sql.reopenSource.run(id);
          else this.#sql.finishSource.run(now, id);
        }
        const rows = this.#db
          .prepare('SELECT * FROM crawl_sources WHERE id IN (SELECT value FROM json_each(?))')
          .all(sources) as SourceDbRow[];
        return new Map(rows.map((row) => [row.id, toSource(row)]));
      })
      .immediate();
  }

  rawTrackCount(): number {
    return (this.#db.prepare('SELECT count(*) AS n FROM spotify_raw_tracks').get() as { n: number })
      .n;
  }

  /** Every raw track object with its genre tags, ordered by Spotify id. */
  rawTracks(): RawTrackRecord[] {
    const genres = new Map<string, string[]>();
    const genreRows = this.#db
      .prepare('SELECT spotify_id, genre FROM spotify_raw_genres')
      .raw()
      .iterate() as IterableIterator<[string, string]>;
    for (const [id, genre] of genreRows) {
      const list = genres.get(id);
      if (list === undefined) genres.set(id, [genre]);
      else list.push(genre);
    }
    const rows = this.#db
      .prepare('SELECT spotify_id, json, fetched_at FROM spotify_raw_tracks ORDER BY spotify_id')
      .raw()
      .all() as [string, string, number][];
    return rows.map(([spotifyId, json, fetchedAt]) => ({
      spotifyId,
      json,
      fetchedAt,
      genres: genres.get(spotifyId) ?? [],
    }));
  }
}

function contextJson(context: unknown): string | null {
  return context === undefined ? null : JSON.stringify(context);
}
