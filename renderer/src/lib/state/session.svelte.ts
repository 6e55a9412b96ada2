import type {
  ApiError,
  EarshotApi,
  Preferences,
  RecommendationView,
} from '../../../../preload/api.ts';
import { RatingRound } from './rating-round.svelte.ts';
import { RoundDrafts } from './round-drafts.ts';
import { TrainingStatus } from './training-status.svelte.ts';

/**
 * What the window shows.
 * - `loading`: fetching songs to rate; `recommending`: saving ratings and asking for picks.
 * - `waiting-for-model`: no model exists yet (first run); picks follow the next `model:ready`.
 * - `exhausted`: the catalog has no song left to offer this listener.
 */
export type SessionView =
  'loading' | 'rating' | 'recommending' | 'waiting-for-model' | 'results' | 'exhausted' | 'error';

/**
 * One listener's visit: rating rounds, their recommendations, starting over. Every call to the
 * core goes through the injected `api`; its failures land in `error` (or `notice` when the
 * listener can carry on), never in an exception.
 */
export class Session {
  view = $state<SessionView>('loading');
  round = $state.raw<RatingRound | null>(null);
  recommendations = $state.raw<readonly RecommendationView[]>([]);
  /** Songs this listener has rated in all, across rounds and launches. */
  listenerRatings = $state(0);
  error = $state.raw<ApiError | null>(null);
  /** A problem that does not stop the round, such as a song with no replacement left. */
  notice = $state<string | null>(null);
  /** The song whose replacement is on its way. */
  skippingId = $state<number | null>(null);
  /** The pick being rated or hidden from the results, until the new list arrives. */
  changingPickId = $state<number | null>(null);
  /** Ratings the Start over just done set aside, which Undo brings back (0: no Undo). */
  undoableStartOver = $state(0);

  readonly canSubmit = $derived(
    this.view === 'rating' && this.skippingId === null && (this.round?.canSubmit ?? false),
  );
  readonly training: TrainingStatus;

  readonly #api: EarshotApi;
  /** Songs the listener said they do not know, never offered again this visit (no screen shows
   * them, so they are not state). */
  #skippedIds: number[] = [];
  #retry: (() => Promise<void>) | null = null;
  /** Bumped by every step that changes the view, so a late answer to an older step is dropped. */
  #step = 0;
  readonly #drafts: RoundDrafts;

  constructor(api: EarshotApi) {
    this.#api = api;
    this.#drafts = new RoundDrafts(api, (message) => {
      this.notice = `Your round could not be kept for later: ${message}`;
    });
    this.training = new TrainingStatus(api, () => {
      if (this.view === 'waiting-for-model') void this.#recommend();
    });
  }

  /** Reads the listener's standing and deals the first round. */
  async start(): Promise<void> {
    const step = this.#begin('loading');
    const state = await this.#api.getState();
    if (step !== this.#step) return;
    if (!state.ok) return this.#fail(state.error, () => this.start());
    this.listenerRatings = state.value.listenerRatings;
    this.training.state = state.value.training;
    const kept = await this.#drafts.resume();
    if (step !== this.#step) return;
    if (kept === null) return this.#deal();
    this.round = kept;
    this.view = 'rating';
  }

  rate(trackId: number, stars: number): void {
    this.round?.rate(trackId, stars);
    this.#drafts.save(this.round);
  }

  /** "Don't know it": swaps the song for another in the same place; other cards keep their stars. */
  async skip(trackId: number): Promise<void> {
    const round = this.round;
    if (round === null || this.view !== 'rating' || this.skippingId !== null) return;
    this.skippingId = trackId;
    this.notice = null;
    if (!this.#skippedIds.includes(trackId)) this.#skippedIds.push(trackId);
    const result = await this.#api.skipSong({
      trackId,
      exclude: this.#excluding(round),
      rated: round.ratings(),
    });
    this.skippingId = null;
    if (round !== this.round) return;
    if (result.ok) {
      round.replace(trackId, result.value);
      this.#drafts.save(this.round);
    } else if (result.error.code === 'nothing-to-rate') {
      this.notice = 'There is no other song left to offer. Give this one your best guess.';
    } else this.notice = result.error.message;
  }

  /** Saves the round's ratings, then shows the picks they lead to. */
  async submit(): Promise<void> {
    const round = this.round;
    if (round === null || !this.canSubmit) return;
    const step = this.#begin('recommending');
    const saved = await this.#api.submitRatings({ ratings: round.ratings() });
    if (step !== this.#step) return;
    if (!saved.ok) {
      return this.#fail(saved.error, async () => {
        this.view = 'rating';
        await this.submit();
      });
    }
    this.listenerRatings = saved.value.listenerRatings;
    this.undoableStartOver = 0;
    this.#drafts.save(null);
    await this.#recommend();
  }

  /** A new round of songs not seen yet; its ratings refine the picks. */
  async rateMore(): Promise<void> {
    await this.#deal();
  }

  /** Shows the picks for the ratings saved so far, without rating more. */
  async seeRecommendations(): Promise<void> {
    await this.#recommend();
  }

  /** Rates a pick right on the results: it becomes a rating, and the list is made again. */
  async ratePick(trackId: number, stars: number): Promise<void> {
    await this.#changePick(trackId, async () => {
      const saved = await this.#api.submitRatings({ ratings: [{ trackId, stars }] });
      if (saved.ok) {
        this.listenerRatings = saved.value.listenerRatings;
        this.undoableStartOver = 0;
      }
      return saved;
    });
  }

  /** "Not interested": the pick never comes back, and its neighbours drop a little. */
  async notInterested(trackId: number): Promise<void> {
    await this.#changePick(trackId, () => this.#api.notInterested({ trackId }));
  }

  /**
   * Sets every rating of this listener aside and deals a fresh round; until they rate again,
   * {@link undoStartOver} brings the ratings back. The page asks first.
   */
  async startOver(): Promise<void> {
    const step = this.#begin('loading');
    const result = await this.#api.startOver();
    if (step !== this.#step) return;
    if (!result.ok) return this.#fail(result.error, () => this.startOver());
    this.listenerRatings = 0;
    this.recommendations = [];
    this.#skippedIds = [];
    await this.#deal();
    this.undoableStartOver = result.value.removed;
  }

  /** Undo after Start over: the ratings set aside come back, and so do their picks. */
  async undoStartOver(): Promise<void> {
    const undone = await this.#api.undoStartOver();
    this.undoableStartOver = 0;
    if (!undone.ok) {
      this.notice = undone.error.message;
      return;
    }
    this.listenerRatings = undone.value.listenerRatings;
    this.#drafts.save(null);
    await this.#recommend();
  }

  /**
   * Ratings changed on another page (search to rate, Your ratings): the count follows, a Start
   * over can no longer be undone from here, and picks on screen are made again.
   */
  async ratingsChangedElsewhere(listenerRatings: number): Promise<void> {
    this.listenerRatings = listenerRatings;
    this.undoableStartOver = 0;
    if (this.view === 'results') await this.#recommend();
  }

  /**
   * New preferences from Settings. A round nobody has rated yet is dealt again to match them;
   * a round with stars stays, and the next one follows them. Picks on screen are fetched again
   * when their number changed.
   */
  async preferencesChanged(now: Preferences, before: Preferences): Promise<void> {
    const round = this.round;
    const dealing = now.songsToRate !== before.songsToRate || now.strategy !== before.strategy;
    if (this.view === 'rating' && round !== null && dealing) {
      if (round.ratedCount === 0) return this.#deal();
      if (now.songsToRate !== before.songsToRate)
        this.notice = `Your next round will have ${now.songsToRate} songs.`;
    } else if (
      this.view === 'results' &&
      (now.recommendations !== before.recommendations || now.diversity !== before.diversity)
    ) {
      await this.#recommend();
    }
  }

  /**
   * A taste start was saved: a round nobody has rated yet is dealt again, drawn from the taste;
   * a round with stars stays (it is kept for a reload too), and the next one draws from it.
   */
  async tasteChanged(): Promise<void> {
    const round = this.round;
    if (this.view === 'rating' && round !== null && round.ratedCount > 0) {
      this.notice = 'Your next round will draw from your taste.';
      return;
    }
    await this.#deal();
  }

  /** After Refresh data: a listener who had heard every song gets a round of the new ones. */
  async catalogRefreshed(): Promise<void> {
    if (this.view === 'exhausted') await this.#deal();
  }

  /** Runs again the step that failed. */
  async retry(): Promise<void> {
    const retry = this.#retry;
    this.#retry = null;
    if (retry !== null) await retry();
  }

  /** Stops following the core's events. */
  dispose(): void {
    this.training.dispose();
  }

  async #deal(): Promise<void> {
    const step = this.#begin('loading');
    const result = await this.#api.songsToRate({ exclude: [...this.#skippedIds] });
    if (step !== this.#step) return;
    if (!result.ok) return this.#fail(result.error, () => this.#deal());
    if (result.value.length === 0) {
      return this.#fail({ code: 'nothing-to-rate', message: 'No songs left to rate.' }, null);
    }
    this.round = new RatingRound(result.value);
    this.view = 'rating';
    this.#drafts.save(this.round);
  }

  async #recommend(): Promise<void> {
    const step = this.#begin('recommending');
    const result = await this.#api.recommend({});
    if (step !== this.#step) return;
    if (!result.ok) {
      if (result.error.code === 'no-model') this.view = 'waiting-for-model';
      else this.#fail(result.error, () => this.#recommend());
      return;
    }
    this.recommendations = result.value.recommendations;
    this.round = null;
    this.view = 'results';
  }

  /** Runs a change to one pick, then fetches the list again, the results staying on screen. */
  async #changePick(
    trackId: number,
    change: () => Promise<{ ok: true } | { ok: false; error: ApiError }>,
  ): Promise<void> {
    if (this.view !== 'results' || this.changingPickId !== null) return;
    this.changingPickId = trackId;
    this.notice = null;
    try {
      const changed = await change();
      if (!changed.ok) {
        this.notice = changed.error.message;
        return;
      }
      const result = await this.#api.recommend({});
      if (!result.ok) return this.#fail(result.error, () => this.#recommend());
      if (this.view === 'results') this.recommendations = result.value.recommendations;
    } finally {
      this.changingPickId = null;
    }
  }

  #excluding(round: RatingRound): number[] {
    const onScreen = round.trackIds;
    return [...onScreen, ...this.#skippedIds.filter((id) => !onScreen.includes(id))];
  }

  #begin(view: SessionView): number {
    this.view = view;
    this.error = null;
    this.notice = null;
    this.#retry = null;
    this.#step += 1;
    return this.#step;
  }

  #fail(error: ApiError, retry: (() => Promise<void>) | null): void {
    this.error = error;
    this.#retry = retry;
    this.view = error.code === 'nothing-to-rate' ? 'exhausted' : 'error';
  }
}
