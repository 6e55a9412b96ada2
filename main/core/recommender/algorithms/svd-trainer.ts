import type { IndexedRatings } from './indexed-ratings.ts';
import { Prng } from '../../random.ts';
import type { SvdModel } from './svd-model.ts';
import type { ResolvedSvdOptions } from './svd-options.ts';
import type { VisitingOrder } from './visiting-order.ts';
import { visitingOrder } from './visiting-order.ts';

/**
 * SGD training one epoch at a time, so a caller can report progress and stop between epochs.
 * Both implementations (the straightforward reference and the fast one) start from the same
 * draws of the seeded generator and visit the ratings in the same order.
 */
export interface SvdTrainer {
  readonly epochs: number;
  readonly epochsDone: number;
  /** Runs the next epoch; returns the RMSE of the errors met during it (before each update). */
  runEpoch(): number;
  /** The model as trained so far (its arrays are copies, independent of the trainer). */
  toModel(): SvdModel;
}

/** What the generator draws, in this order: p_u for every user, then q_i, then the order. */
export interface InitialState {
  readonly random: Prng;
  /** The visiting order: every epoch updates rating `order[0]` first, then `order[1]` … */
  readonly order: Int32Array;
}

/**
 * Fills `target` (rows of `stride` ≥ k, row-major, padding left at 0) with N(mean, std²) draws
 * for the first k entries of each row.
 */
function drawFactors(
  random: Prng,
  target: Float32Array | Float64Array,
  rows: number,
  k: number,
  stride: number,
  options: ResolvedSvdOptions,
): void {
  for (let row = 0; row < rows; row++) {
    for (let f = 0; f < k; f++) {
      target[row * stride + f] = random.nextNormal(options.initMean, options.initStd);
    }
  }
}

/**
 * Draws both factor matrices into the given arrays and then the visiting order: one seeded
 * permutation per fit (see visiting-order.ts). Surprise walks its trainset user by user; a
 * shuffled order avoids sweeping one user's ratings in a row. The order depends on the row size
 * the fast trainer uses (k rounded up to 4 floats), whichever trainer asks, so both see the same.
 */
export function initialiseFactors(
  data: IndexedRatings,
  options: ResolvedSvdOptions,
  arrays: { userFactors: Float32Array | Float64Array; itemFactors: Float32Array | Float64Array },
  stride: number,
  order: VisitingOrder,
): InitialState {
  const random = new Prng(options.seed);
  drawFactors(random, arrays.userFactors, data.userIds.length, options.factors, stride, options);
  drawFactors(random, arrays.itemFactors, data.itemIds.length, options.factors, stride, options);
  const rowBytes = Math.ceil(options.factors / 4) * 16;
  return { random, order: visitingOrder(data, rowBytes, order, random) };
}
