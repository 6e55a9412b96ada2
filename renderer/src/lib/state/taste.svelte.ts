import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import type { EarshotApi, TasteView } from '../../../../preload/api.ts';

/** A genre chip's state: liked, disliked, or neither. */
export type GenreChoice = 'like' | 'dislike' | undefined;

/** How many artists the filter box lists at once. */
const artistMatches = 12;

export interface TasteHooks {
  /** A first run (no ratings, no taste, never skipped): show the taste page. */
  readonly onFirstRun?: () => void;
  /** The listener is done here (saved or skipped): back to a round; `fresh` deals a new one. */
  readonly onDone?: (fresh: boolean) => void;
}

/**
 * The taste start: genres liked or disliked (each chip cycles like → dislike → neither),
 * decades and artists liked. "Start rating" saves it and deals a round drawn from it; "Skip"
 * saves that it was skipped, so a first run does not ask again.
 */
export class TasteState {
  view = $state.raw<TasteView | null>(null);
  readonly genres = new SvelteMap<string, GenreChoice>();
  readonly decades = new SvelteSet<number>();
  artists = $state.raw<readonly string[]>([]);
  artistQuery = $state('');
  error = $state<string | null>(null);
  isSaving = $state(false);

  /** Artists whose name contains the query (ignoring case and accents), not chosen yet. */
  readonly artistOptions = $derived.by(() => {
    const query = fold(this.artistQuery.trim());
    if (query === '' || this.view === null) return [];
    return this.view.choices.artists
      .filter((a) => fold(a.name).includes(query) && !this.artists.includes(a.name))
      .slice(0, artistMatches);
  });
  readonly hasChoices = $derived(
    [...this.genres.values()].some((c) => c !== undefined) ||
      this.decades.size > 0 ||
      this.artists.length > 0,
  );

  readonly #api: EarshotApi;
  readonly #hooks: TasteHooks;

  constructor(api: EarshotApi, hooks: TasteHooks = {}) {
    this.#api = api;
    this.#hooks = hooks;
  }

  /** Reads the stored taste and the catalog's choices; on a first run, asks to be shown. */
  async load(): Promise<void> {
    const result = await this.#api.getTaste();
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.#show(result.value);
    if (result.value.shouldAsk) this.#hooks.onFirstRun?.();
  }

  /** Like → dislike → neither. */
  cycleGenre(genre: string): void {
    const now = this.genres.get(genre);
    const next: GenreChoice = now === undefined ? 'like' : now === 'like' ? 'dislike' : undefined;
    this.genres.set(genre, next);
  }

  toggleDecade(decade: number): void {
    if (!this.decades.delete(decade)) this.decades.add(decade);
  }

  addArtist(name: string): void {
    if (!this.artists.includes(name)) this.artists = [...this.artists, name];
    this.artistQuery = '';
  }

  removeArtist(name: string): void {
    this.artists = this.artists.filter((a) => a !== name);
  }

  /** Saves the taste and goes to a round drawn from it. */
  async startRating(): Promise<void> {
    const chosen = (choice: GenreChoice) =>
      [...this.genres].filter(([, c]) => c === choice).map(([g]) => g);
    await this.#save({
      likedGenres: chosen('like'),
      dislikedGenres: chosen('dislike'),
      decades: [...this.decades],
      artists: [...this.artists],
    });
  }

  /**
   * Leaves the page unchanged. With no taste stored yet (a first run), the skip is remembered so
   * that the page is not offered on its own again; a stored taste is kept as it was.
   */
  async skip(): Promise<void> {
    const stored = this.view?.taste;
    const hasStored =
      stored !== undefined &&
      stored.likedGenres.length +
        stored.dislikedGenres.length +
        stored.decades.length +
        stored.artists.length >
        0;
    if (hasStored) {
      this.#show(this.view!);
      this.#hooks.onDone?.(false);
      return;
    }
    await this.#save({ skipped: true });
  }

  async #save(request: Parameters<EarshotApi['setTaste']>[0]): Promise<void> {
    if (this.isSaving) return;
    this.isSaving = true;
    this.error = null;
    const result = await this.#api.setTaste(request);
    this.isSaving = false;
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.#show(result.value);
    this.#hooks.onDone?.(!result.value.taste.skipped);
  }

  #show(view: TasteView): void {
    this.view = view;
    const { taste } = view;
    this.genres.clear();
    for (const genre of taste.likedGenres) this.genres.set(genre, 'like');
    for (const genre of taste.dislikedGenres) this.genres.set(genre, 'dislike');
    this.decades.clear();
    for (const decade of taste.decades) this.decades.add(decade);
    this.artists = [...taste.artists];
  }
}

/** Lower case without accents, so "beyonce" finds "Beyoncé". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
