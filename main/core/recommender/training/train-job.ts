import type { RatingArrays } from '../../store/rating-repository.ts';
import { fingerprintRatings } from '../storage/fingerprint.ts';
import { indexRatings } from '../algorithms/indexed-ratings.ts';
import { createFastSvdTrainer } from '../algorithms/svd-fast.ts';
import type { SvdOptions } from '../algorithms/svd-options.ts';
import { resolveSvdOptions } from '../algorithms/svd-options.ts';
import type { TrainResponse } from './train-messages.ts';
import { transferablesOf } from './train-messages.ts';
import type { SvdTrainer } from '../algorithms/svd-trainer.ts';

export interface TrainJobIo {
  /** Sends a response; `done` carries the model's buffers in `transfer`. */
  post(message: TrainResponse, transfer?: readonly ArrayBuffer[]): void;
  /** True once the other side asked to stop; checked between epochs. */
  isCancelled(): boolean;
  /** Lets pending messages (a cancel) arrive; awaited between epochs. */
  yieldToEvents(): Promise<void>;
}

/** Fingerprint and trainer, or the error message that says why they cannot be made. */
function prepare(
  ratings: RatingArrays,
  options: SvdOptions,
): TrainResponse | { fingerprint: string; trainer: SvdTrainer } {
  try {
    const fingerprint = fingerprintRatings(ratings);
    return {
      fingerprint,
      trainer: createFastSvdTrainer(indexRatings(ratings), resolveSvdOptions(options)),
    };
  } catch (error) {
    const code =
      error instanceof RangeError || error instanceof TypeError ? 'invalid-input' : 'failed';
    return { type: 'error', error: { code, message: String(error) } };
  }
}

/** The `done` message of a finished trainer, with the model's buffers to transfer. */
function doneMessage(
  trainer: SvdTrainer,
  run: { fingerprint: string; ratingCount: number; trainRmse: number; started: number },
) {
  const model = trainer.toModel();
  const metrics = {
    trainRmse: run.trainRmse,
    epochs: trainer.epochs,
    fitSeconds: (performance.now() - run.started) / 1000,
    ratingCount: run.ratingCount,
    userCount: model.userIds.length,
    itemCount: model.itemIds.length,
  };
  const arrays = [
    model.userIds,
    model.itemIds,
    model.userBias,
    model.itemBias,
    model.userFactors,
    model.itemFactors,
  ];
  const message: TrainResponse = { type: 'done', model, fingerprint: run.fingerprint, metrics };
  return { message, transfer: transferablesOf(arrays) };
}

/**
 * The training worker's work, free of worker plumbing: validate, fingerprint, fit epoch by
 * epoch with a progress message after each, stop on cancel, and end with exactly one `done`
 * or `error` message. Never throws: every failure becomes an `error` message with a code.
 */
export async function runTrainJob(
  ratings: RatingArrays,
  options: SvdOptions,
  io: TrainJobIo,
): Promise<void> {
  const started = performance.now();
  const prepared = prepare(ratings, options);
  if ('type' in prepared) {
    io.post(prepared);
    return;
  }
  const { trainer, fingerprint } = prepared;
  try {
    let trainRmse = NaN;
    for (let epoch = 1; epoch <= trainer.epochs; epoch++) {
      await io.yieldToEvents();
      if (io.isCancelled()) {
        io.post({
          type: 'error',
          error: { code: 'cancelled', message: `cancelled before epoch ${epoch}` },
        });
        return;
      }
      trainRmse = trainer.runEpoch();
      io.post({ type: 'progress', epoch, epochs: trainer.epochs, trainRmse });
    }
    const ratingCount = ratings.ratings.length;
    const { message, transfer } = doneMessage(trainer, {
      fingerprint,
      ratingCount,
      trainRmse,
      started,
    });
    io.post(message, transfer);
  } catch (error) {
    io.post({ type: 'error', error: { code: 'failed', message: String(error) } });
  }
}
