/**
 * Schema version 4: search and a profile set aside.
 *
 * - `track_search`: an FTS5 index of every song's title and artists, its rowid the track's id,
 *   for type-ahead search to rate (see track-search.ts). `unicode61 remove_diacritics 2` folds
 *   case and diacritics ("beyonce" finds "Beyoncé"); the prefix indexes make "bohem*" cheap.
 *   Apostrophes are dropped from the indexed text (and from queries), so "dont" finds "Don't".
 *   The track repository writes a track's row once its artists are known, and only when its
 *   text changed: rewriting an FTS5 row makes FTS5 flush what it holds in memory to a new
 *   segment, which per-row triggers on track_artists did for every credit (10,000 tracks took
 *   3.5× as long to write, and searches slowed down over thousands of small segments). A
 *   trigger removes a deleted track's row. Imported placeholders are not songs: not indexed.
 * - `set_aside_ratings`: the local listener's ratings as they were before "Start over", kept
 *   so it can be undone until they rate again (see app/start-over.ts).
 */
const searchable = (text: string) => `replace(replace(${text}, '''', ''), '’', '')`;

/** The track's artists in credit order, as one searchable text. */
const artistsOf = (trackId: string) => `(SELECT ${searchable("group_concat(name, ' ')")} FROM (
    SELECT a.name FROM track_artists ta JOIN artists a ON a.id = ta.artist_id
    WHERE ta.track_id = ${trackId} ORDER BY ta.position))`;

export const schemaV4Search = `
CREATE VIRTUAL TABLE track_search USING fts5(
  title, artists,
  tokenize = "unicode61 remove_diacritics 2",
  prefix = '1 2 3'
);
INSERT INTO track_search (rowid, title, artists)
  SELECT t.id, ${searchable('t.title')}, ${artistsOf('t.id')} FROM tracks t
  WHERE t.source <> 'placeholder' ORDER BY t.id;

CREATE TRIGGER tracks_search_delete AFTER DELETE ON tracks BEGIN
  DELETE FROM track_search WHERE rowid = old.id;
END;

CREATE TABLE set_aside_ratings (
  track_id  INTEGER PRIMARY KEY REFERENCES tracks (id) ON DELETE CASCADE,
  rating    REAL NOT NULL CHECK (rating >= 0.5 AND rating <= 5),
  rated_at  INTEGER NOT NULL
);
`;
