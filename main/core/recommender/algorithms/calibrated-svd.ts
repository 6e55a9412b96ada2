import { trainTestSplit, subsetRatings } from '../evaluation/splits.ts';
import type { IndexedRatings } from './indexed-ratings.ts';
import { denseIndexOf, indexRatings } from './indexed-ratings.ts';
import type { StarCalibration } from './star-calibration.ts';
import { calibrateStars, fitStarCalibration } from './star-calibration.ts';
import type { EpochProgress, FitSvdOptions } from './svd.ts';
import { fitSvdIndexed } from './svd.ts';
import { clip, estimateSvd } from './svd-model.ts';
import type { SvdModel } from './svd-model.ts';
import { resolveSvdOptions } from './svd-options.ts';

export interface CalibrationOptions {
  /** Share of the ratings held out to fit the map on. Default 0.1. */
  readonly holdout?: number;
  /** Seeds the held-out draw. Default 0. */
  readonly seed?: number;
}

/**
 * Fits the star calibration of SVD with `svdOptions`: trains on a seeded (1 − holdout) share
 * of the ratings, predicts the rest (unclipped; pairs whose user or item the smaller model
 * lacks are left out) and fits {@link fitStarCalibration} to what those listeners really gave.
 * Costs one extra SVD fit on most of the data. `onEpoch` hears that fit's epochs.
 */
export function fitSvdCalibration(
  data: IndexedRatings,
  svdOptions: FitSvdOptions,
  options: CalibrationOptions = {},
  onEpoch?: (progress: EpochProgress) => void,
): StarCalibration {
  const count = data.ratings.length;
  const all = {
    userIds: Int32Array.from(data.users, (u) => data.userIds[u]),
    trackIds: Int32Array.from(data.items, (i) => data.itemIds[i]),
    ratings: data.ratings,
  };
  const split = trainTestSplit(count, options.holdout ?? 0.1, options.seed ?? 0);
  const model = fitSvdIndexed(indexRatings(subsetRatings(all, split.train)), svdOptions, onEpoch);
  const held = subsetRatings(all, split.test);
  const scores: number[] = [];
  const actual: number[] = [];
  for (let t = 0; t < held.ratings.length; t++) {
    const user = denseIndexOf(model.userIds, held.userIds[t]);
    const item = denseIndexOf(model.itemIds, held.trackIds[t]);
    if (user < 0 || item < 0) continue;
    scores.push(estimateSvd(model, user, item));
    actual.push(held.ratings[t]);
  }
  return fitStarCalibration(scores, actual, resolveSvdOptions(svdOptions).ratingScale);
}

/** The SVD fitted on all of `data` with its calibration map attached (two fits in all). */
export function fitCalibratedSvd(
  data: IndexedRatings,
  svdOptions: FitSvdOptions,
  options: CalibrationOptions = {},
): SvdModel {
  const calibration = fitSvdCalibration(data, svdOptions, options);
  return { ...fitSvdIndexed(data, svdOptions), calibration };
}

/**
 * The stars to show for an unclipped SVD score: calibrated when the model carries a map
 * (distinct scores, distinct stars), else clipped to the scale as Surprise does.
 */
export function starsFor(model: SvdModel, score: number): number {
  return model.calibration === undefined
    ? clip(score, model.options.ratingScale)
    : calibrateStars(model.calibration, score);
}
