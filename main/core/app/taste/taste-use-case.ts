import type { Taste, TasteView } from '../../contract/index.ts';
import type { Track } from '../../catalog/track.ts';
import type { Store } from '../../store/store.ts';
import { ServiceError } from '../service-error.ts';
import { decadeOf } from './taste-match.ts';
import { hasTaste, readTaste, writeTaste } from './taste-settings.ts';

function counted(names: readonly string[]): { name: string; songs: number }[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .map(([name, songs]) => ({ name, songs }))
    .sort((a, b) => b.songs - a.songs || a.name.localeCompare(b.name));
}

/** The stored taste, what the catalog offers to choose from, and whether to ask on a first run. */
export function tasteView(store: Store, tracks: readonly Track[], ratings: number): TasteView {
  const taste = readTaste(store);
  const decades = counted(
    tracks.flatMap((t) => (t.year === null ? [] : [String(decadeOf(t.year))])),
  );
  return {
    taste,
    choices: {
      genres: counted(tracks.flatMap((t) => t.genres)),
      decades: decades
        .map(({ name, songs }) => ({ decade: Number(name), songs }))
        .sort((a, b) => a.decade - b.decade),
      artists: counted(tracks.flatMap((t) => t.artists)),
    },
    shouldAsk: ratings === 0 && !taste.skipped && !hasTaste(taste),
  };
}

/** `given` in the catalog's own spelling (matched ignoring case); refuses a name it lacks. */
function resolve(field: string, given: readonly string[], known: Iterable<string>): string[] {
  const byFolded = new Map<string, string>();
  for (const name of known) byFolded.set(name.toLowerCase(), name);
  return [
    ...new Set(
      given.map((name) => {
        const found = byFolded.get(name.toLowerCase());
        if (found === undefined)
          throw new ServiceError(
            'invalid-request',
            `${field}: no song in the catalog has "${name}".`,
          );
        return found;
      }),
    ),
  ];
}

/**
 * Checks a taste against the catalog (every genre, decade and artist must have songs, matched
 * ignoring case; a genre cannot be liked and disliked at once) and stores it in the catalog's
 * spelling, replacing the previous one.
 */
export function saveTaste(store: Store, tracks: readonly Track[], taste: Taste): void {
  const genres = new Set(tracks.flatMap((t) => t.genres));
  const likedGenres = resolve('likedGenres', taste.likedGenres, genres);
  const dislikedGenres = resolve('dislikedGenres', taste.dislikedGenres, genres);
  const artists = resolve('artists', taste.artists, new Set(tracks.flatMap((t) => t.artists)));
  const decades = new Set(tracks.flatMap((t) => (t.year === null ? [] : [decadeOf(t.year)])));
  const missing = taste.decades.find((d) => !decades.has(d));
  if (missing !== undefined)
    throw new ServiceError(
      'invalid-request',
      `decades: no song in the catalog is from the ${missing}s.`,
    );
  const both = likedGenres.find((g) => dislikedGenres.includes(g));
  if (both !== undefined)
    throw new ServiceError('invalid-request', `"${both}" is both liked and disliked; choose one.`);
  writeTaste(store, {
    likedGenres,
    dislikedGenres,
    decades: [...new Set(taste.decades)].sort((a, b) => a - b),
    artists,
    skipped: taste.skipped,
  });
}
