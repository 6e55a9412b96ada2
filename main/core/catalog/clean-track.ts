import { recordingKey } from './normalise.ts';
import type { ArtistCredit, TrackInput } from './track.ts';

/** Why a raw track object did not become a track. Stable: summaries count by these. */
export type DropReason =
  | 'not-a-track'
  | 'local-file'
  | 'missing-id'
  | 'missing-title'
  | 'missing-artist'
  | 'duplicate-id'
  | 'duplicate-isrc'
  | 'duplicate-recording';

export const dropReasons: readonly DropReason[] = [
  'not-a-track',
  'local-file',
  'missing-id',
  'missing-title',
  'missing-artist',
  'duplicate-id',
  'duplicate-isrc',
  'duplicate-recording',
];

/** A cleaned Spotify track: a store-ready input whose Spotify id is always known. */
export interface SpotifyTrack extends TrackInput {
  readonly source: 'spotify';
  readonly spotifyId: string;
  /** Normalised title and primary artist (see `recordingKey`): what de-duplication matches. */
  readonly recordingKey: string;
}

export type CleanTrackResult =
  | { readonly ok: true; readonly track: SpotifyTrack }
  | { readonly ok: false; readonly reason: DropReason };

type JsonRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
const wholeNumber = (value: unknown, min: number, max: number): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : undefined;

const spotifyIdPattern = /^[0-9A-Za-z]{22}$/;
/** ISO 3901: country (2 letters), registrant (3 alphanumerics), year (2) and designation (5). */
const isrcPattern = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;
const releaseDatePattern = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

function readArtists(value: unknown): ArtistCredit[] {
  if (!Array.isArray(value)) return [];
  const artists: ArtistCredit[] = [];
  for (const artist of value as unknown[]) {
    const name = isRecord(artist) ? text(artist.name) : undefined;
    if (name !== undefined && isRecord(artist)) artists.push({ name, spotifyId: text(artist.id) });
  }
  return artists;
}

function readIsrc(externalIds: unknown): string | undefined {
  const raw = isRecord(externalIds) ? text(externalIds.isrc) : undefined;
  const isrc = raw?.toUpperCase().replace(/[-\s]/g, '');
  return isrc !== undefined && isrcPattern.test(isrc) ? isrc : undefined;
}

/**
 * The width cover art is fetched at. A card shows its cover at most ~11rem wide (about 350
 * device pixels on a 2x screen is the most it needs), and Spotify offers 640, 300 and 64 px
 * versions of an album's art: 300 is sharp enough and a fifth the bytes of 640.
 */
const coverWidth = 300;

/**
 * The cover image closest to {@link coverWidth} without being smaller, else the widest there
 * is (the list's order is not promised). Only https addresses: the URL goes into an <img>.
 */
function readImageUrl(images: unknown): string | undefined {
  if (!Array.isArray(images)) return undefined;
  let best: { url: string; width: number } | undefined;
  for (const image of images as unknown[]) {
    const url = isRecord(image) ? text(image.url) : undefined;
    if (url === undefined || !url.startsWith('https://') || !isRecord(image)) continue;
    const width = typeof image.width === 'number' ? image.width : 0;
    if (best === undefined || isBetterCover(width, best.width)) best = { url, width };
  }
  return best?.url;
}

/** Whether a `width` px cover beats the `than` px one chosen so far. */
function isBetterCover(width: number, than: number): boolean {
  const isLargeEnough = width >= coverWidth;
  if (isLargeEnough !== than >= coverWidth) return isLargeEnough;
  return isLargeEnough ? width < than : width > than;
}

interface Release {
  releaseDate: string | undefined;
  releaseDatePrecision: string | undefined;
  year: number | undefined;
}

const unknownRelease: Release = {
  releaseDate: undefined,
  releaseDatePrecision: undefined,
  year: undefined,
};

/** Release date, its precision and year; Spotify writes unknown dates as "0000". */
function readRelease(album: JsonRecord): Release {
  const date = text(album.release_date);
  const match = date === undefined ? null : releaseDatePattern.exec(date);
  const year = match ? Number(match[1]) : 0;
  if (match === null || year === 0) return unknownRelease;
  const precision = text(album.release_date_precision);
  return {
    releaseDate: date,
    releaseDatePrecision:
      precision === 'day' || precision === 'month' || precision === 'year' ? precision : undefined,
    year,
  };
}

const noGenres: readonly string[] = Object.freeze([]);

/** Lower-cased, trimmed, distinct and sorted; most tracks have none, which costs nothing. */
function tidyGenres(genres: readonly string[]): readonly string[] {
  if (genres.length === 0) return noGenres;
  return [...new Set(genres.map((g) => g.trim().toLowerCase()).filter((g) => g !== ''))].sort();
}

function spotifyUrl(track: JsonRecord, id: string): string {
  const given = isRecord(track.external_urls) ? text(track.external_urls.spotify) : undefined;
  return given?.startsWith('https://open.spotify.com/')
    ? given
    : `https://open.spotify.com/track/${id}`;
}

/** Checks what a track cannot do without: a track object, not local, an id, a title, an artist. */
function essentials(
  raw: unknown,
):
  | { ok: true; track: JsonRecord; id: string; title: string; artists: ArtistCredit[] }
  | { ok: false; reason: DropReason } {
  if (!isRecord(raw) || (raw.type !== undefined && raw.type !== 'track'))
    return { ok: false, reason: 'not-a-track' };
  if (raw.is_local === true) return { ok: false, reason: 'local-file' };
  const id = text(raw.id);
  if (id === undefined || !spotifyIdPattern.test(id)) return { ok: false, reason: 'missing-id' };
  const title = text(raw.name);
  if (title === undefined) return { ok: false, reason: 'missing-title' };
  const artists = readArtists(raw.artists);
  if (artists.length === 0) return { ok: false, reason: 'missing-artist' };
  return { ok: true, track: raw, id, title, artists };
}

/**
 * One raw Spotify track object (as served today, or as served in 2023 with `popularity` and
 * `available_markets`) to a track. Optional fields that are absent or malformed stay unknown.
 */
export function cleanTrack(
  raw: unknown,
  fetchedAt?: number,
  genres: readonly string[] = [],
): CleanTrackResult {
  const checked = essentials(raw);
  if (!checked.ok) return checked;
  const { track, id, title, artists } = checked;
  const album = isRecord(track.album) ? track.album : {};
  const release = readRelease(album);
  return {
    ok: true,
    track: {
      itemKey: id,
      source: 'spotify',
      title,
      artists,
      genres: tidyGenres(genres),
      album: text(album.name),
      albumType: text(album.album_type),
      releaseDate: release.releaseDate,
      releaseDatePrecision: release.releaseDatePrecision,
      year: release.year,
      durationMs: wholeNumber(track.duration_ms, 1, Number.MAX_SAFE_INTEGER),
      explicit: typeof track.explicit === 'boolean' ? track.explicit : undefined,
      isrc: readIsrc(track.external_ids),
      spotifyId: id,
      spotifyUrl: spotifyUrl(track, id),
      imageUrl: readImageUrl(album.images),
      popularity: wholeNumber(track.popularity, 0, 100),
      marketCount: Array.isArray(track.available_markets)
        ? track.available_markets.length
        : undefined,
      fetchedAt,
      recordingKey: recordingKey(
        title,
        artists.map((artist) => artist.name),
      ),
    },
  };
}
