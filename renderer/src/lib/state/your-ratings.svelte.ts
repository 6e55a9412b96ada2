import type {
  ApiError,
  EarshotApi,
  ListedRatingView,
  RatingSortName,
} from '../../../../preload/api.ts';

const pageSize = 50;

export interface YourRatingsHooks {
  /** The listener's ratings changed here (changed, removed, Start over undone). */
  readonly onChanged?: (listenerRatings: number) => void;
  /** How long typing in the filter must pause before it applies, in ms (default 150). */
  readonly delayMs?: number;
}

/**
 * The "Your ratings" page: what the listener rated, filtered and sorted, a page at a time, each
 * rating changeable or removable (with an Undo for the removal), and Start over's undo while
 * a profile is set aside.
 */
export class YourRatingsState {
  ratings = $state.raw<readonly ListedRatingView[]>([]);
  /** Ratings that match the filter, of which `ratings` is the first part. */
  total = $state(0);
  listenerRatings = $state(0);
  /** Ratings the last Start over set aside (0: nothing to undo). */
  setAside = $state(0);
  query = $state('');
  sort = $state<RatingSortName>('recent');
  status = $state<'loading' | 'ready' | 'error'>('loading');
  error = $state.raw<ApiError | null>(null);
  notice = $state<string | null>(null);
  /** The rating just removed, which Undo gives back. */
  removed = $state.raw<ListedRatingView | null>(null);

  readonly #api: EarshotApi;
  readonly #hooks: YourRatingsHooks;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Ends the wait for typing to pause: false when more typing (or a sort) came first. */
  #endWait: ((isPaused: boolean) => void) | undefined;
  #asked = 0;

  constructor(api: EarshotApi, hooks: YourRatingsHooks = {}) {
    this.#api = api;
    this.#hooks = hooks;
  }

  /** Reads the first page again, for the current filter and order. */
  async load(): Promise<void> {
    await this.#fetch(0, Math.max(pageSize, this.ratings.length));
  }

  /** The next page, after the ratings shown. */
  async showMore(): Promise<void> {
    await this.#fetch(this.ratings.length, pageSize);
  }

  async sortBy(sort: RatingSortName): Promise<void> {
    this.sort = sort;
    await this.#fetch(0, pageSize);
  }

  /** New text in the filter: applies once typing pauses. */
  async filter(text: string): Promise<void> {
    this.query = text;
    this.#stopWaiting();
    const paused = await new Promise<boolean>((resolve) => {
      this.#endWait = resolve;
      this.#timer = setTimeout(() => resolve(true), this.#hooks.delayMs ?? 150);
    });
    if (paused) await this.#fetch(0, pageSize);
  }

  /** New stars for a rating; the list keeps its order until it is read again. */
  async change(trackId: number, stars: number): Promise<void> {
    const saved = await this.#api.rateSong({ trackId, stars });
    if (!saved.ok) return this.#say(saved.error.message);
    const { rating } = saved.value;
    this.ratings = this.ratings.map((r) => (r.track.id === trackId ? rating : r));
    this.notice = `${rating.track.title}: ${stars === 1 ? '1 star' : `${stars} stars`}.`;
    this.removed = null;
    this.#changed(saved.value.listenerRatings);
  }

  async remove(trackId: number): Promise<void> {
    const result = await this.#api.removeRating({ trackId });
    if (!result.ok) return this.#say(result.error.message);
    this.ratings = this.ratings.filter((r) => r.track.id !== trackId);
    this.total -= 1;
    // A whole-star rating can be given back; an imported 3.5 cannot be rated again as it was.
    const { removed } = result.value;
    this.removed = Number.isInteger(removed.stars) ? removed : null;
    this.notice = `Removed your rating of ${removed.track.title}.`;
    this.#changed(result.value.listenerRatings);
  }

  /** Gives back the rating just removed (as the newest rating: its old time is not kept). */
  async undoRemove(): Promise<void> {
    const removed = this.removed;
    if (removed === null) return;
    const saved = await this.#api.rateSong({ trackId: removed.track.id, stars: removed.stars });
    if (!saved.ok) return this.#say(saved.error.message);
    this.removed = null;
    this.notice = `${removed.track.title} is back.`;
    this.#changed(saved.value.listenerRatings);
    await this.load();
  }

  /** Brings back the profile Start over set aside. */
  async undoStartOver(): Promise<void> {
    const undone = await this.#api.undoStartOver();
    if (!undone.ok) return this.#say(undone.error.message);
    this.notice = `Your ${undone.value.restored === 1 ? 'rating is' : `${undone.value.restored} ratings are`} back.`;
    this.#changed(undone.value.listenerRatings);
    await this.load();
  }

  dispose(): void {
    this.#stopWaiting();
  }

  #stopWaiting(): void {
    clearTimeout(this.#timer);
    this.#endWait?.(false);
    this.#endWait = undefined;
  }

  #say(message: string): void {
    this.notice = message;
    this.removed = null;
  }

  #changed(listenerRatings: number): void {
    this.listenerRatings = listenerRatings;
    this.#hooks.onChanged?.(listenerRatings);
  }

  async #fetch(offset: number, limit: number): Promise<void> {
    if (offset === 0) this.#stopWaiting();
    const asked = ++this.#asked;
    if (offset === 0 && this.ratings.length === 0) this.status = 'loading';
    const query = this.query.trim();
    const page = await this.#api.listRatings({
      sort: this.sort,
      offset,
      limit,
      ...(query === '' ? {} : { query }),
    });
    if (asked !== this.#asked) return;
    if (!page.ok) {
      this.error = page.error;
      this.status = 'error';
      return;
    }
    const { ratings, total, listenerRatings, setAside } = page.value;
    this.ratings = offset === 0 ? ratings : [...this.ratings, ...ratings];
    this.total = total;
    this.listenerRatings = listenerRatings;
    this.setAside = setAside;
    this.error = null;
    this.status = 'ready';
  }
}
