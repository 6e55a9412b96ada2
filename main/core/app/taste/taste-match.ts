import type { Taste } from '../../contract/index.ts';
import type { Track } from '../../catalog/track.ts';

/** The decade a year falls in, as its first year (1977 → 1970). */
export function decadeOf(year: number): number {
  return Math.floor(year / 10) * 10;
}

/** A song of a genre the listener dislikes: never offered while the taste holds. */
export function isDisliked(track: Track, taste: Taste): boolean {
  return track.genres.some((g) => taste.dislikedGenres.includes(g));
}

/**
 * What of the taste a song has: a liked genre, decade or artist (in that order, as a reason
 * says it), or undefined. A song of a disliked genre matches nothing.
 */
export function likedTrait(track: Track, taste: Taste): string | undefined {
  if (isDisliked(track, taste)) return undefined;
  const genre = track.genres.find((g) => taste.likedGenres.includes(g));
  if (genre !== undefined) return genre;
  const artist = track.artists.find((a) => taste.artists.includes(a));
  if (artist !== undefined) return artist;
  if (track.year !== null && taste.decades.includes(decadeOf(track.year)))
    return `the ${decadeOf(track.year)}s`;
  return undefined;
}

/** Rounds draw from the taste until the listener has rated this many songs of their own. */
const tasteRoundsUntilRatings = 10;

/**
 * The songs a round may offer under the taste start: never a disliked genre's; and while the
 * listener has rated fewer than {@link tasteRoundsUntilRatings} songs, only songs of a liked
 * genre, decade or artist as long as at least `count` of them remain.
 */
export function tasteCandidates(
  candidates: readonly Track[],
  taste: Taste,
  options: { readonly ratings: number; readonly count: number },
): readonly Track[] {
  const allowed = candidates.filter((t) => !isDisliked(t, taste));
  const pool = allowed.length > 0 ? allowed : candidates;
  if (options.ratings >= tasteRoundsUntilRatings) return pool;
  const liked = pool.filter((t) => likedTrait(t, taste) !== undefined);
  return liked.length >= options.count ? liked : pool;
}
