import type { ApiError, EarshotApi, RatedTrack } from '../../../../preload/api.ts';

/** What the listener sees while typing: nothing asked yet, waiting, the answer, or why not. */
export type SearchStatus = 'idle' | 'searching' | 'done' | 'error';

export interface SongSearchHooks {
  /** A song was rated from the results: the listener now has `listenerRatings` ratings. */
  readonly onRated?: (listenerRatings: number) => void;
  /** How long typing must pause before the search runs, in ms (default 150; 0 in tests). */
  readonly delayMs?: number;
}

/**
 * Search to rate: type-ahead over the catalog's titles and artists, each result rated at once.
 * Only the answer to the latest text is shown, however the answers arrive.
 */
export class SongSearch {
  query = $state('');
  results = $state.raw<readonly RatedTrack[]>([]);
  status = $state<SearchStatus>('idle');
  error = $state.raw<ApiError | null>(null);
  /** Said after a rating is saved (or why it was not): "Saved Jolene: 4 stars." */
  notice = $state<string | null>(null);

  readonly #api: EarshotApi;
  readonly #hooks: SongSearchHooks;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #endWait: ((isDone: boolean) => void) | undefined;
  /** Bumped by each search, so an answer to older text is dropped. */
  #asked = 0;

  constructor(api: EarshotApi, hooks: SongSearchHooks = {}) {
    this.#api = api;
    this.#hooks = hooks;
  }

  /** New text in the box: searches once typing pauses; empty text clears the results. */
  async type(text: string): Promise<void> {
    this.query = text;
    this.notice = null;
    if (text.trim() === '') {
      this.#stopWaiting();
      this.#asked += 1;
      this.results = [];
      this.status = 'idle';
      return;
    }
    this.status = 'searching';
    if (await this.#pause()) await this.search();
  }

  /** Searches for the current text now (Enter in the box). */
  async search(): Promise<void> {
    this.#stopWaiting();
    const query = this.query.trim();
    if (query === '') return;
    const asked = ++this.#asked;
    this.status = 'searching';
    const found = await this.#api.searchTracks({ query });
    if (asked !== this.#asked) return;
    if (found.ok) {
      this.results = found.value.results;
      this.error = null;
      this.status = 'done';
    } else {
      this.error = found.error;
      this.status = 'error';
    }
  }

  /** Rates a result (or changes its stars); it keeps its place in the list. */
  async rate(trackId: number, stars: number): Promise<void> {
    const saved = await this.#api.rateSong({ trackId, stars });
    if (!saved.ok) {
      this.notice = saved.error.message;
      return;
    }
    const { rating, listenerRatings } = saved.value;
    this.results = this.results.map((r) => (r.track.id === trackId ? { ...r, stars } : r));
    this.notice = `Saved ${rating.track.title}: ${stars === 1 ? '1 star' : `${stars} stars`}.`;
    this.#hooks.onRated?.(listenerRatings);
  }

  dispose(): void {
    this.#stopWaiting();
  }

  /** Waits for typing to pause: true then, false when more typing (or Enter) came first. */
  #pause(): Promise<boolean> {
    this.#stopWaiting();
    return new Promise((resolve) => {
      this.#endWait = resolve;
      this.#timer = setTimeout(() => resolve(true), this.#hooks.delayMs ?? 150);
    });
  }

  #stopWaiting(): void {
    clearTimeout(this.#timer);
    this.#endWait?.(false);
    this.#endWait = undefined;
  }
}
