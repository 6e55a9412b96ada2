/**
 * Schema version 2: the state of Spotify crawls, so a crawl survives a crash, Ctrl-C or a
 * rate-limit stop and continues without refetching what is done.
 *
 * - `crawl_sources`: one row per source the user asked for (`album:…`, `search:…`), keyed by its
 *   canonical text; `genre` is the tag that source gives its tracks (from a `genre:` filter).
 * - `crawl_work`: every request a source needs, discovered as pages come back. A row is written
 *   with its parent's response in one transaction, so after a kill the queue is exactly what was
 *   not yet answered. `done_at` (unix seconds) lets a refresh redo work older than a maximum age.
 * - `spotify_raw_tracks`: each track object as Spotify served it, with when. `is_full` is 1 for
 *   a full track object (search, track, playlist) and 0 for one composed from an album page,
 *   which lacks `external_ids`; a full object is never replaced by a composed one.
 * - `spotify_raw_genres`: genre tags collected for a track from the sources that found it.
 */
export const schemaV2Crawl = `
CREATE TABLE crawl_sources (
  id             INTEGER PRIMARY KEY,
  source_key     TEXT NOT NULL UNIQUE,
  kind           TEXT NOT NULL,
  genre          TEXT,
  status         TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  error_code     TEXT,
  error_message  TEXT,
  updated_at     INTEGER NOT NULL
);

CREATE TABLE crawl_work (
  id         INTEGER PRIMARY KEY,
  source_id  INTEGER NOT NULL REFERENCES crawl_sources (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL,
  path       TEXT NOT NULL,
  context    TEXT,
  status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  done_at    INTEGER,
  UNIQUE (source_id, path)
);
CREATE INDEX crawl_work_queue ON crawl_work (status, done_at);

CREATE TABLE spotify_raw_tracks (
  id          INTEGER PRIMARY KEY,
  spotify_id  TEXT NOT NULL UNIQUE,
  json        TEXT NOT NULL,
  is_full     INTEGER NOT NULL,
  fetched_at  INTEGER NOT NULL
);

CREATE TABLE spotify_raw_genres (
  spotify_id  TEXT NOT NULL,
  genre       TEXT NOT NULL,
  PRIMARY KEY (spotify_id, genre)
) WITHOUT ROWID;
`;
