import type { RatingArrays } from '../../main/core/store/rating-repository.ts';
import { Prng } from '../../main/core/recommender/prng.ts';

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

/** Cumulative weights 1/(rank + 10)^exponent in a shuffled order: a long tail, like real data. */
function skewedCumulative(count: number, exponent: number, random: Prng): Float64Array {
  const weights = new Float64Array(count);
  for (let i = 0; i < count; i++) weights[i] = 1 / (i + 10) ** exponent;
  for (let i = count - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    [weights[i], weights[j]] = [weights[j], weights[i]];
  }
  for (let i = 1; i < count; i++) weights[i] += weights[i - 1];
  return weights;
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
 * A seeded data set shaped like real ratings: skewed user activity and item popularity, each
 * (user, item) pair at most once, whole stars 1–5 from a planted model
 * round(3.6 + b_u + b_i + p_u·q_i + ε), b_u ~ N(0, 0.35²), b_i ~ N(0, 0.45²),
 * factors of rank `rank` with p·q ~ N(0, 0.6²), ε ~ N(0, 0.8²). Raw ids start at 1.
 */
export function syntheticRatings(shape: SyntheticShape): RatingArrays {
  const random = new Prng(shape.seed);
  const rank = shape.rank ?? 10;
  if (shape.ratings > shape.users * shape.items) throw new RangeError('more ratings than pairs');
  const factorSd = Math.sqrt(0.6 / Math.sqrt(rank));
  const draw = (n: number, sd: number): Float64Array =>
    Float64Array.from({ length: n }, () => random.nextNormal(0, sd));
  const userBias = draw(shape.users, 0.35);
  const itemBias = draw(shape.items, 0.45);
  const userFactors = draw(shape.users * rank, factorSd);
  const itemFactors = draw(shape.items * rank, factorSd);
  const userWeights = skewedCumulative(shape.users, 0.9, random);
  const itemWeights = skewedCumulative(shape.items, 1.0, random);
  const seen = new Set<number>();
  const userIds = new Int32Array(shape.ratings);
  const trackIds = new Int32Array(shape.ratings);
  const ratings = new Float32Array(shape.ratings);
  for (let r = 0; r < shape.ratings;) {
    const u = pick(userWeights, random);
    const i = pick(itemWeights, random);
    const key = u * shape.items + i;
    if (seen.has(key)) continue;
    seen.add(key);
    let score = 3.6 + userBias[u] + itemBias[i] + random.nextNormal(0, 0.8);
    for (let f = 0; f < rank; f++) score += userFactors[u * rank + f] * itemFactors[i * rank + f];
    userIds[r] = u + 1;
    trackIds[r] = i + 1;
    ratings[r] = Math.min(5, Math.max(1, Math.round(score)));
    r++;
  }
  return { userIds, trackIds, ratings };
}
