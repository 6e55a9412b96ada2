/**
 * Schema version 6: what a signed-in Spotify account says about your taste.
 *
 * `account_signals` has the sums of `listening_signals` (see `ratings/history/strength.ts`),
 * written by the account import (`spotify/account/import-listening.ts`) from your top tracks,
 * saved songs, recent plays and own playlists, each kind counted as so many full plays (a
 * setting). It is a table of its own so that importing a history file and importing from the
 * account each replace only their own part; `SignalRepository.forUser` merges both.
 */
export const schemaV6AccountSignals = `
CREATE TABLE account_signals (
  user_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  track_id         INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  plays            INTEGER NOT NULL CHECK (plays >= 0),
  skips            INTEGER NOT NULL CHECK (skips >= 0),
  listened         REAL NOT NULL CHECK (listened >= 0),
  listened_recent  REAL NOT NULL CHECK (listened_recent >= 0),
  last_played_at   INTEGER NOT NULL,
  PRIMARY KEY (user_id, track_id)
) WITHOUT ROWID;
`;
