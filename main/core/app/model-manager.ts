import type { ModelInfo, TrainingState } from '../contract/index.ts';
import { fingerprintRatings } from '../recommender/storage/fingerprint.ts';
import { loadModel, saveModel } from '../recommender/storage/model-store.ts';
import type { TrainingMetrics } from '../recommender/storage/model-store.ts';
import { createRecommender } from '../recommender/algorithms/recommend.ts';
import { pickRankingOptions } from '../recommender/algorithms/picks.ts';
import type { RankingModel } from '../recommender/algorithms/ranking-model.ts';
import { createRanker } from '../recommender/algorithms/ranker.ts';
import { starsFor } from '../recommender/algorithms/calibrated-svd.ts';
import { loadRankingModel, saveRankingModel } from '../recommender/storage/ranking-store.ts';
import { trainModelsInWorker } from '../recommender/training/train-in-worker.ts';
import type { TrainModelsOutcome } from '../recommender/training/train-in-worker.ts';
import type { TrainProgress } from '../recommender/training/train-messages.ts';
import { pickModelsFor } from './picks/svd-ranker.ts';
import { trackSideInformation } from './picks/side-information.ts';
import type { PickModels } from './picks/choose-picks.ts';
import type { SvdModel } from '../recommender/algorithms/svd-model.ts';
import type { SvdOptions } from '../recommender/algorithms/svd-options.ts';
import { resolveSvdOptions } from '../recommender/algorithms/svd-options.ts';
import type { trainInWorker } from '../recommender/training/train-in-worker.ts';
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
  /**
   * The trainer. By default one worker run fits the SVD, its star calibration and the picks'
   * ranking model (with the catalog's side information); a test may inject an SVD-only one, and
   * the picks then fall back to SVD's ranking.
   */
  readonly train?: typeof trainInWorker;
}

/** The picks' models: the ranking model when there is one, SVD's own ranking otherwise. */
function pickModelsOf(svd: SvdModel, ranking: RankingModel | undefined): PickModels {
  const recommender = createRecommender(svd);
  if (ranking === undefined) return pickModelsFor(recommender);
  return {
    svd: recommender,
    ranker: createRanker(ranking),
    calibrate: (score) => starsFor(svd, score),
  };
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
  | { readonly status: 'training'; readonly outcome: Promise<TrainModelsOutcome> };

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
  #running: Promise<TrainModelsOutcome> | undefined;
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
    const { models } = this.#deps.store;
    const stored = loadModel(models, fingerprint, this.#options());
    if (stored.status === 'loaded') {
      const ranking = loadRankingModel(models, fingerprint, this.#rankingOptions());
      const createdAt = models.latestInfo('svd')?.createdAt ?? 0;
      this.#install(stored.model, ranking.status === 'loaded' ? ranking.model : undefined);
      this.#info = toInfo(stored.model, stored.metrics, createdAt);
      // A model stored before the picks had their own ranking model: SVD ranks until it is built.
      if (ranking.status !== 'loaded' && this.#deps.train === undefined) void this.trainNow();
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
  trainNow(): Promise<TrainModelsOutcome> {
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

  async #train(): Promise<TrainModelsOutcome> {
    const { store, events } = this.#deps;
    const options = this.#options();
    const ratings = store.ratings.readArrays();
    const fingerprint = fingerprintRatings(ratings);
    const progress = new TrainingProgress(resolveSvdOptions(options).epochs);
    this.#setTraining(progress.state());
    const hooks = {
      signal: this.#abort.signal,
      onProgress: (p: TrainProgress) => this.#setTraining(progress.update(p)),
    };
    const outcome: TrainModelsOutcome = this.#deps.train
      ? await this.#deps.train(ratings, options, {
          ...hooks,
          onProgress: (p) => hooks.onProgress({ stage: 'svd', ...p }),
        })
      : await trainModelsInWorker(
          ratings,
          options,
          {
            calibration: {},
            ranking: 'picks',
            rankingSideInformation: trackSideInformation(store.tracks.list()),
          },
          hooks,
        );
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
    const { ranking } = outcome;
    await retryWhileBusy(
      () =>
        store.transaction(() => {
          saveModel(store.models, outcome.model, fingerprint, outcome.metrics);
          if (ranking) saveRankingModel(store.models, ranking.model, fingerprint, ranking.metrics);
        }),
      { signal: this.#abort.signal },
    );
    this.#install(outcome.model, ranking?.model);
    this.#info = toInfo(outcome.model, outcome.metrics, Math.floor(Date.now() / 1000));
    this.#setTraining({ status: 'idle' });
    events.emit('model:ready', this.#info);
    return outcome;
  }

  #rankingOptions() {
    return pickRankingOptions(this.#deps.store.tracks.count());
  }

  #options(): SvdOptions {
    const options = this.#deps.options ?? appModelOptions;
    return typeof options === 'function' ? options() : options;
  }

  #install(svd: SvdModel, ranking: RankingModel | undefined): void {
    this.#models = pickModelsOf(svd, ranking);
  }

  #setTraining(state: TrainingState): void {
    this.#training = state;
    this.#deps.events.emit('training:progress', state);
  }
}

/**
 * One progress bar over a run's stages (calibration epochs, SVD epochs, ranking steps): the
 * steps done so far out of all of them. The ranking stage's length is known once it starts.
 */
class TrainingProgress {
  readonly #epochs: number;
  #stages = new Map<TrainProgress['stage'], { done: number; total: number }>();
  #trainRmse: number | null = null;

  constructor(svdEpochs: number) {
    this.#epochs = svdEpochs;
  }

  update(progress: TrainProgress): TrainingState {
    if (progress.stage === 'ranking') {
      this.#stages.set('ranking', { done: progress.step, total: progress.steps });
    } else {
      this.#stages.set(progress.stage, { done: progress.epoch, total: progress.epochs });
      if (progress.stage === 'svd') this.#trainRmse = progress.trainRmse;
    }
    return this.state();
  }

  state(): TrainingState {
    let done = 0;
    for (const stage of this.#stages.values()) done += stage.done;
    const expected = this.#stages.has('calibration') || this.#stages.size === 0 ? 2 : 1;
    const total = Math.max(
      done,
      expected * this.#epochs + (this.#stages.get('ranking')?.total ?? 0),
    );
    return { status: 'training', epoch: done, epochs: total, trainRmse: this.#trainRmse };
  }
}
