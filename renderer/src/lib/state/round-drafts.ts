import type { EarshotApi } from '../../../../preload/api.ts';
import { RatingRound } from './rating-round.svelte.ts';

/**
 * The round in progress, kept in the core so that a reload or a restart deals it again with its
 * stars. Saves run one after another, never out of order; a failed one is reported, not thrown.
 */
export class RoundDrafts {
  readonly #api: EarshotApi;
  readonly #onSaveFailed: (message: string) => void;
  #saves: Promise<void> = Promise.resolve();

  constructor(api: EarshotApi, onSaveFailed: (message: string) => void) {
    this.#api = api;
    this.#onSaveFailed = onSaveFailed;
  }

  /** Keeps `round` (or, with null, no round: it was submitted or set aside). */
  save(round: RatingRound | null): void {
    const cards = round?.draft() ?? [];
    this.#saves = this.#saves.then(async () => {
      const saved = await this.#api.saveRound({ cards });
      if (!saved.ok) this.#onSaveFailed(saved.error.message);
    });
  }

  /** The round the core kept, or null when there is none (or it could not be read). */
  async resume(): Promise<RatingRound | null> {
    const draft = await this.#api.roundDraft();
    if (!draft.ok || draft.value.cards.length === 0) return null;
    const { cards } = draft.value;
    return new RatingRound(
      cards.map((card) => card.track),
      cards.map((card) => card.stars),
    );
  }
}
