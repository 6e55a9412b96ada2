/**
 * Schema version 5: the history of the local listener's picks.
 *
 * - `pick_sets`: one row per list of picks that differed from the one before it, with when it
 *   was made and what it was made from: the listener's ratings at that moment (`ratings`, JSON
 *   `[[trackId, stars, ratedAt], …]`), the songs they had hidden (`hidden`, JSON `[trackId, …]`)
 *   and what had changed since the set before (`changes`, JSON `{ rated: [[trackId, stars], …],
 *   hidden: [trackId, …], removed }`), so the history can say "after you rated X and Y" without
 *   reading every earlier set. Only the local listener has picks, so there is no user column.
 * - `pick_set_items`: the picks of a set in the order shown, each with the predicted stars, the
 *   confidence and the reasons (JSON) exactly as they were shown.
 *
 * Self-contained: it creates only its own two tables.
 */
export const schemaV5PickSets = `
CREATE TABLE pick_sets (
  id            INTEGER PRIMARY KEY,
  made_at       INTEGER NOT NULL,
  rating_count  INTEGER NOT NULL CHECK (rating_count >= 0),
  ratings       TEXT NOT NULL,
  hidden        TEXT NOT NULL,
  changes       TEXT NOT NULL
);

CREATE TABLE pick_set_items (
  set_id            INTEGER NOT NULL REFERENCES pick_sets (id) ON DELETE CASCADE,
  position          INTEGER NOT NULL CHECK (position >= 0),
  track_id          INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  predicted_stars   REAL NOT NULL,
  confidence        TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
  confidence_label  TEXT NOT NULL,
  reasons           TEXT NOT NULL,
  PRIMARY KEY (set_id, position)
) WITHOUT ROWID;
`;
