import type { EventHub } from '../core/app/event-hub.ts';
import { ModelManager } from '../core/app/model-manager.ts';
import type { SvdOptions } from '../core/recommender/algorithms/svd-options.ts';
import type { trainInWorker } from '../core/recommender/training/train-in-worker.ts';
import type { Store } from '../core/store/store.ts';

export interface TrainingDeps {
  readonly store: Store;
  readonly events: EventHub;
  /** Read at every training, so a change in Settings applies to the next one. */
  readonly modelOptions: () => SvdOptions;
  readonly train?: typeof trainInWorker;
}

/**
 * The app's model. ModelManager trains in a worker thread (the main process, and so every
 * window, stays responsive), debounces retrains after new ratings, and loads the stored model
 * at launch when it already saw exactly these ratings with these options.
 */
export function createModels(deps: TrainingDeps): ModelManager {
  return new ModelManager({
    store: deps.store,
    events: deps.events,
    // A getter, because ModelManager reads `options` at each training.
    get options() {
      return deps.modelOptions();
    },
    ...(deps.train ? { train: deps.train } : {}),
  });
}
