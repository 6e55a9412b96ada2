import type { RatingArrays } from '../../main/core/store/rating-repository.ts';
import { Prng } from '../../main/core/random.ts';

export interface SyntheticShape {
  readonly ratings: number;
  readonly users: number;
  readonly items: number;
  readonly seed: number;
  /** Rank of the planted taste model. Default 10. */
  readonly rank?: number;
}

/** MovieLens 1M's shape: 1,000,209 ratings by 6,040 users of 3,706 items. */
export const movieLens1mShape: SyntheticShape = {
  ratings: 1_000_209,
  users: 6_040,
  items: 3_706,
  seed: 1,
};

/** MovieLens 10M's users and items with exactly ten million ratings. */
export const tenMillionShape: SyntheticShape = {
  ratings: 10_000_000,
  users: 69_878,
  items: 10_677,
  seed: 1,
};

/** Weights 1/(rank + 10)^exponent in a shuffled order: a long tail, like real data. */
function skewedWeights(count: number, exponent: number, random: Prng): Float64Array {
  const weights = new Float64Array(count);
  for (let i = 0; i < count; i++) weights[i] = 1 / (i + 10) ** exponent;
  for (let i = count - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    [weights[i], weights[j]] = [weights[j], weights[i]];
  }
  return weights;
}

/** Per-user rating counts: at least 20 (as MovieLens), at most half the items, summing to total. */
function ratingsPerUser(shape: SyntheticShape, random: Prng): Int32Array {
  const floor = Math.min(20, Math.floor(shape.ratings / shape.users));
  const cap = Math.max(floor, Math.floor(shape.items / 2));
  const weights = skewedWeights(shape.users, 0.9, random);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const counts = new Int32Array(shape.users);
  const spare = shape.ratings - floor * shape.users;
  let assigned = 0;
  for (let u = 0; u < shape.users; u++) {
    counts[u] = Math.min(cap, floor + Math.floor((spare * weights[u]) / weightSum));
    assigned += counts[u];
  }
  for (let u = 0; assigned < shape.ratings; u = (u + 1) % shape.users) {
    if (counts[u] < cap) [counts[u], assigned] = [counts[u] + 1, assigned + 1];
  }
  return counts;
}

function pick(cumulative: Float64Array, random: Prng): number {
  const target = random.nextFloat() * cumulative[cumulative.length - 1];
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle] <= target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A seeded data set shaped like real ratings, user by user (as the store reads them): skewed
 * activity and item popularity, each (user, item) pair at most once, whole stars 1–5 from a
 * planted model round(3.6 + b_u + b_i + p_u·q_i + ε), b_u ~ N(0, 0.35²), b_i ~ N(0, 0.45²),
 * p·q of variance 0.36, ε ~ N(0, 0.8²). Raw ids start at 1. Memory: the three output arrays
 * and the planted factors, nothing per pair.
 */
export function syntheticRatings(shape: SyntheticShape): RatingArrays {
  if (shape.ratings > (shape.users * shape.items) / 2) throw new RangeError('too dense to draw');
  const random = new Prng(shape.seed);
  const rank = shape.rank ?? 10;
  const factorSd = Math.sqrt(0.6 / Math.sqrt(rank));
  const draw = (n: number, sd: number): Float32Array =>
    Float32Array.from({ length: n }, () => random.nextNormal(0, sd));
  const [userBias, itemBias] = [draw(shape.users, 0.35), draw(shape.items, 0.45)];
  const [userFactors, itemFactors] = [
    draw(shape.users * rank, factorSd),
    draw(shape.items * rank, factorSd),
  ];
  const itemCumulative = skewedWeights(shape.items, 1.0, random);
  for (let i = 1; i < shape.items; i++) itemCumulative[i] += itemCumulative[i - 1];
  const counts = ratingsPerUser(shape, random);
  const userIds = new Int32Array(shape.ratings);
  const trackIds = new Int32Array(shape.ratings);
  const ratings = new Float32Array(shape.ratings);
  const taken = new Uint8Array(shape.items);
  let r = 0;
  for (let u = 0; u < shape.users; u++) {
    const start = r;
    while (r < start + counts[u]) {
      const i = pick(itemCumulative, random);
      if (taken[i] === 1) continue;
      taken[i] = 1;
      let score = 3.6 + userBias[u] + itemBias[i] + random.nextNormal(0, 0.8);
      for (let f = 0; f < rank; f++) score += userFactors[u * rank + f] * itemFactors[i * rank + f];
      [userIds[r], trackIds[r], ratings[r]] = [
        u + 1,
        i + 1,
        Math.min(5, Math.max(1, Math.round(score))),
      ];
      r++;
    }
    for (let back = start; back < r; back++) taken[trackIds[back] - 1] = 0;
  }
  return { userIds, trackIds, ratings };
}
