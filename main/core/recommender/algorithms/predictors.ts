import type { RatingArrays } from '../../store/rating-repository.ts';
import type { BaselineOnlyOptions } from './baselines.ts';
import { estimateBias, fitBaselineOnly, fitPopularity } from './baselines.ts';
import type { IndexedRatings } from './indexed-ratings.ts';
import { pickRankingOptions } from './picks.ts';
import { rankingPredictor } from './ranking-predictor.ts';
import type { EaseOptions, ImplicitAlsOptions } from './ranking-options.ts';
import { fitSvdIndexed } from './svd.ts';
import { clip, estimateSvd } from './svd-model.ts';
import type { SvdOptions } from './svd-options.ts';
import { resolveSvdOptions } from './svd-options.ts';

/** An algorithm and its options, as evaluation takes them. */
export type AlgorithmSpec =
  | { readonly algorithm: 'svd' | 'svd-reference'; readonly options?: SvdOptions }
  | { readonly algorithm: 'baseline-only'; readonly options?: BaselineOnlyOptions }
  | { readonly algorithm: 'global-mean' | 'popularity'; readonly options?: undefined }
  | { readonly algorithm: 'ease'; readonly options?: Omit<EaseOptions, 'algorithm'> }
  | { readonly algorithm: 'implicit-als'; readonly options?: Omit<ImplicitAlsOptions, 'algorithm'> }
  /**
   * What the app shows: the ranking model {@link pickRankingOptions} chooses for the catalog's
   * size orders the list; SVD with these options (calibrated) gives its stars. With
   * `sideInformation` (the catalog's pseudo-listeners) the ranking model learns from it too.
   */
  | {
      readonly algorithm: 'picks';
      readonly options?: SvdOptions;
      readonly sideInformation?: RatingArrays;
    };

export type AlgorithmName = AlgorithmSpec['algorithm'];

/** A trained model seen through dense indices of its training data (−1: not in it). */
export interface Predictor {
  /** Predicted stars, clipped to the rating scale, with the algorithm's fallbacks; NaN if none. */
  readonly estimate: (user: number, item: number) => number;
  /** What ranking sorts by: the unclipped estimate, a ranking score, or the rating count. */
  readonly rankScore: (user: number, item: number) => number;
  /** rankScore of every training item for a training user, in dense item order. */
  readonly scoreCatalog: (user: number) => Float32Array | Float64Array;
  /** The unclipped SVD score behind the stars (svd, svd-reference, picks): what calibration maps. */
  readonly starScore?: (user: number, item: number) => number;
}

/** The SVD options behind an algorithm's stars (svd, svd-reference, picks), if it has any. */
export function starOptionsOf(spec: AlgorithmSpec): SvdOptions | undefined {
  const { algorithm } = spec;
  return algorithm === 'svd' || algorithm === 'svd-reference' || algorithm === 'picks'
    ? (spec.options ?? {})
    : undefined;
}

/** A predictor from a per-pair estimate and rank score (the catalog scored pair by pair). */
function pairwise(
  data: IndexedRatings,
  estimate: (user: number, item: number) => number,
  rankScore: (user: number, item: number) => number,
): Predictor {
  const scores = new Float64Array(data.itemIds.length);
  return {
    estimate,
    rankScore,
    scoreCatalog(user) {
      for (let item = 0; item < scores.length; item++) scores[item] = rankScore(user, item);
      return scores;
    },
  };
}

/** SVD's options with predictions clipped to the data's `scale` unless they name their own. */
function svdOptionsOn(
  scale: { readonly min: number; readonly max: number },
  options: SvdOptions | undefined,
): SvdOptions {
  return { ratingScale: scale, ...options };
}

function svdPredictor(data: IndexedRatings, options: SvdOptions, reference: boolean): Predictor {
  const implementation = reference ? 'reference' : 'fast';
  const model = fitSvdIndexed(data, { ...options, implementation });
  const scale = resolveSvdOptions(options).ratingScale;
  const score = (u: number, i: number): number => estimateSvd(model, u, i);
  return { ...pairwise(data, (u, i) => clip(score(u, i), scale), score), starScore: score };
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
    case 'svd-reference':
      return svdPredictor(
        data,
        svdOptionsOn(scale, spec.options),
        spec.algorithm === 'svd-reference',
      );
    case 'baseline-only': {
      const model = fitBaselineOnly(data, spec.options);
      const score = (u: number, i: number): number => estimateBias(model, u, i);
      return pairwise(data, (u, i) => clip(score(u, i), scale), score);
    }
    case 'global-mean':
      return pairwise(
        data,
        () => clip(data.globalMean, scale),
        () => 0,
      );
    case 'popularity': {
      const model = fitPopularity(data);
      return pairwise(
        data,
        (_u, i) => clip(i >= 0 ? model.meanRating[i] : model.globalMean, scale),
        (_u, i) => (i >= 0 ? model.ratingCount[i] : 0),
      );
    }
    case 'ease':
    case 'implicit-als':
      return rankingPredictor(data, { ...spec.options, algorithm: spec.algorithm });
    case 'picks': {
      const stars = svdPredictor(data, svdOptionsOn(scale, spec.options), false);
      const ranking = rankingPredictor(
        data,
        pickRankingOptions(data.itemIds.length),
        spec.sideInformation,
      );
      return { ...ranking, estimate: stars.estimate, starScore: stars.starScore };
    }
  }
}
