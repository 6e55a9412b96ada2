import { denseIndexOf } from './indexed-ratings.ts';
import type { ResolvedSvdOptions } from './svd-options.ts';
import type { StarCalibration } from './star-calibration.ts';

/**
 * A trained SVD: r̂(u, i) = μ + b_u + b_i + q_i·p_u (biased) or q_i·p_u (unbiased).
 *
 * Layout, written down once: dense user `u` is `userIds[u]` (raw user id, ascending), dense item
 * `i` is `itemIds[i]` (raw track id, ascending); `userFactors[u * factors + f]` is p_u[f] and
 * `itemFactors[i * factors + f]` is q_i[f] (row-major, one contiguous row per user or item).
 */
export interface SvdModel {
  readonly algorithm: 'svd';
  readonly options: ResolvedSvdOptions;
  /** k, the row length of both factor matrices. */
  readonly factors: number;
  /** μ, the mean training rating (the fallback of last resort even when unbiased). */
  readonly globalMean: number;
  readonly userIds: Int32Array;
  readonly itemIds: Int32Array;
  readonly userBias: Float32Array;
  readonly itemBias: Float32Array;
  readonly userFactors: Float32Array;
  readonly itemFactors: Float32Array;
  /**
   * The map from unclipped scores to expected stars, fitted on held-out ratings when the model
   * was trained with calibration (see calibrated-svd.ts); absent otherwise.
   */
  readonly calibration?: StarCalibration;
}

/** Which side of a prediction the model did not know. */
export type UnknownSide = 'user' | 'item' | 'both';

export interface Prediction {
  /** Predicted stars, clipped to the rating scale. */
  readonly estimate: number;
  /** True when the user or the item was not in the training data (see {@link estimateSvd}). */
  readonly wasImpossible: boolean;
  readonly unknown?: UnknownSide;
}

/**
 * The unclipped estimate for dense indices, −1 meaning "not in the training data". Fallbacks,
 * as Surprise's SVD: unknown user → μ + b_i; unknown item → μ + b_u; both → μ. Unbiased models
 * fall back to μ for any unknown, as Surprise's default prediction does.
 */
export function estimateSvd(model: SvdModel, user: number, item: number): number {
  const { factors: k, options } = model;
  if (!options.biased) {
    if (user < 0 || item < 0) return model.globalMean;
    return dotRows(model.userFactors, user * k, model.itemFactors, item * k, k);
  }
  let estimate = model.globalMean;
  if (user >= 0) estimate += model.userBias[user];
  if (item >= 0) estimate += model.itemBias[item];
  if (user >= 0 && item >= 0) {
    estimate += dotRows(model.userFactors, user * k, model.itemFactors, item * k, k);
  }
  return estimate;
}

/** Σ_f a[aStart + f] b[bStart + f]. */
function dotRows(
  a: Float32Array | Float64Array,
  aStart: number,
  b: Float32Array | Float64Array,
  bStart: number,
  length: number,
): number {
  let sum = 0;
  for (let f = 0; f < length; f++) sum += a[aStart + f] * b[bStart + f];
  return sum;
}

export function clip(value: number, scale: { readonly min: number; readonly max: number }): number {
  return value < scale.min ? scale.min : value > scale.max ? scale.max : value;
}

/** Predicts the stars raw user `userId` would give raw track `trackId`, with the fallbacks above. */
export function predictRating(model: SvdModel, userId: number, trackId: number): Prediction {
  const user = denseIndexOf(model.userIds, userId);
  const item = denseIndexOf(model.itemIds, trackId);
  const estimate = clip(estimateSvd(model, user, item), model.options.ratingScale);
  if (user >= 0 && item >= 0) return { estimate, wasImpossible: false };
  const unknown: UnknownSide = user < 0 && item < 0 ? 'both' : user < 0 ? 'user' : 'item';
  return { estimate, wasImpossible: true, unknown };
}
