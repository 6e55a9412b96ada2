/**
 * Schema version 1: the catalog, listeners, ratings, models and settings.
 *
 * Identifiers: every table has an INTEGER rowid key for joins and typed arrays; a track also has
 * `item_key`, the stable public identifier used in exports and imports (a Spotify id, a catalog
 * slug such as `bob-dylan--like-a-rolling-stone`, or the raw item id of an imported file).
 */
export const schemaV1 = `
CREATE TABLE artists (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  name_key    TEXT NOT NULL UNIQUE,
  spotify_id  TEXT
);

CREATE TABLE tracks (
  id                      INTEGER PRIMARY KEY,
  item_key                TEXT NOT NULL UNIQUE,
  source                  TEXT NOT NULL CHECK (source IN ('catalog', 'spotify', 'placeholder')),
  title                   TEXT NOT NULL,
  album                   TEXT,
  album_type              TEXT,
  year                    INTEGER,
  release_date            TEXT,
  release_date_precision  TEXT,
  duration_ms             INTEGER,
  explicit                INTEGER,
  isrc                    TEXT,
  spotify_id              TEXT UNIQUE,
  spotify_url             TEXT,
  image_url               TEXT,
  popularity              INTEGER,
  market_count            INTEGER,
  dedupe_key              TEXT NOT NULL,
  fetched_at              INTEGER,
  created_at              INTEGER NOT NULL
);
CREATE INDEX tracks_dedupe_key ON tracks (dedupe_key);
CREATE INDEX tracks_isrc ON tracks (isrc);

CREATE TABLE track_artists (
  track_id   INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  artist_id  INTEGER NOT NULL REFERENCES artists (id),
  PRIMARY KEY (track_id, position)
) WITHOUT ROWID;
CREATE INDEX track_artists_artist ON track_artists (artist_id);

CREATE TABLE track_genres (
  track_id  INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  genre     TEXT NOT NULL,
  PRIMARY KEY (track_id, genre)
) WITHOUT ROWID;

CREATE TABLE users (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('local', 'simulated', 'imported')),
  external_id  TEXT NOT NULL,
  profile      TEXT,
  created_at   INTEGER NOT NULL,
  UNIQUE (kind, external_id)
);

CREATE TABLE ratings (
  user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  track_id  INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  rating    REAL NOT NULL CHECK (rating >= 1 AND rating <= 5),
  rated_at  INTEGER NOT NULL,
  PRIMARY KEY (user_id, track_id)
) WITHOUT ROWID;
-- Deliberately no index on ratings (track_id): bulk imports run twice as fast without it, every
-- per-track aggregate is a whole-table scan at training time anyway, and tracks are never deleted.

CREATE TABLE models (
  id           INTEGER PRIMARY KEY,
  algorithm    TEXT NOT NULL,
  params       TEXT NOT NULL,
  seed         INTEGER NOT NULL,
  metrics      TEXT NOT NULL,
  fingerprint  TEXT NOT NULL,
  payload      BLOB NOT NULL,
  created_at   INTEGER NOT NULL
);

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;
`;
