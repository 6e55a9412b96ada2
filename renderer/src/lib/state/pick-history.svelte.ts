import type { ApiError, EarshotApi, PickSetSummary, PickSetView } from '../../../../preload/api.ts';

export type PickHistoryView = 'loading' | 'list' | 'set' | 'error';

/**
 * The History page: the past sets of picks, newest first, and one of them reopened with its
 * picks as they were shown. A pick rated here becomes a rating like any other (the next picks
 * follow it); the set itself stays as it was made.
 */
export class PickHistory {
  view = $state<PickHistoryView>('loading');
  sets = $state.raw<readonly PickSetSummary[]>([]);
  total = $state(0);
  /** The set reopened, with the stars given since. */
  set = $state.raw<PickSetView | null>(null);
  error = $state.raw<ApiError | null>(null);
  /** A problem with one pick (a rating not saved), shown above the set. */
  notice = $state<string | null>(null);
  /** The pick whose rating is being saved. */
  ratingId = $state<number | null>(null);

  readonly #api: EarshotApi;
  #step = 0;

  constructor(api: EarshotApi) {
    this.#api = api;
  }

  /** Lists the sets (again: a visit to the page shows the newest). */
  async load(): Promise<void> {
    const step = this.#begin('loading');
    const answer = await this.#api.pickSets({});
    if (step !== this.#step) return;
    if (!answer.ok) return this.#fail(answer.error);
    this.sets = answer.value.sets;
    this.total = answer.value.total;
    this.set = null;
    this.view = 'list';
  }

  /** Reopens set `id`. */
  async open(id: number): Promise<void> {
    const step = this.#begin('loading');
    const answer = await this.#api.pickSet({ id });
    if (step !== this.#step) return;
    if (!answer.ok) return this.#fail(answer.error);
    this.set = answer.value;
    this.view = 'set';
  }

  /** Back from a set to the list. */
  async close(): Promise<void> {
    await this.load();
  }

  /** The listener's stars for a pick of the open set, if they rated it since. */
  starsOf(trackId: number): number | undefined {
    return this.set?.yourStars.find((s) => s.trackId === trackId)?.stars;
  }

  /** Rates a pick of the open set, as the results page does: one rating, saved at once. */
  async rate(trackId: number, stars: number): Promise<void> {
    const set = this.set;
    if (set === null || this.ratingId !== null) return;
    this.ratingId = trackId;
    this.notice = null;
    const saved = await this.#api.submitRatings({ ratings: [{ trackId, stars }] });
    this.ratingId = null;
    if (!saved.ok) {
      this.notice = saved.error.message;
      return;
    }
    if (this.set !== set) return;
    const others = set.yourStars.filter((s) => s.trackId !== trackId);
    this.set = { ...set, yourStars: [...others, { trackId, stars }] };
  }

  #begin(view: PickHistoryView): number {
    this.view = view;
    this.error = null;
    this.notice = null;
    this.#step += 1;
    return this.#step;
  }

  #fail(error: ApiError): void {
    this.error = error;
    this.view = 'error';
  }
}
