import type { Database } from 'better-sqlite3';
import { ftsQuery } from './track-search.ts';

/** How a listener's ratings can be ordered. */
export type RatingSort = 'recent' | 'stars' | 'title' | 'artist';

export interface RatingListQuery {
  readonly userId: number;
  /** Words that must start a word of the title or the artists (see track-search.ts). */
  readonly search?: string;
  readonly sort: RatingSort;
  readonly offset: number;
  readonly limit: number;
}

export interface ListedRating {
  readonly trackId: number;
  readonly rating: number;
  readonly ratedAt: number;
}

/** Text as a person sorts it: without case or diacritics ("Édith" beside "Eddie", not after Z). */
function sortKey(text: string | null): string {
  return (text ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const primaryArtist = `(SELECT a.name FROM track_artists ta JOIN artists a ON a.id = ta.artist_id
  WHERE ta.track_id = t.id ORDER BY ta.position LIMIT 1)`;

/** Newest first within each order, then by title, so the order is total and stable. */
const orders: Record<RatingSort, string> = {
  recent: 'r.rated_at DESC, earshot_sort_key(t.title), t.id',
  stars: 'r.rating DESC, r.rated_at DESC, earshot_sort_key(t.title), t.id',
  title: 'earshot_sort_key(t.title), earshot_sort_key(' + primaryArtist + '), t.id',
  artist: 'earshot_sort_key(' + primaryArtist + '), earshot_sort_key(t.title), t.id',
};

/**
 * One listener's ratings a page at a time, searched and sorted in SQL: a listener who imported
 * their own history may have tens of thousands, and only the page shown is turned into views.
 */
export class RatingList {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
    // Registered on this connection only, never used in the schema: other tools can still
    // open the file.
    db.function('earshot_sort_key', { deterministic: true }, (text: unknown) =>
      sortKey(typeof text === 'string' ? text : null),
    );
  }

  #where(query: RatingListQuery): { sql: string; params: (string | number)[] } {
    const match = query.search === undefined ? undefined : ftsQuery(query.search);
    if (query.search !== undefined && match === undefined)
      return { sql: 'r.user_id = ? AND 0', params: [query.userId] };
    if (match === undefined) return { sql: 'r.user_id = ?', params: [query.userId] };
    return {
      sql: 'r.user_id = ? AND r.track_id IN (SELECT rowid FROM track_search WHERE track_search MATCH ?)',
      params: [query.userId, match],
    };
  }

  /** The listener's rating of `trackId`, if any. */
  one(userId: number, trackId: number): ListedRating | undefined {
    return this.#db
      .prepare(
        'SELECT track_id AS trackId, rating, rated_at AS ratedAt FROM ratings WHERE user_id = ? AND track_id = ?',
      )
      .get(userId, trackId) as ListedRating | undefined;
  }

  /** The listener's stars for those of `trackIds` they rated. */
  starsOf(userId: number, trackIds: readonly number[]): Map<number, number> {
    if (trackIds.length === 0) return new Map();
    const rows = this.#db
      .prepare(
        `SELECT track_id, rating FROM ratings WHERE user_id = ? AND track_id IN (${trackIds.map(() => '?').join(',')})`,
      )
      .raw()
      .all(userId, ...trackIds) as [number, number][];
    return new Map(rows);
  }

  /** The page of ratings `query` asks for, and how many match in all. */
  page(query: RatingListQuery): { rows: ListedRating[]; total: number } {
    const where = this.#where(query);
    const from = `FROM ratings r JOIN tracks t ON t.id = r.track_id WHERE ${where.sql}`;
    const rows = this.#db
      .prepare(
        `SELECT r.track_id AS trackId, r.rating, r.rated_at AS ratedAt ${from}
         ORDER BY ${orders[query.sort]} LIMIT ? OFFSET ?`,
      )
      .all(...where.params, query.limit, query.offset) as ListedRating[];
    const { total } = this.#db.prepare(`SELECT count(*) AS total ${from}`).get(...where.params) as {
      total: number;
    };
    return { rows, total };
  }
}
