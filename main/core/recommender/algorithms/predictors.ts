import type { BaselineOnlyOptions } from './baselines.ts';
import { estimateBias, fitBaselineOnly, fitPopularity } from './baselines.ts';
import type { IndexedRatings } from './indexed-ratings.ts';
import { fitSvdIndexed } from './svd.ts';
import { clip, estimateSvd } from './svd-model.ts';
import type { SvdOptions } from './svd-options.ts';
import { resolveSvdOptions } from './svd-options.ts';

/** An algorithm and its options, as evaluation takes them. */
export type AlgorithmSpec =
  | { readonly algorithm: 'svd' | 'svd-reference'; readonly options?: SvdOptions }
  | { readonly algorithm: 'baseline-only'; readonly options?: BaselineOnlyOptions }
  | { readonly algorithm: 'global-mean' | 'popularity'; readonly options?: undefined };

export type AlgorithmName = AlgorithmSpec['algorithm'];

/** A trained model seen through dense indices of its training data (−1: not in it). */
export interface Predictor {
  /** Predicted stars, clipped to the rating scale, with the algorithm's fallbacks. */
  estimate(user: number, item: number): number;
  /** What ranking sorts by: the unclipped estimate, or the rating count for popularity. */
  rankScore(user: number, item: number): number;
}

/**
 * Trains `spec.algorithm` on `data`. SVD variants use the fast or the reference trainer.
 * Estimates are clipped to `scale` (SVD's own `ratingScale` option wins when given).
 */
export function trainPredictor(
  spec: AlgorithmSpec,
  data: IndexedRatings,
  scale: { readonly min: number; readonly max: number } = { min: 1, max: 5 },
): Predictor {
  switch (spec.algorithm) {
    case 'svd':
    case 'svd-reference': {
      const implementation = spec.algorithm === 'svd' ? 'fast' : 'reference';
      const options = { ratingScale: scale, ...spec.options };
      const model = fitSvdIndexed(data, { ...options, implementation });
      const svdScale = resolveSvdOptions(options).ratingScale;
      return {
        estimate: (u, i) => clip(estimateSvd(model, u, i), svdScale),
        rankScore: (u, i) => estimateSvd(model, u, i),
      };
    }
    case 'baseline-only': {
      const model = fitBaselineOnly(data, spec.options);
      return {
        estimate: (u, i) => clip(estimateBias(model, u, i), scale),
        rankScore: (u, i) => estimateBias(model, u, i),
      };
    }
    case 'global-mean':
      return { estimate: () => clip(data.globalMean, scale), rankScore: () => 0 };
    case 'popularity': {
      const model = fitPopularity(data);
      return {
        estimate: (_u, i) => clip(i >= 0 ? model.meanRating[i] : model.globalMean, scale),
        rankScore: (_u, i) => (i >= 0 ? model.ratingCount[i] : 0),
      };
    }
  }
}
