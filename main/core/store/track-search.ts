import type { Database, Statement } from 'better-sqlite3';

/**
 * The words of a search as the index holds them: apostrophes dropped ("don't" → "dont"), then
 * runs of letters and digits. Case and diacritics are left to the index's tokenizer.
 */
function searchWords(query: string): string[] {
  return query.replace(/['’]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
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

  constructor(db: Database) {
    this.#search = db.prepare(`
      SELECT t.id FROM track_search s JOIN tracks t ON t.id = s.rowid
      WHERE track_search MATCH ? AND t.source <> 'placeholder'
      ORDER BY bm25(track_search, 4.0, 1.0), length(t.title), t.id
      LIMIT ?`);
  }

  /** Ids of the songs (never imported placeholders) matching `query`, best first. */
  ids(query: string, limit: number): number[] {
    const match = ftsQuery(query);
    if (match === undefined) return [];
    return this.#search.all(match, limit).map((row) => row.id);
  }
}
