import type { RatingArrays } from '../../store/rating-repository.ts';
import type { IndexedRatings } from './indexed-ratings.ts';
import { indexRatings } from './indexed-ratings.ts';
import { createFastSvdTrainer } from './svd-fast.ts';
import type { SvdModel } from './svd-model.ts';
import type { SvdOptions } from './svd-options.ts';
import { resolveSvdOptions } from './svd-options.ts';
import { createReferenceSvdTrainer } from './svd-reference.ts';
import type { VisitingOrder } from './visiting-order.ts';
import type { SvdTrainer } from './svd-trainer.ts';

/** Reported after every epoch. */
export interface EpochProgress {
  /** 1-based. */
  readonly epoch: number;
  readonly epochs: number;
  /** RMSE of the errors met during the epoch (each taken just before its update). */
  readonly trainRmse: number;
}

export interface FitSvdOptions extends SvdOptions {
  /** 'fast' (WebAssembly SIMD, single precision; default) or 'reference' (plain loops, double). */
  readonly implementation?: 'fast' | 'reference';
  /** How each epoch walks the ratings (visiting-order.ts). Default 'cache-blocked'. */
  readonly visitingOrder?: VisitingOrder;
}

/**
 * Fits Surprise's SVD (see svd-reference.ts for the update) to `ratings`, synchronously.
 * `onEpoch` hears every epoch's training RMSE. Throws RangeError for no ratings or bad options.
 */
export function fitSvd(
  ratings: RatingArrays,
  options: FitSvdOptions = {},
  onEpoch?: (progress: EpochProgress) => void,
): SvdModel {
  return fitSvdIndexed(indexRatings(ratings), options, onEpoch);
}

/** The trainer {@link fitSvdIndexed} runs, for callers that step through the epochs. */
export function createSvdTrainer(data: IndexedRatings, options: FitSvdOptions = {}): SvdTrainer {
  const resolved = resolveSvdOptions(options);
  return options.implementation === 'reference'
    ? createReferenceSvdTrainer(data, resolved, options.visitingOrder)
    : createFastSvdTrainer(data, resolved, options.visitingOrder);
}

/** {@link fitSvd} on ratings already mapped to dense indices. */
export function fitSvdIndexed(
  data: IndexedRatings,
  options: FitSvdOptions = {},
  onEpoch?: (progress: EpochProgress) => void,
): SvdModel {
  const trainer = createSvdTrainer(data, options);
  for (let epoch = 1; epoch <= trainer.epochs; epoch++) {
    const trainRmse = trainer.runEpoch();
    onEpoch?.({ epoch, epochs: trainer.epochs, trainRmse });
  }
  return trainer.toModel();
}
