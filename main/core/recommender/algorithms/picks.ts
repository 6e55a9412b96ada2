import type { RankingOptions } from './ranking-options.ts';

/**
 * Implicit ALS for the picks, tuned on MovieLens 100k, full catalog (the recommender README has
 * the sweeps).
 */
export const picksImplicitAlsOptions: RankingOptions = {
  algorithm: 'implicit-als',
  factors: 32,
  iterations: 15,
  regularization: 30,
  alpha: 3,
  trainingInput: 'signed',
};

/**
 * The ranking model and options the app's picks use for a catalog of `itemCount` items — the
 * one place that choice is made, so `earshot evaluate --algo picks` measures exactly what the
 * app ranks with.
 *
 * Implicit ALS at every size, by measurement (README): EASE ranks MovieLens 100k slightly
 * better (NDCG@10 0.370 against 0.362) but cannot go past a few thousand tracks (O(items²)
 * memory, O(items³) training), and on the app's own catalog and simulated listeners it ranks
 * no better while keeping a "loves one genre, hates another" listener's top 3 in the loved
 * genre less often (67.5 % against 82.5 % of 200 seeded trials, `npm run bench
 * ranking-genres`). The size is still an argument so that a future model for small catalogs
 * changes only this function.
 */
export function pickRankingOptions(itemCount: number): RankingOptions {
  if (!Number.isInteger(itemCount) || itemCount < 0) {
    throw new RangeError(`itemCount must be an integer ≥ 0, got ${itemCount}`);
  }
  return picksImplicitAlsOptions;
}
