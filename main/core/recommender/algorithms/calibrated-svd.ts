import { trainTestSplit, subsetRatings } from '../evaluation/splits.ts';
import type { IndexedRatings } from './indexed-ratings.ts';
import { denseIndexOf, indexRatings } from './indexed-ratings.ts';
import type { StarCalibration } from './star-calibration.ts';
import { calibrateStars, fitStarCalibration } from './star-calibration.ts';
import type { FitSvdOptions } from './svd.ts';
import { createSvdTrainer, fitSvdIndexed } from './svd.ts';
import type { SvdTrainer } from './svd-trainer.ts';
import { clip, estimateSvd } from './svd-model.ts';
import type { SvdModel } from './svd-model.ts';
import { resolveSvdOptions } from './svd-options.ts';

export interface CalibrationOptions {
  /** Share of the ratings held out to fit the map on. Default 0.1. */
  readonly holdout?: number;
  /** Seeds the held-out draw. Default 0. */
  readonly seed?: number;
}

/** A calibration fit in two halves: SVD epochs on the kept share, then the map. */
export interface CalibrationFit {
  readonly trainer: SvdTrainer;
  /** Predicts the held-out share with the trained SVD and fits the map. */
  finish(): StarCalibration;
}

/**
 * Prepares the star calibration of SVD with `svdOptions`: a trainer for a seeded
 * (1 − holdout) share of the ratings; {@link CalibrationFit.finish} then predicts the rest
 * (unclipped; pairs whose user or item the smaller model lacks are left out) and fits
 * {@link fitStarCalibration} to what those listeners really gave.
 */
export function createCalibrationFit(
  data: IndexedRatings,
  svdOptions: FitSvdOptions,
  options: CalibrationOptions = {},
): CalibrationFit {
  const all = {
    userIds: Int32Array.from(data.users, (u) => data.userIds[u]),
    trackIds: Int32Array.from(data.items, (i) => data.itemIds[i]),
    ratings: data.ratings,
  };
  const split = trainTestSplit(data.ratings.length, options.holdout ?? 0.1, options.seed ?? 0);
  const resolved = resolveSvdOptions(svdOptions);
  const trainer = createSvdTrainer(indexRatings(subsetRatings(all, split.train)), svdOptions);
  const held = subsetRatings(all, split.test);
  return {
    trainer,
    finish() {
      const model = trainer.toModel();
      const scores: number[] = [];
      const actual: number[] = [];
      for (let t = 0; t < held.ratings.length; t++) {
        const user = denseIndexOf(model.userIds, held.userIds[t]);
        const item = denseIndexOf(model.itemIds, held.trackIds[t]);
        if (user < 0 || item < 0) continue;
        scores.push(estimateSvd(model, user, item));
        actual.push(held.ratings[t]);
      }
      return fitStarCalibration(scores, actual, resolved.ratingScale);
    },
  };
}

/** {@link createCalibrationFit} run to the end in one call: one extra SVD fit. */
export function fitSvdCalibration(
  data: IndexedRatings,
  svdOptions: FitSvdOptions,
  options: CalibrationOptions = {},
): StarCalibration {
  const fit = createCalibrationFit(data, svdOptions, options);
  while (fit.trainer.epochsDone < fit.trainer.epochs) fit.trainer.runEpoch();
  return fit.finish();
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
