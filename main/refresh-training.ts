import { EventHub } from './core/app/event-hub.ts';
import { ModelManager } from './core/app/model-manager.ts';
import { ServiceError } from './core/app/service-error.ts';
import type { PipelineProgress } from './core/pipeline.ts';
import type { SvdOptions } from './core/recommender/svd-options.ts';
import type { trainInWorker } from './core/recommender/train-in-worker.ts';
import type { Store } from './core/store/store.ts';

export type RefreshTraining = 'trained' | 'up-to-date' | 'no-ratings';

export interface RefreshTrainingDeps {
  readonly store: Store;
  /** The app's model, which takes the new one once it is saved. */
  readonly live: ModelManager;
  readonly events: EventHub;
  readonly options: SvdOptions;
  readonly train?: typeof trainInWorker;
}

/**
 * The refresh's training step. It trains with a ModelManager of its own, so that cancelling the
 * refresh stops this worker (ModelManager can only cancel all of its training at once) while
 * the app's model keeps answering. Once the new model is saved the app's manager loads it and
 * the windows hear `model:ready`. A failure leaves the previous model in place.
 */
export async function trainForRefresh(
  deps: RefreshTrainingDeps,
  report: (progress: PipelineProgress) => void,
  signal: AbortSignal,
): Promise<RefreshTraining> {
  const progress = new EventHub();
  progress.subscribe((event, payload) => {
    if (event !== 'training:progress' || !('epoch' in payload)) return;
    report({
      step: 'training',
      status: 'progress',
      message: 'Training the model',
      done: payload.epoch,
      total: payload.epochs,
    });
  });
  const trainer = new ModelManager({
    store: deps.store,
    events: progress,
    options: deps.options,
    ...(deps.train ? { train: deps.train } : {}),
  });
  const cancel = (): void => trainer.close();
  signal.addEventListener('abort', cancel, { once: true });
  try {
    signal.throwIfAborted();
    const start = trainer.start();
    if (start.status !== 'training') {
      const upToDate = start.status === 'loaded';
      report({
        step: 'training',
        status: 'skipped',
        message: upToDate ? 'The model is up to date' : 'No ratings to train on',
      });
      return upToDate ? 'up-to-date' : 'no-ratings';
    }
    report({ step: 'training', status: 'started', message: 'Training the model' });
    const outcome = await start.outcome;
    if (!outcome.ok) {
      signal.throwIfAborted();
      throw new ServiceError('internal', `Training failed: ${outcome.error.message}`);
    }
    report({
      step: 'training',
      status: 'done',
      message: `Trained on ${outcome.metrics.ratingCount} ratings (train RMSE ${outcome.metrics.trainRmse.toFixed(3)})`,
    });
    installInLive(deps);
    return 'trained';
  } finally {
    signal.removeEventListener('abort', cancel);
    trainer.close();
  }
}

/** The app's manager loads the saved model (or retrains, if ratings changed meanwhile). */
function installInLive(deps: RefreshTrainingDeps): void {
  if (deps.live.start().status !== 'loaded') return;
  const info = deps.live.info();
  if (info !== null) deps.events.emit('model:ready', info);
}
