import type { PipelineProgress } from '../pipeline.ts';
import type { SvdOptions } from '../recommender/algorithms/svd-options.ts';
import type { TrainOutcome } from '../recommender/training/train-in-worker.ts';
import type { trainInWorker } from '../recommender/training/train-in-worker.ts';
import type { Store } from '../store/store.ts';
import { EventHub } from './event-hub.ts';
import { ModelManager } from './model-manager.ts';
import { readModelOptions } from './model-parameters.ts';
import { plural } from '../plural.ts';

export type TrainStepResult = TrainOutcome | 'up-to-date' | 'no-ratings';

export interface TrainStepOptions {
  /** What to train; by default what the app trains (its tuned options, the user's parameters). */
  readonly options?: SvdOptions;
  /** Aborting stops the worker at its next epoch; the outcome is then `cancelled`. */
  readonly signal?: AbortSignal;
  readonly train?: typeof trainInWorker;
}

function reportEpochs(report: (p: PipelineProgress) => void): EventHub {
  const events = new EventHub();
  events.subscribe((event, payload) => {
    if (event !== 'training:progress' || !('epoch' in payload)) return;
    report({
      step: 'training',
      status: 'progress',
      message: 'Training the model',
      done: payload.epoch,
      total: payload.epochs,
    });
  });
  return events;
}

/**
 * The pipeline's training step, shared by `earshot pipeline` and the desktop's Refresh data:
 * nothing when the stored model already saw exactly these ratings, else one training run in a
 * worker thread, saved to the store. It uses a model manager of its own, so cancelling it stops
 * this run only; a running app loads the saved model afterwards.
 */
export async function trainStep(
  store: Store,
  report: (p: PipelineProgress) => void,
  settings: TrainStepOptions = {},
): Promise<TrainStepResult> {
  const models = new ModelManager({
    store,
    events: reportEpochs(report),
    options: settings.options ?? readModelOptions(store),
    ...(settings.train ? { train: settings.train } : {}),
  });
  const cancel = (): void => models.close();
  settings.signal?.addEventListener('abort', cancel, { once: true });
  try {
    settings.signal?.throwIfAborted();
    const start = models.start();
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
    if (outcome.ok) {
      const { ratingCount, trainRmse } = outcome.metrics;
      report({
        step: 'training',
        status: 'done',
        message: `Trained on ${plural(ratingCount, 'rating')} (train RMSE ${trainRmse.toFixed(3)})`,
      });
    }
    return outcome;
  } finally {
    settings.signal?.removeEventListener('abort', cancel);
    models.close();
  }
}
