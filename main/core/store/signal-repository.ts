import type { Database } from 'better-sqlite3';
import { mergeSums, strengthOf } from '../ratings/history/strength.ts';

/** The sums stored per listener and track (see `ratings/history/strength.ts`). */
export interface StoredPlaySums {
  readonly plays: number;
  readonly skips: number;
  readonly listened: number;
  readonly listenedRecent: number;
  readonly lastPlayedAt: number;
}

export interface SignalRow extends StoredPlaySums {
  readonly trackId: number;
}

/** What a listening history says about one track, for the recommender. */
export interface ListeningSignal {
  readonly trackId: number;
  /** Implicit strength in [0, 1] at the time asked (see `strengthOf`). */
  readonly strength: number;
  /** Unix seconds of the latest play. */
  readonly lastPlayedAt: number;
  /** Plays counted (a minute apart at least) and how many of them were skips. */
  readonly plays: number;
  readonly skips: number;
}

/** A recording of a history no track matched yet. */
export interface UnmatchedRow extends StoredPlaySums {
  readonly recordingKey: string;
  readonly title: string;
  readonly artist: string;
  readonly album: string | null;
  readonly spotifyId: string | null;
  readonly isrc: string | null;
  readonly recordingMbid: string | null;
}

export interface StoredUnmatched extends UnmatchedRow {
  readonly id: number;
  readonly userId: number;
}

/** A stored track with what matching a history needs. */
export interface TrackMatchRow {
  readonly id: number;
  readonly source: string;
  readonly spotifyId: string | null;
  readonly isrc: string | null;
  readonly title: string;
  readonly artists: string[];
  readonly durationMs: number | null;
}

const sumsColumns = `plays, skips, listened, listened_recent AS listenedRecent, last_played_at AS lastPlayedAt`;

/** Listening signals and unmatched recordings (schema v3). */
export class SignalRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Replaces a listener's signals and unmatched recordings, in one transaction. */
  replaceForUser(
    userId: number,
    signals: readonly SignalRow[],
    unmatched: readonly UnmatchedRow[],
  ): { replacedSignals: number } {
    return this.#db
      .transaction(() => {
        const replaced = this.#db
          .prepare('DELETE FROM listening_signals WHERE user_id = ?')
          .run(userId).changes;
        this.#db.prepare('DELETE FROM unmatched_recordings WHERE user_id = ?').run(userId);
        this.#insertSignals(userId, signals);
        const insert = this.#db.prepare(`
        INSERT INTO unmatched_recordings (user_id, recording_key, title, artist, album, spotify_id, isrc,
          recording_mbid, plays, skips, listened, listened_recent, last_played_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
        for (const u of unmatched) {
          insert.run(
            userId,
            u.recordingKey,
            u.title,
            u.artist,
            u.album,
            u.spotifyId,
            u.isrc,
            u.recordingMbid,
            u.plays,
            u.skips,
            u.listened,
            u.listenedRecent,
            u.lastPlayedAt,
          );
        }
        return { replacedSignals: replaced };
      })
      .immediate();
  }

  #insertSignals(userId: number, signals: readonly SignalRow[]): void {
    const insert = this.#db.prepare(`
      INSERT INTO listening_signals (user_id, track_id, plays, skips, listened, listened_recent, last_played_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (user_id, track_id) DO UPDATE SET plays = excluded.plays, skips = excluded.skips,
        listened = excluded.listened, listened_recent = excluded.listened_recent,
        last_played_at = excluded.last_played_at`);
    for (const s of signals)
      insert.run(userId, s.trackId, s.plays, s.skips, s.listened, s.listenedRecent, s.lastPlayedAt);
  }

  /** Writes (replacing) signals of one listener for the given tracks. */
  upsertSignals(userId: number, signals: readonly SignalRow[]): void {
    this.#db.transaction(() => this.#insertSignals(userId, signals)).immediate();
  }

  /**
   * A listener's implicit signals from imported listening history, one per track they played,
   * by track id. `strength` (0–1) grows with full plays (three recent ones give 0.5), counts old
   * plays at a quarter, and falls with the share of skips; it is computed at `now` (Unix
   * seconds), so it fades as plays age. For the ranking model's fold-in, feed `strength` (a
   * signed weight may subtract for skips: `plays`, `skips` are here); for SVD, `pseudoStars`
   * (`ratings/history/strength.ts`) gives stars to use only for tracks the listener has not
   * rated. The local listener is `store.users.ensure('local', localListenerId)`.
   */
  forUser(userId: number, now = Math.floor(Date.now() / 1000)): ListeningSignal[] {
    return this.#mergedSums(userId).map((sums) => ({
      trackId: sums.trackId,
      strength: strengthOf(sums, now),
      lastPlayedAt: sums.lastPlayedAt,
      plays: sums.plays,
      skips: sums.skips,
    }));
  }

  /**
   * History and account sums of a listener, merged per track (a song both played and in your
   * top tracks counts both), by track id.
   */
  #mergedSums(userId: number): SignalRow[] {
    const account = this.accountSumsForUser(userId);
    if (account.length === 0) return this.sumsForUser(userId);
    const merged = new Map(this.sumsForUser(userId).map((row) => [row.trackId, row]));
    for (const row of account) {
      const seen = merged.get(row.trackId);
      merged.set(row.trackId, seen ? { trackId: row.trackId, ...mergeSums(seen, row) } : row);
    }
    return [...merged.values()].sort((a, b) => a.trackId - b.trackId);
  }

  /** Replaces what a signed-in Spotify account says about a listener (schema v6). */
  replaceAccountSignals(userId: number, signals: readonly SignalRow[]): { replaced: number } {
    return this.#db
      .transaction(() => {
        const replaced = this.#db
          .prepare('DELETE FROM account_signals WHERE user_id = ?')
          .run(userId).changes;
        const insert = this.#db.prepare(`
          INSERT INTO account_signals (user_id, track_id, plays, skips, listened, listened_recent, last_played_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)`);
        for (const s of signals)
          insert.run(
            userId,
            s.trackId,
            s.plays,
            s.skips,
            s.listened,
            s.listenedRecent,
            s.lastPlayedAt,
          );
        return { replaced };
      })
      .immediate();
  }

  /** The account's sums of a listener, by track id. */
  accountSumsForUser(userId: number): SignalRow[] {
    return this.#db
      .prepare(
        `SELECT track_id AS trackId, ${sumsColumns} FROM account_signals WHERE user_id = ? ORDER BY track_id`,
      )
      .all(userId) as SignalRow[];
  }

  /** The stored sums of a listener's imported history, by track id. */
  sumsForUser(userId: number): SignalRow[] {
    return this.#db
      .prepare(
        `SELECT track_id AS trackId, ${sumsColumns} FROM listening_signals WHERE user_id = ? ORDER BY track_id`,
      )
      .all(userId) as SignalRow[];
  }

  /** Unmatched recordings, most listened first (of one listener, or of all). */
  unmatched(userId?: number): StoredUnmatched[] {
    const where = userId === undefined ? '' : 'WHERE user_id = ?';
    return this.#db
      .prepare(
        `SELECT id, user_id AS userId, recording_key AS recordingKey, title, artist, album,
           spotify_id AS spotifyId, isrc, recording_mbid AS recordingMbid, ${sumsColumns}
         FROM unmatched_recordings ${where} ORDER BY listened DESC, plays DESC, id`,
      )
      .all(...(userId === undefined ? [] : [userId])) as StoredUnmatched[];
  }

  deleteUnmatched(ids: readonly number[]): void {
    const remove = this.#db.prepare('DELETE FROM unmatched_recordings WHERE id = ?');
    this.#db.transaction(() => ids.forEach((id) => remove.run(id))).immediate();
  }

  /** Every non-placeholder track with its identifiers, title, artists and length. */
  trackMatchRows(): TrackMatchRow[] {
    const rows = this.#db
      .prepare(
        `SELECT t.id, t.source, t.spotify_id AS spotifyId, t.isrc, t.title, t.duration_ms AS durationMs,
           (SELECT json_group_array(name) FROM (SELECT a.name FROM track_artists ta
              JOIN artists a ON a.id = ta.artist_id WHERE ta.track_id = t.id ORDER BY ta.position)) AS artistsJson
         FROM tracks t WHERE t.source <> 'placeholder'`,
      )
      .all() as (Omit<TrackMatchRow, 'artists'> & { artistsJson: string })[];
    return rows.map(({ artistsJson, ...row }) => ({
      ...row,
      artists: JSON.parse(artistsJson) as string[],
    }));
  }
}
