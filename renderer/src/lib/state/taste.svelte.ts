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
  genres = $state.raw<ReadonlyMap<string, GenreChoice>>(new Map());
  decades = $state.raw<ReadonlySet<number>>(new Set());
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
    this.genres = new Map([...this.genres, [genre, next]]);
  }

  toggleDecade(decade: number): void {
    const next = new Set(this.decades);
    if (!next.delete(decade)) next.add(decade);
    this.decades = next;
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

  /** No taste start: remembered, so a first run does not ask again. */
  async skip(): Promise<void> {
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
    this.genres = new Map<string, GenreChoice>([
      ...taste.likedGenres.map((g): [string, GenreChoice] => [g, 'like']),
      ...taste.dislikedGenres.map((g): [string, GenreChoice] => [g, 'dislike']),
    ]);
    this.decades = new Set(taste.decades);
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
