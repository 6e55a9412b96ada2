import { Prng, hashString, mixSeeds } from '../random.ts';

/** What the simulation needs to know of a track. */
export interface TrackFeatures {
  readonly id: number;
  readonly itemKey: string;
  readonly genres: readonly string[];
  readonly year: number | null;
  /** Artist keys, primary first. */
  readonly artistKeys: readonly string[];
}

/**
 * Qualities every listener perceives alike, derived from the seed and the track's key so that
 * a track keeps them whenever it is rated: `fame` in (0, 1] (few hits, a long tail) and
 * `appeal`, how much better or worse than its genre the song is (stars, about N(0, 0.35)).
 */
export interface TrackTraits {
  readonly fame: number;
  readonly appeal: number;
}

export function trackTraits(seed: number, itemKey: string): TrackTraits {
  const random = new Prng(mixSeeds(seed, hashString(itemKey), 0x7a11));
  return { fame: random.nextFloat() ** 3 + 0.001, appeal: random.nextNormal(0, 0.35) };
}
