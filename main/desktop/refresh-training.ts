import type { EventHub } from '../core/app/event-hub.ts';
import { trainStep } from '../core/app/train-step.ts';
import type { ModelManager } from '../core/app/model-manager.ts';
import { ServiceError } from '../core/app/service-error.ts';
import type { PipelineProgress } from '../core/pipeline.ts';
import type { SvdOptions } from '../core/recommender/algorithms/svd-options.ts';
import type { trainInWorker } from '../core/recommender/training/train-in-worker.ts';
import type { Store } from '../core/store/store.ts';

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
 * The refresh's training step: the pipeline's own (a run that cancelling the refresh stops while
 * the app's model keeps answering), then the app's manager loads the saved model and the windows
 * hear `model:ready`. A failure leaves the previous model in place.
 */
export async function trainForRefresh(
  deps: RefreshTrainingDeps,
  report: (progress: PipelineProgress) => void,
  signal: AbortSignal,
): Promise<RefreshTraining> {
  const result = await trainStep(deps.store, report, {
    options: deps.options,
    signal,
    ...(deps.train ? { train: deps.train } : {}),
  });
  if (typeof result === 'string') return result;
  if (!result.ok) {
    signal.throwIfAborted();
    throw new ServiceError('internal', `Training failed: ${result.error.message}`);
  }
  installInLive(deps);
  return 'trained';
}

/** The app's manager loads the saved model (or retrains, if ratings changed meanwhile). */
function installInLive(deps: RefreshTrainingDeps): void {
  if (deps.live.start().status !== 'loaded') return;
  const info = deps.live.info();
  if (info !== null) deps.events.emit('model:ready', info);
}
