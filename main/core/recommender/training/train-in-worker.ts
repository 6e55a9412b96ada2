import { Worker } from 'node:worker_threads';
import type { RatingArrays } from '../../store/rating-repository.ts';
import type { TrainingMetrics } from '../storage/model-store.ts';
import type { EpochProgress } from '../algorithms/svd.ts';
import type { SvdModel } from '../algorithms/svd-model.ts';
import type { SvdOptions } from '../algorithms/svd-options.ts';
import type { TrainError, TrainRequest } from './train-messages.ts';
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

/** Turns a worker's responses (and its death) into exactly one outcome for `finish`. */
function superviseWorker(
  worker: Worker,
  onProgress: TrainInWorkerHooks['onProgress'],
  finish: (outcome: TrainOutcome) => void,
): void {
  worker.on('message', (message: unknown) => {
    if (!isTrainResponse(message)) return;
    if (message.type === 'progress') {
      const { epoch, epochs, trainRmse } = message;
      onProgress?.({ epoch, epochs, trainRmse });
    } else if (message.type === 'error') {
      finish({ ok: false, error: message.error });
    } else {
      const { model, fingerprint, metrics } = message;
      finish({ ok: true, model, fingerprint, metrics });
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

/**
 * Trains an SVD in a worker thread and resolves with the model or an error as data; it never
 * rejects. The rating arrays' buffers are transferred, not copied: afterwards they are
 * detached (length 0) in the caller. The model's buffers come back the same way.
 */
export function trainInWorker(
  ratings: RatingArrays,
  options: SvdOptions = {},
  hooks: TrainInWorkerHooks = {},
): Promise<TrainOutcome> {
  const { signal } = hooks;
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
    superviseWorker(worker, hooks.onProgress, (outcome) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(outcome);
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    const request: TrainRequest = { type: 'train', ratings, options };
    worker.postMessage(
      request,
      transferablesOf([ratings.userIds, ratings.trackIds, ratings.ratings]),
    );
  });
}
