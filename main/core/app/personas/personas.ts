import type { Track } from '../../catalog/track.ts';
import type { TasteRequest } from '../../contract/index.ts';
import type { Prng } from '../../random.ts';

/**
 * A simulated person with a clear taste, for judging picks as a listener would. `stars` is what
 * they answer when shown a song (null: "don't know it"); `verdict` is how they would take a pick.
 */
export interface Persona {
  readonly name: string;
  readonly describe: string;
  stars(track: Track, random: Prng): number | null;
  verdict(track: Track): 'loved' | 'disliked' | 'neutral';
  /** What they would say on the taste start page. */
  readonly taste: TasteRequest;
}

export type PersonaKind =
  'loved-and-disliked-genre' | 'two-loved-genres' | 'one-era' | 'one-artist';

export const personaKinds: readonly PersonaKind[] = [
  'loved-and-disliked-genre',
  'two-loved-genres',
  'one-era',
  'one-artist',
];

/** A song's stars from a persona who loves it: mostly 5, sometimes 4. */
function lovedStars(random: Prng): number {
  return random.nextFloat() < 0.75 ? 5 : 4;
}

function dislikedStars(random: Prng): number {
  return random.nextFloat() < 0.75 ? 1 : 2;
}

function genrePersona(loved: readonly string[], disliked: readonly string[]): Persona {
  const verdict = (track: Track) =>
    track.genres.some((g) => disliked.includes(g))
      ? 'disliked'
      : track.genres.some((g) => loved.includes(g))
        ? 'loved'
        : 'neutral';
  return {
    name: disliked.length > 0 ? 'loved-and-disliked-genre' : 'two-loved-genres',
    describe: `loves ${loved.join(' and ')}${disliked.length > 0 ? `, dislikes ${disliked.join(', ')}` : ''}`,
    verdict,
    taste: { likedGenres: loved, dislikedGenres: disliked },
    stars(track, random) {
      const v = verdict(track);
      return v === 'loved' ? lovedStars(random) : v === 'disliked' ? dislikedStars(random) : null;
    },
  };
}

/** Loves one decade; knows and dislikes music at least 30 years away from it. */
function eraPersona(decade: number): Persona {
  const verdict = (track: Track) => {
    if (track.year === null) return 'neutral';
    if (track.year >= decade && track.year < decade + 10) return 'loved';
    return Math.abs(track.year - (decade + 5)) >= 30 ? 'disliked' : 'neutral';
  };
  return {
    name: 'one-era',
    describe: `loves the ${decade}s, dislikes music 30+ years away from them`,
    verdict,
    taste: { decades: [decade] },
    stars(track, random) {
      const v = verdict(track);
      if (v === 'loved') return lovedStars(random);
      if (v === 'disliked' && random.nextFloat() < 0.3) return dislikedStars(random);
      return null;
    },
  };
}

/**
 * Loves one artist and their neighbourhood: songs sharing a genre with the artist's and made
 * within ten years of them. Knows nothing else.
 */
function artistPersona(artist: string, catalog: readonly Track[]): Persona {
  const own = catalog.filter((t) => t.artists[0] === artist);
  const genres = new Set(own.flatMap((t) => t.genres));
  const years = own.map((t) => t.year).filter((y): y is number => y !== null);
  const near = (year: number | null) =>
    year !== null && years.some((y) => Math.abs(y - year) <= 10);
  const verdict = (track: Track) =>
    track.artists[0] === artist || (track.genres.some((g) => genres.has(g)) && near(track.year))
      ? 'loved'
      : 'neutral';
  return {
    name: 'one-artist',
    describe: `loves ${artist} and songs like theirs (${[...genres].join(', ')}, same years)`,
    verdict,
    taste: { artists: [artist] },
    stars: (track, random) => (verdict(track) === 'loved' ? lovedStars(random) : null),
  };
}

function pick<T>(items: readonly T[], random: Prng): T {
  return items[random.nextInt(items.length)];
}

/** Draws a persona of `kind` whose taste the catalog can serve. */
export function drawPersona(kind: PersonaKind, catalog: readonly Track[], random: Prng): Persona {
  const genres = [...new Set(catalog.flatMap((t) => t.genres))].sort();
  switch (kind) {
    case 'loved-and-disliked-genre': {
      const loved = pick(genres, random);
      return genrePersona(
        [loved],
        [
          pick(
            genres.filter((g) => g !== loved),
            random,
          ),
        ],
      );
    }
    case 'two-loved-genres': {
      const first = pick(genres, random);
      return genrePersona(
        [
          first,
          pick(
            genres.filter((g) => g !== first),
            random,
          ),
        ],
        [],
      );
    }
    case 'one-era': {
      const decades = [1960, 1970, 1980, 1990, 2000, 2010];
      return eraPersona(pick(decades, random));
    }
    case 'one-artist': {
      const counts = new Map<string, number>();
      for (const t of catalog) counts.set(t.artists[0], (counts.get(t.artists[0]) ?? 0) + 1);
      const artists = [...counts]
        .filter(([, n]) => n >= 2)
        .map(([a]) => a)
        .sort();
      return artistPersona(pick(artists, random), catalog);
    }
  }
}
