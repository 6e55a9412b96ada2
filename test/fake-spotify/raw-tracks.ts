/**
 * Raw Spotify track objects for cleaner tests and benchmarks, shaped like the 2023 fixtures
 * (with `popularity` and `available_markets`) unless asked for today's shape.
 */

type Json = Record<string, unknown>;

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A valid 22-character Spotify id, distinct for each `(n, salt)`. */
export function spotifyIdFor(n: number, salt = 0): string {
  return `${base62[salt % 62]}x${String(n).padStart(20, '0')}`;
}

export interface RawTrackOptions {
  readonly title?: string;
  readonly artist?: string;
  readonly id?: string;
  readonly isrc?: string | null;
  readonly albumType?: 'album' | 'single' | 'compilation';
  readonly releaseDate?: string;
  readonly precision?: 'day' | 'month' | 'year';
  /** Today's shape: no popularity, no markets. */
  readonly today?: boolean;
}

export function rawTrack(n: number, options: RawTrackOptions = {}): Json {
  const id = options.id ?? spotifyIdFor(n);
  const artist = options.artist ?? `Artist ${n % 997}`;
  const albumId = spotifyIdFor(n, 1);
  const track: Json = {
    album: {
      album_type: options.albumType ?? 'album',
      artists: [{ id: spotifyIdFor(n % 997, 2), name: artist, type: 'artist' }],
      external_urls: { spotify: `https://open.spotify.com/album/${albumId}` },
      id: albumId,
      images: [
        { height: 300, url: `https://i.scdn.co/image/m${albumId}`, width: 300 },
        { height: 640, url: `https://i.scdn.co/image/l${albumId}`, width: 640 },
        { height: 64, url: `https://i.scdn.co/image/s${albumId}`, width: 64 },
      ],
      name: `Album ${n}`,
      release_date: options.releaseDate ?? `${1960 + (n % 60)}-0${1 + (n % 9)}-1${n % 10}`,
      release_date_precision: options.precision ?? 'day',
      type: 'album',
    },
    artists: [
      { id: spotifyIdFor(n % 997, 2), name: artist, type: 'artist' },
      ...(n % 5 === 0
        ? [{ id: spotifyIdFor(n % 13, 3), name: `Guest ${n % 13}`, type: 'artist' }]
        : []),
    ],
    disc_number: 1,
    duration_ms: 150_000 + (n % 120_000),
    explicit: n % 7 === 0,
    external_ids:
      options.isrc === null
        ? {}
        : { isrc: options.isrc ?? `US-AB1-26-${String(n % 100_000).padStart(5, '0')}` },
    external_urls: { spotify: `https://open.spotify.com/track/${id}` },
    id,
    is_local: false,
    name: options.title ?? `Song Number ${n}`,
    track_number: 1 + (n % 12),
    type: 'track',
    uri: `spotify:track:${id}`,
  };
  if (!options.today) {
    track.popularity = n % 101;
    track.available_markets = ['DE', 'FR', 'GB', 'US'].slice(0, 1 + (n % 4));
  }
  return track;
}

/** A local file as playlists list it: no id, `is_local: true`. */
export function localTrack(n: number): Json {
  return {
    id: null,
    is_local: true,
    name: `Home Demo ${n}`,
    type: 'track',
    artists: [{ id: null, name: 'Me' }],
    uri: `spotify:local:Me::Home+Demo+${n}:200`,
  };
}
