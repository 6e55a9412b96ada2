import type { RatingStrategy } from '../contract/index.ts';

/** How known and how divisive a song is among everyone's ratings. */
export interface TrackRatingStats {
  readonly count: number;
  readonly mean: number;
  readonly sd: number;
  /** Shannon entropy (bits) of the song's whole-star histogram: 0 when everyone agrees. */
  readonly entropy: number;
}

/** What the picker needs of a song: its id and its artists (primary first). */
export interface PickableSong {
  readonly id: number;
  readonly artists: readonly string[];
}

export interface PickRequest<T extends PickableSong> {
  readonly candidates: readonly T[];
  readonly count: number;
  readonly strategy: RatingStrategy;
  /** Uniform in [0, 1): `Math.random` in the app, seeded in tests. */
  readonly random: () => number;
  readonly stats?: ReadonlyMap<number, TrackRatingStats>;
  /**
   * `adaptive` only: the songs the listener most likely knows (see `likelyKnown`). The round is
   * drawn from them while enough remain, then from the rest.
   */
  readonly likelyKnown?: ReadonlySet<number>;
}

/**
 * How much a strategy wants a song rated. `smart` (and `adaptive` within its neighbourhood):
 * well-known songs (many ratings) that split opinion (a wide spread of stars), log(1 + n)·sd.
 * `entropy`: Rashid et al.'s (2002) popularity × entropy, log(1 + n)·H(stars).
 */
function informativeness(strategy: RatingStrategy, stats: TrackRatingStats | undefined): number {
  if (strategy === 'random') return 1;
  if (stats === undefined || stats.count < 2) return 0.05;
  const spread = strategy === 'entropy' ? stats.entropy : stats.sd;
  return Math.log1p(stats.count) * Math.max(spread, 0.1);
}

/**
 * Weighted sampling without replacement (Efraimidis–Spirakis keys log(u)/w, largest first),
 * then at most one song per primary artist.
 */
function drawByWeight<T extends PickableSong>(
  candidates: readonly T[],
  count: number,
  weightOf: (song: T) => number,
  random: () => number,
  artists: Set<string>,
): T[] {
  const keyed = candidates.map((song) => ({ song, key: Math.log(1 - random()) / weightOf(song) }));
  keyed.sort((a, b) => b.key - a.key);
  const picked: T[] = [];
  for (const { song } of keyed) {
    if (picked.length === count) break;
    const artist = song.artists[0] ?? `#${song.id}`;
    if (artists.has(artist)) continue;
    artists.add(artist);
    picked.push(song);
  }
  return picked;
}

/**
 * Picks `count` songs, at most one per primary artist. `random`: uniformly, as the original
 * project did. `smart` and `entropy`: weighted by {@link informativeness}, so the round is
 * mostly known, divisive songs and still varies from one round to the next. `adaptive`: the
 * same weights, among the songs the listener most likely knows first.
 */
export function pickSongs<T extends PickableSong>(request: PickRequest<T>): T[] {
  const { candidates, strategy, random, stats, count, likelyKnown } = request;
  const weightOf = (song: T) => informativeness(strategy, stats?.get(song.id));
  const artists = new Set<string>();
  if (strategy !== 'adaptive' || likelyKnown === undefined)
    return drawByWeight(candidates, count, weightOf, random, artists);
  const near = candidates.filter((song) => likelyKnown.has(song.id));
  const picked = drawByWeight(near, count, weightOf, random, artists);
  if (picked.length === count) return picked;
  const far = candidates.filter((song) => !likelyKnown.has(song.id));
  return [...picked, ...drawByWeight(far, count - picked.length, weightOf, random, artists)];
}
