/**
 * Schema version 4: search and a profile set aside.
 *
 * - `track_search`: an FTS5 index of every track's title and artists, its rowid the track's id,
 *   for type-ahead search to rate (see track-search.ts). `unicode61 remove_diacritics 2` folds
 *   case and diacritics ("beyonce" finds "Beyoncé"); the prefix indexes make "bohem*" cheap.
 *   Apostrophes are dropped from the indexed text (and from queries), so "dont" finds "Don't".
 *   Triggers keep it in step with every write to tracks, track_artists and artists, whoever
 *   makes it (the catalog loader, a crawl, placeholders of an import).
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
  SELECT t.id, ${searchable('t.title')}, ${artistsOf('t.id')} FROM tracks t;

CREATE TRIGGER tracks_search_insert AFTER INSERT ON tracks BEGIN
  INSERT INTO track_search (rowid, title, artists)
    VALUES (new.id, ${searchable('new.title')}, ${artistsOf('new.id')});
END;
CREATE TRIGGER tracks_search_title AFTER UPDATE OF title ON tracks BEGIN
  UPDATE track_search SET title = ${searchable('new.title')} WHERE rowid = new.id;
END;
CREATE TRIGGER tracks_search_delete AFTER DELETE ON tracks BEGIN
  DELETE FROM track_search WHERE rowid = old.id;
END;
CREATE TRIGGER track_artists_search_insert AFTER INSERT ON track_artists BEGIN
  UPDATE track_search SET artists = ${artistsOf('new.track_id')} WHERE rowid = new.track_id;
END;
CREATE TRIGGER track_artists_search_delete AFTER DELETE ON track_artists BEGIN
  UPDATE track_search SET artists = ${artistsOf('old.track_id')} WHERE rowid = old.track_id;
END;
CREATE TRIGGER artists_search_rename AFTER UPDATE OF name ON artists BEGIN
  UPDATE track_search SET artists = ${artistsOf('track_search.rowid')}
    WHERE rowid IN (SELECT track_id FROM track_artists WHERE artist_id = new.id);
END;

CREATE TABLE set_aside_ratings (
  track_id  INTEGER PRIMARY KEY REFERENCES tracks (id) ON DELETE CASCADE,
  rating    REAL NOT NULL CHECK (rating >= 0.5 AND rating <= 5),
  rated_at  INTEGER NOT NULL
);
`;
