import type { RankingOptions } from './ranking-options.ts';

/**
 * The largest catalog the picks rank with EASE. EASE inverts an items × items matrix: 12 bytes
 * and about items/2 multiply-adds per entry, so 3,000 items need 108 MB and ≈ 15 s of training
 * on one core; 10,000 would need 1.2 GB and ten minutes. Above this, implicit ALS, whose cost
 * grows linearly with the catalog (see the recommender README for both models' figures).
 */
export const easeMaxItems = 3000;

/** EASE for the picks: chosen on MovieLens 100k, full catalog (README). */
export const picksEaseOptions: RankingOptions = {
  algorithm: 'ease',
  lambda: 500,
  trainingInput: 'signed',
};

/** Implicit ALS for the picks of large catalogs: chosen on MovieLens 100k, full catalog (README). */
export const picksImplicitAlsOptions: RankingOptions = {
  algorithm: 'implicit-als',
  factors: 32,
  iterations: 15,
  regularization: 20,
  alpha: 2,
  trainingInput: 'signed',
};

/**
 * The ranking model and options the app's picks use for a catalog of `itemCount` items — the
 * one place that choice is made, so `earshot evaluate --algo picks` measures exactly what the
 * app ranks with.
 */
export function pickRankingOptions(itemCount: number): RankingOptions {
  if (!Number.isInteger(itemCount) || itemCount < 0) {
    throw new RangeError(`itemCount must be an integer ≥ 0, got ${itemCount}`);
  }
  return itemCount <= easeMaxItems ? picksEaseOptions : picksImplicitAlsOptions;
}
