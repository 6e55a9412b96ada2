import type { Database, Statement } from 'better-sqlite3';
import { artistKey, recordingKey } from '../catalog/normalise.ts';
import type { Track, TrackInput, TrackSource } from '../catalog/track.ts';
import { TrackSearch } from './track-search.ts';

interface TrackRow {
  id: number;
  item_key: string;
  source: TrackSource;
  title: string;
  album: string | null;
  year: number | null;
  spotify_url: string | null;
  image_url: string | null;
  artists_json: string;
  genres_json: string;
}

const trackSelect = `
  SELECT t.id, t.item_key, t.source, t.title, t.album, t.year, t.spotify_url, t.image_url,
    (SELECT json_group_array(name) FROM (
       SELECT a.name FROM track_artists ta JOIN artists a ON a.id = ta.artist_id
       WHERE ta.track_id = t.id ORDER BY ta.position)) AS artists_json,
    (SELECT json_group_array(genre) FROM (
       SELECT genre FROM track_genres g WHERE g.track_id = t.id ORDER BY genre)) AS genres_json
  FROM tracks t`;

function toTrack(row: TrackRow): Track {
  return {
    id: row.id,
    itemKey: row.item_key,
    source: row.source,
    title: row.title,
    artists: JSON.parse(row.artists_json) as string[],
    genres: JSON.parse(row.genres_json) as string[],
    album: row.album,
    year: row.year,
    spotifyUrl: row.spotify_url,
    imageUrl: row.image_url,
  };
}

/** The identifying columns of a stored track, for matching crawled tracks to it. */
export interface TrackIdentity {
  readonly id: number;
  readonly itemKey: string;
  readonly source: TrackSource;
  readonly spotifyId: string | null;
  readonly isrc: string | null;
  readonly dedupeKey: string;
}

export interface UpsertSummary {
  readonly inserted: number;
  readonly updated: number;
}

/** Tracks with their artists and genres. Writes of several tracks are one transaction. */
export class TrackRepository {
  readonly #db: Database;
  readonly #findKey: Statement<[string], { id: number }>;
  readonly #upsert: Statement;
  readonly #upsertArtist: Statement<[string, string, string | null], { id: number }>;
  readonly #clearArtists: Statement<[number]>;
  readonly #addArtist: Statement<[number, number, number]>;
  readonly #clearGenres: Statement<[number]>;
  readonly #addGenre: Statement<[number, string]>;
  /** The search index (schema v4), written here because every catalog write comes here. */
  readonly #search: TrackSearch;

  constructor(db: Database) {
    this.#db = db;
    this.#search = new TrackSearch(db);
    this.#findKey = db.prepare('SELECT id FROM tracks WHERE item_key = ?');
    this.#upsert = db.prepare(`
      INSERT INTO tracks (item_key, source, title, album, album_type, year, release_date,
        release_date_precision, duration_ms, explicit, isrc, spotify_id, spotify_url, image_url,
        popularity, market_count, dedupe_key, fetched_at, created_at)
      VALUES (@itemKey, @source, @title, @album, @albumType, @year, @releaseDate,
        @releaseDatePrecision, @durationMs, @explicit, @isrc, @spotifyId, @spotifyUrl, @imageUrl,
        @popularity, @marketCount, @dedupeKey, @fetchedAt, @now)
      ON CONFLICT (item_key) DO UPDATE SET
        source = excluded.source, title = excluded.title, album = excluded.album,
        album_type = excluded.album_type, year = excluded.year, release_date = excluded.release_date,
        release_date_precision = excluded.release_date_precision, duration_ms = excluded.duration_ms,
        explicit = excluded.explicit, isrc = excluded.isrc, spotify_id = excluded.spotify_id,
        spotify_url = excluded.spotify_url, image_url = excluded.image_url,
        popularity = excluded.popularity, market_count = excluded.market_count,
        dedupe_key = excluded.dedupe_key, fetched_at = excluded.fetched_at
      RETURNING id`);
    this.#upsertArtist = db.prepare(`
      INSERT INTO artists (name, name_key, spotify_id) VALUES (?, ?, ?)
      ON CONFLICT (name_key) DO UPDATE SET spotify_id = coalesce(excluded.spotify_id, spotify_id)
      RETURNING id`);
    this.#clearArtists = db.prepare('DELETE FROM track_artists WHERE track_id = ?');
    this.#addArtist = db.prepare(
      'INSERT INTO track_artists (track_id, position, artist_id) VALUES (?, ?, ?)',
    );
    this.#clearGenres = db.prepare('DELETE FROM track_genres WHERE track_id = ?');
    this.#addGenre = db.prepare(
      'INSERT OR IGNORE INTO track_genres (track_id, genre) VALUES (?, ?)',
    );
  }

  /** Inserts new tracks and updates existing ones (matched by `itemKey`), in one transaction. */
  upsertMany(tracks: readonly TrackInput[], now = Math.floor(Date.now() / 1000)): UpsertSummary {
    let inserted = 0;
    this.#db
      .transaction(() => {
        for (const track of tracks) {
          const isNew = this.#findKey.get(track.itemKey) === undefined;
          if (isNew) inserted++;
          this.#write(track, now, isNew);
        }
      })
      .immediate();
    return { inserted, updated: tracks.length - inserted };
  }

  #write(track: TrackInput, now: number, isNew: boolean): void {
    if (track.artists.length === 0) throw new RangeError(`Track "${track.title}" has no artist.`);
    const { id } = this.#upsert.get({
      itemKey: track.itemKey,
      source: track.source,
      title: track.title,
      album: track.album ?? null,
      albumType: track.albumType ?? null,
      year: track.year ?? null,
      releaseDate: track.releaseDate ?? null,
      releaseDatePrecision: track.releaseDatePrecision ?? null,
      durationMs: track.durationMs ?? null,
      explicit: track.explicit === undefined ? null : Number(track.explicit),
      isrc: track.isrc ?? null,
      spotifyId: track.spotifyId ?? null,
      spotifyUrl: track.spotifyUrl ?? null,
      imageUrl: track.imageUrl ?? null,
      popularity: track.popularity ?? null,
      marketCount: track.marketCount ?? null,
      dedupeKey: recordingKey(
        track.title,
        track.artists.map((artist) => artist.name),
      ),
      fetchedAt: track.fetchedAt ?? null,
      now,
    }) as { id: number };
    this.#clearArtists.run(id);
    track.artists.forEach((artist, position) => {
      const row = this.#upsertArtist.get(
        artist.name,
        artistKey(artist.name),
        artist.spotifyId ?? null,
      );
      this.#addArtist.run(id, position, row!.id);
    });
    this.#clearGenres.run(id);
    for (const genre of track.genres) this.#addGenre.run(id, genre);
    this.#search.index(
      id,
      track.title,
      track.artists.map((artist) => artist.name),
      isNew,
    );
  }

  count(source?: TrackSource): number {
    const sql = source
      ? 'SELECT count(*) AS n FROM tracks WHERE source = ?'
      : 'SELECT count(*) AS n FROM tracks';
    const row = this.#db.prepare(sql).get(...(source ? [source] : [])) as { n: number };
    return row.n;
  }

  /** All tracks, by id. Placeholder items of imported files are included only when asked. */
  list(options: { includePlaceholders?: boolean } = {}): Track[] {
    const where = options.includePlaceholders ? '' : ` WHERE t.source <> 'placeholder'`;
    const rows = this.#db.prepare(`${trackSelect}${where} ORDER BY t.id`).all() as TrackRow[];
    return rows.map(toTrack);
  }

  get(id: number): Track | undefined {
    const row = this.#db.prepare(`${trackSelect} WHERE t.id = ?`).get(id) as TrackRow | undefined;
    return row && toTrack(row);
  }

  /** Maps public item keys to row ids; keys not in the store are absent from the result. */
  idsByItemKey(): Map<string, number> {
    const rows = this.#db.prepare('SELECT item_key, id FROM tracks').all() as {
      item_key: string;
      id: number;
    }[];
    return new Map(rows.map((r) => [r.item_key, r.id]));
  }

  /** Creates bare placeholder items for the keys of an imported file the catalog lacks. */
  addPlaceholders(itemKeys: readonly string[], now = Math.floor(Date.now() / 1000)): void {
    const insert = this.#db.prepare(`
      INSERT OR IGNORE INTO tracks (item_key, source, title, dedupe_key, created_at)
      VALUES (?, 'placeholder', ?, ?, ?)`);
    this.#db
      .transaction(() => {
        for (const key of itemKeys) insert.run(key, `Item ${key}`, `placeholder|${key}`, now);
      })
      .immediate();
  }

  idsOfSource(source: TrackSource): number[] {
    return this.#db
      .prepare('SELECT id FROM tracks WHERE source = ? ORDER BY id')
      .pluck()
      .all(source) as number[];
  }

  /** Identifying columns of every stored track. */
  identities(): TrackIdentity[] {
    return this.#db
      .prepare(
        `SELECT id, item_key AS itemKey, source, spotify_id AS spotifyId, isrc,
         dedupe_key AS dedupeKey FROM tracks`,
      )
      .all() as TrackIdentity[];
  }

  /** A stored track in the form {@link upsertMany} takes, to enrich and write back. */
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

  genreCounts(): { genre: string; tracks: number }[] {
    return this.#db
      .prepare(
        'SELECT genre, count(*) AS tracks FROM track_genres GROUP BY genre ORDER BY tracks DESC, genre',
      )
      .all() as { genre: string; tracks: number }[];
  }

  artistCount(): number {
    return (this.#db.prepare('SELECT count(*) AS n FROM artists').get() as { n: number }).n;
  }
}
