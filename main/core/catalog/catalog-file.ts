import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** The genres the embedded catalog uses; crawled tracks may add others. */
export const catalogGenres = [
  'pop',
  'rock',
  'metal',
  'punk',
  'indie',
  'folk',
  'country',
  'hip-hop',
  'r&b',
  'soul',
  'jazz',
  'blues',
  'electronic',
  'reggae',
  'latin',
  'funk',
  'disco',
] as const;

/** One recording of the embedded catalog, as written in `resources/catalog/catalog.json`. */
export interface CatalogEntry {
  readonly title: string;
  readonly artists: readonly string[];
  readonly year: number;
  readonly genres: readonly string[];
  readonly album?: string;
}

const allowedKeys = new Set(['title', 'artists', 'year', 'genres', 'album']);
const knownGenres = new Set<string>(catalogGenres);
const firstYear = 1900;

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Returns what is wrong with one entry, or undefined when it is valid. */
function entryProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const entry = value as Record<string, unknown>;
  const extra = Object.keys(entry).find((key) => !allowedKeys.has(key));
  if (extra !== undefined) return `unknown field "${extra}"`;
  if (!isNonEmptyString(entry.title)) return 'field "title" must be a non-empty string';
  if (
    !Array.isArray(entry.artists) ||
    entry.artists.length === 0 ||
    !entry.artists.every(isNonEmptyString)
  )
    return 'field "artists" must be a non-empty list of names';
  const year = entry.year;
  if (
    typeof year !== 'number' ||
    !Number.isInteger(year) ||
    year < firstYear ||
    year > new Date().getFullYear()
  )
    return `field "year" must be a whole year from ${firstYear} to now`;
  if (!Array.isArray(entry.genres) || entry.genres.length === 0)
    return 'field "genres" must be a non-empty list';
  const badGenre: unknown = (entry.genres as unknown[]).find(
    (g) => typeof g !== 'string' || !knownGenres.has(g),
  );
  if (badGenre !== undefined) return `field "genres" has unknown genre ${JSON.stringify(badGenre)}`;
  if (entry.album !== undefined && !isNonEmptyString(entry.album))
    return 'field "album" must be a non-empty string when present';
  return undefined;
}

/** A catalog file that cannot be used; the message names the file, the entry and the field. */
export class CatalogFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogFileError';
  }
}

/** Parses and validates a catalog file (`{ "tracks": [CatalogEntry, …] }`). */
export function parseCatalog(text: string, fileName: string): CatalogEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CatalogFileError(`${fileName}: not valid JSON (${(error as Error).message})`);
  }
  const tracks = (parsed as { tracks?: unknown } | null)?.tracks;
  if (!Array.isArray(tracks))
    throw new CatalogFileError(`${fileName}: expected { "tracks": [...] }`);
  tracks.forEach((entry: unknown, index) => {
    const problem = entryProblem(entry);
    if (problem !== undefined) {
      const title = (entry as { title?: unknown } | null)?.title;
      const label = typeof title === 'string' ? ` ("${title}")` : '';
      throw new CatalogFileError(`${fileName}: tracks[${index}]${label}: ${problem}`);
    }
  });
  return tracks as CatalogEntry[];
}

export function readCatalogFile(path: string): CatalogEntry[] {
  return parseCatalog(readFileSync(path, 'utf8'), basename(path));
}
