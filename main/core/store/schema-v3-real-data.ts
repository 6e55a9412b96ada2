/**
 * Schema version 3: real data in.
 *
 * - `ratings` is rebuilt to accept 0.5–5 (it was 1–5): MovieLens's ratings.csv and other
 *   half-star files are stored exactly as written (see `ratings/import/rating-scale.ts`).
 *   SQLite cannot change a CHECK in place, so the table is copied (its rows unchanged).
 * - `listening_signals`: per listener and track, what a listening history says, as sums that
 *   merge and decay (see `ratings/history/strength.ts`): plays, skips, `listened` (full-play
 *   equivalents) and `listened_recent` (the same, each play halved per year before
 *   `last_played_at`).
 * - `unmatched_recordings`: recordings of a history that no track matched yet, with the same
 *   sums and the identifiers the history gave, so that a crawl (`--source unmatched`) can fetch
 *   them and a later match turns them into signals.
 */
export const schemaV3RealData = `
CREATE TABLE ratings_v3 (
  user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  track_id  INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  rating    REAL NOT NULL CHECK (rating >= 0.5 AND rating <= 5),
  rated_at  INTEGER NOT NULL,
  PRIMARY KEY (user_id, track_id)
) WITHOUT ROWID;
INSERT INTO ratings_v3 (user_id, track_id, rating, rated_at)
  SELECT user_id, track_id, rating, rated_at FROM ratings ORDER BY user_id, track_id;
DROP TABLE ratings;
ALTER TABLE ratings_v3 RENAME TO ratings;

CREATE TABLE listening_signals (
  user_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  track_id         INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  plays            INTEGER NOT NULL CHECK (plays >= 0),
  skips            INTEGER NOT NULL CHECK (skips >= 0),
  listened         REAL NOT NULL CHECK (listened >= 0),
  listened_recent  REAL NOT NULL CHECK (listened_recent >= 0),
  last_played_at   INTEGER NOT NULL,
  PRIMARY KEY (user_id, track_id)
) WITHOUT ROWID;

CREATE TABLE unmatched_recordings (
  id               INTEGER PRIMARY KEY,
  user_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  recording_key    TEXT NOT NULL,
  title            TEXT NOT NULL,
  artist           TEXT NOT NULL,
  album            TEXT,
  spotify_id       TEXT,
  isrc             TEXT,
  recording_mbid   TEXT,
  plays            INTEGER NOT NULL CHECK (plays >= 0),
  skips            INTEGER NOT NULL CHECK (skips >= 0),
  listened         REAL NOT NULL CHECK (listened >= 0),
  listened_recent  REAL NOT NULL CHECK (listened_recent >= 0),
  last_played_at   INTEGER NOT NULL,
  UNIQUE (user_id, recording_key)
);
`;
