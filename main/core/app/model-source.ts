import type { ModelInfo, TrainingState } from '../contract/index.ts';
import type { Recommender } from '../recommender/algorithms/recommend.ts';

/**
 * Where the service gets its model: the one loaded from the store or freshly trained, kept
 * up to date by retraining in a worker after ratings change.
 */
export interface ModelSource {
  /** The current recommender; when none exists yet but one is training, waits for it. */
  current(): Promise<Recommender | undefined>;
  info(): ModelInfo | null;
  training(): TrainingState;
  /** Ratings changed: schedule a background retrain (debounced). */
  ratingsChanged(): void;
}
