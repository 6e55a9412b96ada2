import type { PipelineProgress } from '../pipeline.ts';
import type { TrainOutcome } from '../recommender/train-in-worker.ts';
import type { Store } from '../store/store.ts';
import { EventHub } from './event-hub.ts';
import { ModelManager } from './model-manager.ts';

export type TrainStepResult = TrainOutcome | 'up-to-date' | 'no-ratings';

/**
 * The pipeline's training step: nothing when the stored model already saw exactly these
 * ratings, else one training run in a worker thread, saved to the store.
 */
export async function trainStep(
  store: Store,
  report: (p: PipelineProgress) => void,
): Promise<TrainStepResult> {
  const events = new EventHub();
  events.subscribe((event, payload) => {
    if (event === 'training:progress' && 'epoch' in payload) {
      report({
        step: 'training',
        status: 'progress',
        message: 'Training the model',
        done: payload.epoch,
        total: payload.epochs,
      });
    }
  });
  const models = new ModelManager({ store, events });
  try {
    const start = models.start();
    if (start.status !== 'training') {
      report({
        step: 'training',
        status: 'skipped',
        message: start.status === 'loaded' ? 'The model is up to date' : 'No ratings to train on',
      });
      return start.status === 'loaded' ? 'up-to-date' : 'no-ratings';
    }
    report({ step: 'training', status: 'started', message: 'Training the model' });
    return await start.outcome;
  } finally {
    models.close();
  }
}
