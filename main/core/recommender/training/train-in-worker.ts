import { Worker } from 'node:worker_threads';
import type { RatingArrays } from '../../store/rating-repository.ts';
import type { TrainingMetrics } from '../storage/model-store.ts';
import type { EpochProgress } from '../algorithms/svd.ts';
import type { SvdModel } from '../algorithms/svd-model.ts';
import type { SvdOptions } from '../algorithms/svd-options.ts';
import type { RankingModel } from '../algorithms/ranking-model.ts';
import type { RankingTrainingMetrics } from '../storage/ranking-store.ts';
import type {
  TrainError,
  TrainPlan,
  TrainProgress,
  TrainRequest,
  TrainResponse,
} from './train-messages.ts';
import { isTrainResponse, transferablesOf } from './train-messages.ts';

export interface TrainInWorkerHooks {
  readonly onProgress?: (progress: EpochProgress) => void;
  /** Aborting asks the worker to stop at the next epoch; the result is then `cancelled`. */
  readonly signal?: AbortSignal;
}

export type TrainOutcome =
  | {
      readonly ok: true;
      readonly model: SvdModel;
      readonly fingerprint: string;
      readonly metrics: TrainingMetrics;
    }
  | { readonly ok: false; readonly error: TrainError };

/**
 * The worker's file beside this one, with this module's own extension: `.ts` when Node runs
 * the sources directly, `.js` once tsc has compiled them. In a packaged Electron app this module
 * is read through `app.asar`, but a worker thread cannot start from inside the archive, so the
 * worker is taken from the unpacked copy electron-builder keeps beside it (`asarUnpack`).
 */
function workerUrl(): URL {
  const extension = new URL(import.meta.url).pathname.match(/\.[cm]?[jt]s$/)?.[0] ?? '.js';
  const url = new URL(`./train-worker${extension}`, import.meta.url);
  return new URL(url.href.replace('/app.asar/', '/app.asar.unpacked/'));
}

/** A finished run as the worker reports it: the `done` message without its type. */
type DoneMessage = Omit<Extract<TrainResponse, { type: 'done' }>, 'type'>;
type RunOutcome =
  ({ readonly ok: true } & DoneMessage) | { readonly ok: false; readonly error: TrainError };

/** The progress a message reports, without its message type. */
function progressOf(message: TrainProgress): TrainProgress {
  if (message.stage === 'ranking') {
    const { stage, algorithm, step, steps } = message;
    return { stage, algorithm, step, steps };
  }
  const { stage, epoch, epochs, trainRmse } = message;
  return { stage, epoch, epochs, trainRmse };
}

/** Turns a worker's responses (and its death) into exactly one outcome for `finish`. */
function superviseWorker(
  worker: Worker,
  onProgress: ((progress: TrainProgress) => void) | undefined,
  finish: (outcome: RunOutcome) => void,
): void {
  worker.on('message', (message: unknown) => {
    if (!isTrainResponse(message)) return;
    if (message.type === 'progress') {
      onProgress?.(progressOf(message));
    } else if (message.type === 'error') {
      finish({ ok: false, error: message.error });
    } else {
      const { model, fingerprint, metrics, ranking } = message;
      finish({
        ok: true,
        model,
        fingerprint,
        metrics,
        ...(ranking === undefined ? {} : { ranking }),
      });
    }
  });
  worker.on('error', (error) =>
    finish({ ok: false, error: { code: 'failed', message: String(error) } }),
  );
  worker.on('exit', (code) =>
    finish({
      ok: false,
      error: { code: 'failed', message: `training worker exited with code ${code}` },
    }),
  );
}

/** Starts a worker for `request` and resolves with its one outcome; never rejects. */
function runInWorker(
  request: Extract<TrainRequest, { type: 'train' }>,
  onProgress: ((progress: TrainProgress) => void) | undefined,
  signal: AbortSignal | undefined,
): Promise<RunOutcome> {
  if (signal?.aborted) {
    return Promise.resolve({
      ok: false,
      error: { code: 'cancelled', message: 'aborted before start' },
    });
  }
  let worker: Worker;
  try {
    worker = new Worker(workerUrl());
  } catch (error) {
    return Promise.resolve({ ok: false, error: { code: 'failed', message: String(error) } });
  }
  return new Promise((resolve) => {
    let settled = false;
    const onAbort = (): void => worker.postMessage({ type: 'cancel' } satisfies TrainRequest);
    superviseWorker(worker, onProgress, (outcome) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(outcome);
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    const { ratings } = request;
    worker.postMessage(
      request,
      transferablesOf([ratings.userIds, ratings.trackIds, ratings.ratings]),
    );
  });
}

/**
 * Trains an SVD in a worker thread and resolves with the model or an error as data; it never
 * rejects. The rating arrays' buffers are transferred, not copied: afterwards they are
 * detached (length 0) in the caller. The model's buffers come back the same way.
 */
export async function trainInWorker(
  ratings: RatingArrays,
  options: SvdOptions = {},
  hooks: TrainInWorkerHooks = {},
): Promise<TrainOutcome> {
  const outcome = await runInWorker(
    { type: 'train', ratings, options },
    (progress) => {
      if (progress.stage !== 'svd') return;
      const { epoch, epochs, trainRmse } = progress;
      hooks.onProgress?.({ epoch, epochs, trainRmse });
    },
    hooks.signal,
  );
  if (!outcome.ok) return outcome;
  const { model, fingerprint, metrics } = outcome;
  return { ok: true, model, fingerprint, metrics };
}

export interface TrainModelsHooks {
  /** Hears every step of every stage (calibration epochs, SVD epochs, ranking steps). */
  readonly onProgress?: (progress: TrainProgress) => void;
  /** Aborting asks the worker to stop at the next step; the result is then `cancelled`. */
  readonly signal?: AbortSignal;
}

export type TrainModelsOutcome =
  | {
      readonly ok: true;
      /** The SVD for the stars, with its `calibration` when the plan asked for one. */
      readonly model: SvdModel;
      readonly fingerprint: string;
      readonly metrics: TrainingMetrics;
      /** The ranking model for the picks, when the plan asked for one. */
      readonly ranking?: { readonly model: RankingModel; readonly metrics: RankingTrainingMetrics };
    }
  | { readonly ok: false; readonly error: TrainError };

/**
 * One worker run that fits, from the same transferred rating arrays, the SVD's star
 * calibration, the SVD and the picks' ranking model, as `plan` asks (e.g. `{ calibration: {},
 * ranking: 'picks' }`), reporting every step. Otherwise as {@link trainInWorker}.
 */
export function trainModelsInWorker(
  ratings: RatingArrays,
  options: SvdOptions,
  plan: TrainPlan,
  hooks: TrainModelsHooks = {},
): Promise<TrainModelsOutcome> {
  return runInWorker({ type: 'train', ratings, options, ...plan }, hooks.onProgress, hooks.signal);
}
