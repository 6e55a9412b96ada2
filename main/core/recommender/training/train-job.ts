import type { RatingArrays } from '../../store/rating-repository.ts';
import type { SvdOptions } from '../algorithms/svd-options.ts';
import type { PreparedRun, TrainStage } from './train-stages.ts';
import { prepareRun } from './train-stages.ts';
import type { TrainPlan, TrainResponse } from './train-messages.ts';

export interface TrainJobIo {
  /** Sends a response; `done` carries the models' buffers in `transfer`. */
  post(message: TrainResponse, transfer?: readonly ArrayBuffer[]): void;
  /** True once the other side asked to stop; checked between steps. */
  isCancelled(): boolean;
  /** Lets pending messages (a cancel) arrive; awaited between steps. */
  yieldToEvents(): Promise<void>;
}

/** The stages, or the error message that says why they cannot be made. */
function prepare(
  ratings: RatingArrays,
  options: SvdOptions,
  plan: TrainPlan,
): PreparedRun | TrainResponse {
  try {
    return prepareRun(ratings, options, plan);
  } catch (error) {
    const code =
      error instanceof RangeError || error instanceof TypeError ? 'invalid-input' : 'failed';
    return { type: 'error', error: { code, message: String(error) } };
  }
}

/** "epoch 4" of the SVD (as before the other stages existed), "calibration epoch 2", "ranking step 1". */
function stepName(stage: TrainStage, step: number): string {
  if (stage.name === 'svd') return `epoch ${step}`;
  return stage.name === 'calibration' ? `calibration epoch ${step}` : `ranking step ${step}`;
}

/**
 * The training worker's work, free of worker plumbing: validate, fingerprint, then run the
 * plan's stages (calibration, SVD, ranking model) step by step with a progress message after
 * each, stop on cancel, and end with exactly one `done` or `error` message. Never throws:
 * every failure becomes an `error` message with a code.
 */
export async function runTrainJob(
  ratings: RatingArrays,
  options: SvdOptions,
  io: TrainJobIo,
  plan: TrainPlan = {},
): Promise<void> {
  const prepared = prepare(ratings, options, plan);
  if ('type' in prepared) {
    io.post(prepared);
    return;
  }
  try {
    for (const stage of prepared.stages) {
      for (let step = 1; step <= stage.steps; step++) {
        await io.yieldToEvents();
        if (io.isCancelled()) {
          const message = `cancelled before ${stepName(stage, step)}`;
          io.post({ type: 'error', error: { code: 'cancelled', message } });
          return;
        }
        io.post({ type: 'progress', ...stage.runStep(step) });
      }
    }
    const { message, transfer } = prepared.finish();
    io.post(message, transfer);
  } catch (error) {
    io.post({ type: 'error', error: { code: 'failed', message: String(error) } });
  }
}
