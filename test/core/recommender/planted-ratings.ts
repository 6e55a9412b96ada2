import { Prng } from '../../../main/core/random.ts';
import type { RatingArrays } from '../../../main/core/store/rating-repository.ts';

export interface PlantedShape {
  readonly users: number;
  readonly items: number;
  /** Probability that a (user, item) pair is rated. */
  readonly density: number;
  readonly rank: number;
  /** s, the standard deviation of the noise ε. */
  readonly noise: number;
  readonly seed: number;
}

export interface PlantedRatings extends RatingArrays {
  /** The noiseless value μ + b_u + b_i + p_u·q_i of every pair, row-major [u * items + i]. */
  readonly truth: Float64Array;
}

/**
 * Ratings from a planted model r = 3 + b_u + b_i + p_u·q_i + ε with ε ~ N(0, s²), unrounded and
 * unclipped, raw ids user 1001 + u and track 5001 + i. b ~ N(0, 0.3²), factors N(0, 0.5²).
 */
export function plantedRatings(shape: PlantedShape): PlantedRatings {
  const random = new Prng(shape.seed);
  const { users, items, rank } = shape;
  const userBias = Float64Array.from({ length: users }, () => random.nextNormal(0, 0.3));
  const itemBias = Float64Array.from({ length: items }, () => random.nextNormal(0, 0.3));
  const p = Float64Array.from({ length: users * rank }, () => random.nextNormal(0, 0.5));
  const q = Float64Array.from({ length: items * rank }, () => random.nextNormal(0, 0.5));
  const truth = new Float64Array(users * items);
  const userIds: number[] = [];
  const trackIds: number[] = [];
  const ratings: number[] = [];
  for (let u = 0; u < users; u++) {
    for (let i = 0; i < items; i++) {
      let value = 3 + userBias[u] + itemBias[i];
      for (let f = 0; f < rank; f++) value += p[u * rank + f] * q[i * rank + f];
      truth[u * items + i] = value;
      if (random.nextFloat() >= shape.density) continue;
      userIds.push(1001 + u);
      trackIds.push(5001 + i);
      ratings.push(value + random.nextNormal(0, shape.noise));
    }
  }
  return {
    userIds: Int32Array.from(userIds),
    trackIds: Int32Array.from(trackIds),
    ratings: Float32Array.from(ratings),
    truth,
  };
}

/** The ratings at the given positions, as new arrays. */
export function selectRatings(ratings: RatingArrays, positions: Iterable<number>): RatingArrays {
  const picked = [...positions];
  return {
    userIds: Int32Array.from(picked, (r) => ratings.userIds[r]),
    trackIds: Int32Array.from(picked, (r) => ratings.trackIds[r]),
    ratings: Float32Array.from(picked, (r) => ratings.ratings[r]),
  };
}
