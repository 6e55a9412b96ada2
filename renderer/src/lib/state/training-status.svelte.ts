import type { EarshotApi, TrainingState } from '../../../../preload/api.ts';

/**
 * Whether a model is being built, from the core's `training:progress` and `model:ready` events.
 * The screens show a small progress bar while `isTraining`; the rest of the app stays usable.
 */
export class TrainingStatus {
  state = $state.raw<TrainingState>({ status: 'idle' });

  readonly isTraining = $derived(this.state.status === 'training');
  /** Share of the epochs done, 0 to 1 (0 when not training). */
  readonly fraction = $derived(
    this.state.status === 'training' && this.state.epochs > 0
      ? Math.min(1, Math.max(0, this.state.epoch / this.state.epochs))
      : 0,
  );
  /** What to say next to the bar. */
  readonly label = $derived(describe(this.state));

  readonly #unsubscribe: (() => void)[] = [];

  /** Follows the core's events until {@link dispose}; `onModelReady` runs after each new model. */
  constructor(api: EarshotApi, onModelReady: () => void = () => undefined) {
    this.#unsubscribe.push(
      api.on('training:progress', (state) => {
        this.state = state;
      }),
      api.on('model:ready', () => {
        this.state = { status: 'idle' };
        onModelReady();
      }),
    );
  }

  dispose(): void {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
  }
}

function describe(state: TrainingState): string {
  switch (state.status) {
    case 'idle':
      return '';
    case 'training':
      // Epoch 0 is the announcement that training starts; passes count from 1.
      return state.epoch > 0 && state.epochs > 0
        ? `Training the recommender: pass ${state.epoch} of ${state.epochs}`
        : 'Training the recommender…';
    case 'failed':
      return `The model could not be rebuilt: ${state.error.message}`;
  }
}
