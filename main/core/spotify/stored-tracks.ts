import type { Database } from 'better-sqlite3';
import type { TrackInput, TrackSource } from '../catalog/track.ts';

/** The identifying columns of a stored track, for matching crawled tracks to it. */
export interface TrackKeys {
  readonly id: number;
  readonly itemKey: string;
  readonly source: TrackSource;
  readonly spotifyId: string | null;
  readonly isrc: string | null;
  readonly dedupeKey: string;
}

/**
 * The reads of the `tracks` table that joining crawled tracks needs and `TrackRepository` does
 * not offer (its `Track` view omits ISRC, Spotify id and the release details an enrichment must
 * carry over). They belong in `TrackRepository`; they live here until it grows them.
 */
export class StoredTracks {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Identifying columns of every stored track. */
  keys(): TrackKeys[] {
    return this.#db
      .prepare(
        `SELECT id, item_key AS itemKey, source, spotify_id AS spotifyId, isrc,
         dedupe_key AS dedupeKey FROM tracks`,
      )
      .all() as TrackKeys[];
  }

  /** A stored track in the form `TrackRepository.upsertMany` takes, to enrich and write back. */
  input(id: number): TrackInput {
    const row = this.#db
      .prepare(
        `SELECT item_key AS itemKey, source, title, album, album_type AS albumType, year,
           release_date AS releaseDate, release_date_precision AS releaseDatePrecision,
           duration_ms AS durationMs, explicit, isrc, spotify_id AS spotifyId,
           spotify_url AS spotifyUrl, image_url AS imageUrl, popularity,
           market_count AS marketCount, fetched_at AS fetchedAt
         FROM tracks WHERE id = ?`,
      )
      .get(id) as Record<string, unknown> | undefined;
    if (row === undefined) throw new RangeError(`No track with id ${id}.`);
    const artists = this.#db
      .prepare(
        `SELECT a.name, a.spotify_id AS spotifyId FROM track_artists ta
         JOIN artists a ON a.id = ta.artist_id WHERE ta.track_id = ? ORDER BY ta.position`,
      )
      .all(id) as { name: string; spotifyId: string | null }[];
    const genres = this.#db
      .prepare('SELECT genre FROM track_genres WHERE track_id = ? ORDER BY genre')
      .pluck()
      .all(id) as string[];
    // SQL NULL means unknown, which a TrackInput writes as an absent field.
    const known = Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null));
    return {
      ...(known as Omit<TrackInput, 'artists' | 'genres' | 'explicit'>),
      explicit: row.explicit === null ? undefined : row.explicit === 1,
      artists: artists.map((a) => ({ name: a.name, spotifyId: a.spotifyId ?? undefined })),
      genres,
    };
  }
}
