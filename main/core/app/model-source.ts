import type { ModelInfo, TrainingState } from '../contract/index.ts';
import type { PickModels } from './picks/choose-picks.ts';

/**
 * Where the service gets its model: the one loaded from the store or freshly trained, kept
 * up to date by retraining in a worker after ratings change.
 */
export interface ModelSource {
  /** The current models; when none exist yet but some are training, waits for them. */
  current(): Promise<PickModels | undefined>;
  info(): ModelInfo | null;
  training(): TrainingState;
  /** Ratings changed: schedule a background retrain (debounced). */
  ratingsChanged(): void;
}
