import type { Database, Statement } from 'better-sqlite3';

/** Text as the index holds it: apostrophes dropped ("Don't" → "Dont"), as schema v4 does. */
function searchable(text: string): string {
  return text.replace(/['’]/g, '');
}

/**
 * The words of a search as the index holds them: runs of letters and digits. Case and
 * diacritics are left to the index's tokenizer.
 */
function searchWords(query: string): string[] {
  return searchable(query).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * An FTS5 query in which every word must match the start of a word of the title or the
 * artists (`"bohem"* "quee"*`), or `undefined` when the text has no word at all. Each word is
 * quoted, so nothing typed is read as FTS5 syntax (AND, NOT, -, column filters…).
 */
export function ftsQuery(query: string): string | undefined {
  const words = searchWords(query);
  return words.length === 0 ? undefined : words.map((word) => `"${word}"*`).join(' ');
}

/**
 * Type-ahead search over the catalog's titles and artists (schema v4's `track_search`). A
 * title match weighs four times an artist match in the BM25 ranking, so "heroes" puts the
 * song _Heroes_ before songs by an artist called Heroes; ties go to the shorter title.
 */
export class TrackSearch {
  readonly #search: Statement<[string, number], { id: number }>;
  readonly #stored: Statement<[number], { title: string | null; artists: string | null }>;
  readonly #remove: Statement<[number]>;
  readonly #insert: Statement<[number, string, string]>;

  constructor(db: Database) {
    this.#stored = db.prepare('SELECT title, artists FROM track_search WHERE rowid = ?');
    this.#remove = db.prepare('DELETE FROM track_search WHERE rowid = ?');
    this.#insert = db.prepare('INSERT INTO track_search (rowid, title, artists) VALUES (?, ?, ?)');
    this.#search = db.prepare(`
      SELECT t.id FROM track_search s JOIN tracks t ON t.id = s.rowid
      WHERE track_search MATCH ? AND t.source <> 'placeholder'
      ORDER BY bm25(track_search, 4.0, 1.0), length(t.title), t.id
      LIMIT ?`);
  }

  /**
   * Indexes a song's title and artists (in credit order), in the caller's transaction. An
   * unchanged song is not rewritten: a rewrite costs FTS5 a flush (see schema-v4-search.ts).
   * `isNew`: the track was just inserted, so it has no row yet.
   */
  index(trackId: number, title: string, artists: readonly string[], isNew: boolean): void {
    const text = { title: searchable(title), artists: searchable(artists.join(' ')) };
    // Even a lookup by rowid makes FTS5 flush its pending rows: a new track has none to find.
    const stored = isNew ? undefined : this.#stored.get(trackId);
    if (stored?.title === text.title && stored.artists === text.artists) return;
    if (stored !== undefined) this.#remove.run(trackId);
    this.#insert.run(trackId, text.title, text.artists);
  }

  /** Ids of the songs (never imported placeholders) matching `query`, best first. */
  ids(query: string, limit: number): number[] {
    const match = ftsQuery(query);
    if (match === undefined) return [];
    return this.#search.all(match, limit).map((row) => row.id);
  }
}
