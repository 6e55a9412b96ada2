import type { ModelInfo, TrainingState } from '../contract/index.ts';
import { fingerprintRatings } from '../recommender/storage/fingerprint.ts';
import { loadModel, saveModel } from '../recommender/storage/model-store.ts';
import type { TrainingMetrics } from '../recommender/storage/model-store.ts';
import { createRecommender } from '../recommender/algorithms/recommend.ts';
import { pickModelsFor } from './picks/svd-ranker.ts';
import type { PickModels } from './picks/choose-picks.ts';
import type { SvdModel } from '../recommender/algorithms/svd-model.ts';
import type { SvdOptions } from '../recommender/algorithms/svd-options.ts';
import { resolveSvdOptions } from '../recommender/algorithms/svd-options.ts';
import { trainInWorker } from '../recommender/training/train-in-worker.ts';
import type { TrainOutcome } from '../recommender/training/train-in-worker.ts';
import { retryWhileBusy } from '../store/busy.ts';
import type { Store } from '../store/store.ts';
import type { EventHub } from './event-hub.ts';
import type { ModelSource } from './model-source.ts';
import { appModelOptions } from './model-settings.ts';

export interface ModelManagerDeps {
  readonly store: Store;
  readonly events: EventHub;
  /**
   * What to train; the app's tuned {@link appModelOptions} by default. A function is read at
   * each training, so that a change of parameters applies to the next one.
   */
  readonly options?: SvdOptions | (() => SvdOptions);
  /** Quiet time after the last rating change before a retrain starts. Default 2 s. */
  readonly retrainDelayMs?: number;
  /** False: rating changes schedule nothing (a short-lived process). Default true. */
  readonly retrainOnChange?: boolean;
  /** The trainer; a worker thread unless a test injects another. */
  readonly train?: typeof trainInWorker;
}

function toInfo(model: SvdModel, metrics: unknown, trainedAt: number): ModelInfo {
  const m = (
    typeof metrics === 'object' && metrics !== null ? metrics : {}
  ) as Partial<TrainingMetrics>;
  return {
    algorithm: model.algorithm,
    trainedAt,
    ratings: typeof m.ratingCount === 'number' ? m.ratingCount : 0,
    trainRmse: typeof m.trainRmse === 'number' ? m.trainRmse : null,
  };
}

export type StartResult =
  | { readonly status: 'loaded' }
  | { readonly status: 'no-ratings' }
  | { readonly status: 'training'; readonly outcome: Promise<TrainOutcome> };

/**
 * Owns the current model: loads the stored one when it was trained on exactly the ratings in the
 * store, otherwise trains in a worker thread (the calling thread stays responsive), saves the
 * result and announces it. Rating changes schedule a debounced retrain; one runs at a time, and
 * changes during a run queue exactly one more.
 */
export class ModelManager implements ModelSource {
  readonly #deps: ModelManagerDeps;
  #models: PickModels | undefined;
  #info: ModelInfo | null = null;
  #training: TrainingState = { status: 'idle' };
  #running: Promise<TrainOutcome> | undefined;
  #rerun = false;
  #timer: NodeJS.Timeout | undefined;
  readonly #abort = new AbortController();

  constructor(deps: ModelManagerDeps) {
    this.#deps = deps;
  }

  /**
   * Loads the stored model if it was trained on exactly the current ratings; otherwise starts
   * training (unless there are no ratings at all). Says which, with the training's outcome.
   */
  start(): StartResult {
    const ratings = this.#deps.store.ratings.readArrays();
    if (ratings.ratings.length === 0) return { status: 'no-ratings' };
    const fingerprint = fingerprintRatings(ratings);
    const stored = loadModel(this.#deps.store.models, fingerprint, this.#options());
    if (stored.status === 'loaded') {
      const createdAt = this.#deps.store.models.latestInfo()?.createdAt ?? 0;
      this.#install(stored.model, stored.metrics, createdAt);
      return { status: 'loaded' };
    }
    return { status: 'training', outcome: this.trainNow() };
  }

  async current(): Promise<PickModels | undefined> {
    if (this.#models === undefined && this.#running !== undefined) await this.#running;
    return this.#models;
  }

  info(): ModelInfo | null {
    return this.#info;
  }

  training(): TrainingState {
    return this.#training;
  }

  ratingsChanged(): void {
    if (this.#deps.retrainOnChange === false) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.trainNow(), this.#deps.retrainDelayMs ?? 2000);
    this.#timer.unref();
  }

  /** Trains on the store's ratings now (or right after the run in progress). */
  trainNow(): Promise<TrainOutcome> {
    if (this.#running !== undefined) {
      this.#rerun = true;
      return this.#running;
    }
    this.#running = this.#train().finally(() => {
      this.#running = undefined;
      if (this.#rerun) {
        this.#rerun = false;
        void this.trainNow();
      }
    });
    return this.#running;
  }

  /** Cancels a training in progress and any scheduled one. */
  close(): void {
    clearTimeout(this.#timer);
    this.#abort.abort();
  }

  async #train(): Promise<TrainOutcome> {
    const { store, events } = this.#deps;
    const options = this.#options();
    const ratings = store.ratings.readArrays();
    const fingerprint = fingerprintRatings(ratings);
    const epochs = resolveSvdOptions(options).epochs;
    this.#setTraining({ status: 'training', epoch: 0, epochs, trainRmse: null });
    const outcome = await (this.#deps.train ?? trainInWorker)(ratings, options, {
      signal: this.#abort.signal,
      onProgress: (p) =>
        this.#setTraining({
          status: 'training',
          epoch: p.epoch,
          epochs: p.epochs,
          trainRmse: p.trainRmse,
        }),
    });
    if (!outcome.ok) {
      this.#setTraining(
        outcome.error.code === 'cancelled'
          ? { status: 'idle' }
          : {
              status: 'failed',
              error: { code: 'internal', message: `Training failed: ${outcome.error.message}` },
            },
      );
      return outcome;
    }
    // A pipeline or import in another process may hold the write lock: wait for it off the
    // event loop rather than lose the model (or block the window) over a lock.
    await retryWhileBusy(
      () => saveModel(store.models, outcome.model, fingerprint, outcome.metrics),
      { signal: this.#abort.signal },
    );
    this.#install(outcome.model, outcome.metrics, Math.floor(Date.now() / 1000));
    this.#setTraining({ status: 'idle' });
    events.emit('model:ready', this.#info!);
    return outcome;
  }

  #options(): SvdOptions {
    const options = this.#deps.options ?? appModelOptions;
    return typeof options === 'function' ? options() : options;
  }

  #install(model: SvdModel, metrics: unknown, trainedAt: number): void {
    this.#models = pickModelsFor(createRecommender(model));
    this.#info = toInfo(model, metrics, trainedAt);
  }

  #setTraining(state: TrainingState): void {
    this.#training = state;
    this.#deps.events.emit('training:progress', state);
  }
}
