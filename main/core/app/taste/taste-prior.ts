import type { Taste } from '../../contract/index.ts';
import type { Track } from '../../catalog/track.ts';
import { decadeOf, isDisliked } from './taste-match.ts';

/** One song standing for a part of the taste in the picks' fold-in. */
export interface PriorEntry {
  readonly trackId: number;
  /** Signed input x_j for the ranking model: positive for a liked trait, negative disliked. */
  readonly weight: number;
  /** The part of the taste it stands for: "folk", "Nick Drake", "the 1970s". */
  readonly trait: string;
}

/**
 * The schedule: the prior's inputs are multiplied by κ / (κ + n) for a listener with n ratings,
 * so it counts fully before any rating, half after 10, a quarter after 30 and a tenth after 90.
 */
const halfWeightAtRatings = 10;
/** x of one song standing for a liked trait at full weight (a real 4–5★ rating is 1). */
const likedWeight = 0.5;
/** |x| of one song standing for a disliked genre at full weight (a real 1–2★ rating is 0.5). */
const dislikedWeight = 0.25;
/** Songs standing for each liked or disliked genre or decade, and for each artist. */
const perTrait = 5;
const perArtist = 3;

/** How much the prior still counts after `ratings` ratings of the listener's own, in (0, 1]. */
export function priorShare(ratings: number): number {
  return halfWeightAtRatings / (halfWeightAtRatings + ratings);
}

function representatives(
  songs: readonly Track[],
  count: number,
  popularity: ReadonlyMap<number, number>,
): Track[] {
  return [...songs]
    .sort((a, b) => (popularity.get(b.id) ?? 0) - (popularity.get(a.id) ?? 0) || a.id - b.id)
    .slice(0, count);
}

/**
 * The taste start as weighted inputs for the picks' ranking model: the best-known songs of each
 * liked genre, decade and artist pull their neighbours up, those of each disliked genre push
 * them down, all scaled by {@link priorShare}. Songs in `skip` (rated or hidden: they speak for
 * themselves) and, for likes, songs of a disliked genre are left out; a song stands once.
 */
export function tastePrior(
  taste: Taste,
  tracks: readonly Track[],
  options: {
    readonly popularity: ReadonlyMap<number, number>;
    readonly ratings: number;
    readonly skip: ReadonlySet<number>;
  },
): PriorEntry[] {
  const share = priorShare(options.ratings);
  const usable = tracks.filter((t) => !options.skip.has(t.id));
  const liked = usable.filter((t) => !isDisliked(t, taste));
  const groups: [string, Track[], number, number][] = [
    ...taste.dislikedGenres.map((g): [string, Track[], number, number] => [
      g,
      usable.filter((t) => t.genres.includes(g)),
      perTrait,
      -dislikedWeight,
    ]),
    ...taste.likedGenres.map((g): [string, Track[], number, number] => [
      g,
      liked.filter((t) => t.genres.includes(g)),
      perTrait,
      likedWeight,
    ]),
    ...taste.artists.map((a): [string, Track[], number, number] => [
      a,
      liked.filter((t) => t.artists.includes(a)),
      perArtist,
      likedWeight,
    ]),
    ...taste.decades.map((d): [string, Track[], number, number] => [
      `the ${d}s`,
      liked.filter((t) => t.year !== null && decadeOf(t.year) === d),
      perTrait,
      likedWeight,
    ]),
  ];
  const entries = new Map<number, PriorEntry>();
  for (const [trait, songs, count, weight] of groups) {
    for (const song of representatives(songs, count, options.popularity)) {
      if (!entries.has(song.id))
        entries.set(song.id, { trackId: song.id, weight: weight * share, trait });
    }
  }
  return [...entries.values()];
}
