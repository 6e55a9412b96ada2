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

export interface ClusterShape {
  readonly users: number;
  readonly clusters: number;
  readonly itemsPerCluster: number;
  /** Songs each user rates 4–5★ in their own cluster. */
  readonly liked: number;
  /** Songs each user rates 1–2★ in other clusters. */
  readonly disliked: number;
  readonly seed: number;
}

/**
 * Planted tastes: items fall in clusters (track 5001 + i is in cluster ⌊i / itemsPerCluster⌋),
 * user 1001 + u belongs to cluster u mod clusters, likes songs of their own cluster and
 * dislikes a few of the others'. `clusterOf(trackId)` says where a track belongs.
 */
export function plantedClusters(shape: ClusterShape): RatingArrays & {
  clusterOf(trackId: number): number;
} {
  const random = new Prng(shape.seed);
  const [userIds, trackIds, ratings]: number[][] = [[], [], []];
  const size = shape.itemsPerCluster;
  const draw = (from: number, count: number, pool: number): number[] => {
    const picked = new Set<number>();
    while (picked.size < count) picked.add(from + random.nextInt(pool));
    return [...picked].sort((a, b) => a - b);
  };
  for (let u = 0; u < shape.users; u++) {
    const home = u % shape.clusters;
    const liked = draw(home * size, shape.liked, size);
    const others = draw(0, shape.disliked, (shape.clusters - 1) * size).map((i) =>
      i >= home * size ? i + size : i,
    );
    for (const [items, low] of [
      [liked, 4],
      [others, 1],
    ] as const) {
      for (const item of items) {
        userIds.push(1001 + u);
        trackIds.push(5001 + item);
        ratings.push(low + random.nextInt(2));
      }
    }
  }
  return {
    userIds: Int32Array.from(userIds),
    trackIds: Int32Array.from(trackIds),
    ratings: Float32Array.from(ratings),
    clusterOf: (trackId) => Math.floor((trackId - 5001) / size),
  };
}
