/**
 * An in-memory Earshot behind the contract, for the renderer's state classes: a small catalog,
 * one listener's ratings, a switchable model, push events on demand, and a log of every call.
 * The real service is tested in test/core; this stands in for it the way a second implementation
 * of the same interface would, checking every request with the contract's own schemas.
 */
import { parseDesktopRequest, parseRequest } from '../../main/core/contract/index.ts';
import { FakeSpotifyAccount } from './fake-spotify-account.ts';
import type {
  ApiError,
  AppState,
  DesktopEventName,
  DesktopEvents,
  DesktopMethodName,
  EarshotApi,
  EarshotEvents,
  EventName,
  MethodName,
  ParsedDesktopRequestOf,
  ParsedRequestOf,
  PickSetView,
  Preferences,
  RecommendationView,
  Result,
  SavedPlaylistView,
  SavePlaylistRequest,
  Taste,
  TasteView,
  TrackView,
} from '../../main/core/contract/index.ts';

export interface FakeCall {
  readonly method: MethodName | DesktopMethodName;
  readonly request: unknown;
}

/** Every event either face may push (the desktop's too, see fake-desktop-api.ts). */
export interface AnyEvents extends EarshotEvents, DesktopEvents {}
export type AnyEventName = EventName | DesktopEventName;

export function makeTrack(id: number): TrackView {
  return {
    id,
    title: `Song ${id}`,
    artists: [`Artist ${id % 4}`],
    album: `Album ${Math.ceil(id / 3)}`,
    year: 1970 + id,
    genres: ['rock'],
    imageUrl: null,
    spotifyUrl: `https://open.spotify.com/search/Song%20${id}`,
    spotifyUrlIsSearch: true,
  };
}

type Listener = (payload: never) => void;

export class FakeEarshot {
  readonly calls: FakeCall[] = [];
  readonly ratings = new Map<number, number>();
  /** When false, `recommend` answers `no-model`, as on a first run before training ends. */
  hasModel = true;
  preferences: Preferences = {
    songsToRate: 5,
    recommendations: 3,
    strategy: 'random',
    diversity: 0.1,
  };
  /** The taste start as stored; `shouldAsk` follows the core's rule. */
  taste: Taste = { likedGenres: [], dislikedGenres: [], decades: [], artists: [], skipped: false };
  /** Songs marked "not interested": never recommended again. */
  readonly hidden = new Set<number>();
  /** The listener's Spotify account. */
  readonly spotify = new FakeSpotifyAccount();
  /** When each rating was given, in call order (a clock that ticks once a rating). */
  readonly ratedAt = new Map<number, number>();
  /** What the last Start over set aside, until undone or a new rating. */
  setAside: { ratings: Map<number, number>; hidden: Set<number> } | null = null;
  /** The round in progress, as the page last saved it. */
  draft: readonly { trackId: number; stars: number | null }[] = [];
  #clock = 0;
  /** Every list `recommend` answered that differed from the one before, the oldest first. */
  readonly pickSets: PickSetView[] = [];
  readonly #tracks: TrackView[];
  readonly #failures = new Map<MethodName | DesktopMethodName, ApiError>();
  readonly #listeners = new Map<AnyEventName, Set<Listener>>();

  constructor(catalogSize = 20) {
    this.#tracks = Array.from({ length: catalogSize }, (_, index) => makeTrack(index + 1));
  }

  /** The next call of `method` answers this error instead. */
  failNext(method: MethodName | DesktopMethodName, error: ApiError): void {
    this.#failures.set(method, error);
  }

  /** Adds songs to the catalog, as a refresh that crawled Spotify would. */
  addTracks(count: number): void {
    const first = this.#tracks.length + 1;
    for (let id = first; id < first + count; id++) this.#tracks.push(makeTrack(id));
  }

  emit<E extends AnyEventName>(event: E, payload: AnyEvents[E]): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      (listener as (payload: AnyEvents[E]) => void)(payload);
    }
  }

  /** `on` for either face: one set of listeners per event name. */
  subscribe<E extends AnyEventName>(event: E, listener: (payload: AnyEvents[E]) => void) {
    const listeners = this.#listeners.get(event) ?? new Set<Listener>();
    this.#listeners.set(event, listeners);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }

  listenerCount(): number {
    return [...this.#listeners.values()].reduce((sum, set) => sum + set.size, 0);
  }

  callsTo(method: MethodName | DesktopMethodName): unknown[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.request);
  }

  readonly api: EarshotApi = {
    getState: () => this.#answer('getState', undefined, () => this.#state()),
    songsToRate: (request) =>
      this.#answer('songsToRate', request, ({ count, exclude }) => {
        const offered = this.#unrated(exclude ?? []).slice(
          0,
          count ?? this.preferences.songsToRate,
        );
        return offered.length > 0 ? offered : nothingToRate();
      }),
    skipSong: (request) =>
      this.#answer('skipSong', request, ({ trackId, exclude }) => {
        const [replacement] = this.#unrated([trackId, ...exclude]);
        return replacement ?? nothingToRate();
      }),
    submitRatings: (request) =>
      this.#answer('submitRatings', request, ({ ratings }) => {
        for (const rating of ratings) this.#rate(rating.trackId, rating.stars);
        return { saved: ratings.length, listenerRatings: this.ratings.size };
      }),
    recommend: (request) =>
      this.#answer('recommend', request, ({ count }) => {
        if (!this.hasModel) return failure('no-model', 'No model has been trained yet.');
        const recommendations = this.#recommend(count ?? this.preferences.recommendations);
        this.#keep(recommendations);
        return { recommendations, foldedIn: true };
      }),
    notInterested: (request) =>
      this.#answer('notInterested', request, ({ trackId }) => {
        this.hidden.add(trackId);
        return { hidden: this.hidden.size };
      }),
    startOver: () =>
      this.#answer('startOver', undefined, () => {
        const removed = this.ratings.size;
        if (removed > 0)
          this.setAside = { ratings: new Map(this.ratings), hidden: new Set(this.hidden) };
        this.ratings.clear();
        this.hidden.clear();
        return { removed };
      }),
    undoStartOver: () =>
      this.#answer('undoStartOver', undefined, () => {
        const setAside = this.setAside;
        if (setAside === null) return failure('not-found', 'There is no Start over to undo.');
        this.setAside = null;
        this.ratings.clear();
        for (const [id, stars] of setAside.ratings) this.ratings.set(id, stars);
        for (const id of setAside.hidden) this.hidden.add(id);
        return { restored: setAside.ratings.size, listenerRatings: this.ratings.size };
      }),
    searchTracks: (request) =>
      this.#answer('searchTracks', request, ({ query, limit }) => ({
        results: this.#matching(query)
          .slice(0, limit)
          .map((track) => ({ track, stars: this.ratings.get(track.id) ?? null })),
      })),
    listRatings: (request) =>
      this.#answer('listRatings', request, ({ query, sort, offset, limit }) => {
        const rated = this.#matching(query ?? '').filter((track) => this.ratings.has(track.id));
        const newest = (a: TrackView, b: TrackView) =>
          (this.ratedAt.get(b.id) ?? 0) - (this.ratedAt.get(a.id) ?? 0);
        const order: Record<string, (a: TrackView, b: TrackView) => number> = {
          recent: newest,
          stars: (a, b) =>
            (this.ratings.get(b.id) ?? 0) - (this.ratings.get(a.id) ?? 0) || newest(a, b),
          title: (a, b) => a.title.localeCompare(b.title),
          artist: (a, b) =>
            a.artists[0].localeCompare(b.artists[0]) || a.title.localeCompare(b.title),
        };
        const sorted = rated.sort(order[sort ?? 'recent']);
        const start = offset ?? 0;
        return {
          ratings: sorted.slice(start, start + (limit ?? 50)).map((track) => ({
            track,
            stars: this.ratings.get(track.id) ?? 0,
            ratedAt: this.ratedAt.get(track.id) ?? 0,
          })),
          total: rated.length,
          listenerRatings: this.ratings.size,
          setAside: this.setAside?.ratings.size ?? 0,
        };
      }),
    rateSong: (request) =>
      this.#answer('rateSong', request, ({ trackId, stars }) => {
        const track = this.#tracks.find((t) => t.id === trackId);
        if (track === undefined)
          return failure('not-found', `There is no song with id ${trackId}.`);
        this.#rate(trackId, stars);
        return {
          rating: { track, stars, ratedAt: this.ratedAt.get(trackId) ?? 0 },
          listenerRatings: this.ratings.size,
        };
      }),
    removeRating: (request) =>
      this.#answer('removeRating', request, ({ trackId }) => {
        const stars = this.ratings.get(trackId);
        const track = this.#tracks.find((t) => t.id === trackId);
        if (stars === undefined || track === undefined)
          return failure('not-found', `You have not rated the song with id ${trackId}.`);
        this.ratings.delete(trackId);
        const removed = { track, stars, ratedAt: this.ratedAt.get(trackId) ?? 0 };
        return { removed, listenerRatings: this.ratings.size };
      }),
    saveRound: (request) =>
      this.#answer('saveRound', request, ({ cards }) => {
        this.draft = cards;
        return { cards: cards.length };
      }),
    roundDraft: () =>
      this.#answer('roundDraft', undefined, () => ({
        cards: this.draft.flatMap((card) => {
          const track = this.#tracks.find((t) => t.id === card.trackId);
          return track === undefined ? [] : [{ track, stars: card.stars }];
        }),
      })),
    setPreferences: (request) =>
      this.#answer('setPreferences', request, (change) => {
        this.preferences = { ...this.preferences, ...change };
        return this.preferences;
      }),
    importHistory: (request) =>
      this.#answer('importHistory', request, ({ files }) => {
        // One play per non-blank line: enough for the page's own logic, which only shows counts.
        const plays = files.map((f) => f.text.split('\n').filter((l) => l.trim() !== '').length);
        const total = plays.reduce((a, b) => a + b, 0);
        if (total === 0)
          return failure('invalid-request', `${files[0].name}: no music plays to import.`);
        return {
          files: files.map((f, i) => ({
            file: f.name,
            format: 'lastfm',
            plays: plays[i],
            skipped: 0,
          })),
          plays: total,
          notMusic: 0,
          recordings: total,
          matched: { recordings: total, plays: total },
          unmatched: { recordings: 0, plays: 0 },
          tracks: total,
        };
      }),
    spotifyAccount: () => this.#answer('spotifyAccount', undefined, () => this.spotify.view),
    spotifySignIn: (request) =>
      this.#answer('spotifySignIn', request, ({ clientId }) => this.spotify.signIn(clientId)),
    spotifySignOut: (request) =>
      this.#answer('spotifySignOut', request, () => this.spotify.signOut()),
    importSpotifyListening: (request) =>
      this.#answer('importSpotifyListening', request, () =>
        this.spotify.view.status === 'signed-in'
          ? this.spotify.importSummary()
          : failure('unauthorized', 'Earshot is not signed in to Spotify. Sign in first.'),
      ),
    saveSpotifyPlaylist: (request) =>
      this.#answer('saveSpotifyPlaylist', request, (checked) =>
        this.spotify.view.status === 'signed-in'
          ? this.#saveToSpotify(checked)
          : failure('unauthorized', 'Earshot is not signed in to Spotify. Sign in first.'),
      ),
    pickSets: (request) =>
      this.#answer('pickSets', request, ({ limit }) => ({
        sets: [...this.pickSets].reverse().slice(0, limit ?? 100),
        total: this.pickSets.length,
      })),
    pickSet: (request) =>
      this.#answer('pickSet', request, ({ id }) => {
        const set = this.pickSets.find((s) => s.id === id);
        if (set === undefined) return failure('not-found', `There is no past set with id ${id}.`);
        const yourStars = set.picks
          .filter((track) => this.ratings.has(track.id))
          .map((track) => ({ trackId: track.id, stars: this.ratings.get(track.id) ?? 0 }));
        return { ...set, yourStars };
      }),
    exportPlaylist: (request) =>
      this.#answer('exportPlaylist', request, ({ from, format }) => {
        const name = typeof from === 'string' ? from : `picks-${from.history}`;
        const text = `#EXTM3U\n#PLAYLIST:${name}\n`;
        return { fileName: `earshot-${name}.${format}`, mimeType: 'text/plain', text, tracks: 0 };
      }),
    getTaste: () => this.#answer('getTaste', undefined, () => this.#tasteView()),
    setTaste: (request) =>
      this.#answer('setTaste', request, (taste) => {
        const unknown = taste.likedGenres.find((g) => !['rock', 'folk', 'jazz'].includes(g));
        if (unknown !== undefined)
          return failure(
            'invalid-request',
            `likedGenres: no song in the catalog has "${unknown}".`,
          );
        this.taste = taste;
        return this.#tasteView();
      }),
    on: (event, listener) => this.subscribe(event, listener),
  };

  /** Keeps a list in {@link pickSets} when it differs from the newest one there. */
  #keep(recommendations: readonly RecommendationView[]): void {
    const ids = recommendations.map((r) => r.track.id).join();
    if (
      ids === '' ||
      this.pickSets
        .at(-1)
        ?.picks.map((t) => t.id)
        .join() === ids
    )
      return;
    const ratings = [...this.ratings].map(([trackId, stars]) => ({
      track: this.#tracks[trackId - 1],
      stars,
    }));
    this.pickSets.push({
      id: this.pickSets.length + 1,
      madeAt: 1_750_000_000 + this.pickSets.length * 60,
      ratingCount: this.ratings.size,
      changes: {
        rated: ratings.slice(-3),
        ratedCount: ratings.length,
        hidden: [],
        hiddenCount: 0,
        removed: 0,
      },
      picks: recommendations.map((r) => r.track),
      recommendations,
      ratings,
      yourStars: [],
    });
  }

  /** As the core does: a past set's songs are read from the history. */
  #saveToSpotify(request: SavePlaylistRequest): SavedPlaylistView | Failure {
    const setId = /^set:(\d+)$/.exec(request.source)?.[1];
    if (setId === undefined || request.trackIds !== undefined) return this.spotify.save(request);
    const set = this.pickSets.find((s) => s.id === Number(setId));
    if (set === undefined)
      return failure('not-found', `There is no past set of picks with id ${setId}.`);
    return this.spotify.save({ ...request, trackIds: set.picks.map((t) => t.id) });
  }

  #tasteView(): TasteView {
    const { likedGenres, dislikedGenres, decades, artists } = this.taste;
    return {
      taste: this.taste,
      choices: {
        genres: ['rock', 'folk', 'jazz'].map((name, i) => ({ name, songs: 10 - i })),
        decades: [1970, 1980].map((decade) => ({ decade, songs: 5 })),
        artists: ['Artist 0', 'Artist 1', 'Beyoncé'].map((name) => ({ name, songs: 3 })),
      },
      shouldAsk:
        this.ratings.size === 0 &&
        !this.taste.skipped &&
        likedGenres.length + dislikedGenres.length + decades.length + artists.length === 0,
    };
  }

  /** A desktop method (see fake-desktop-api.ts), logged, failed and checked like the others. */
  async answerDesktop<K extends DesktopMethodName, T>(
    method: K,
    request: unknown,
    run: (checked: ParsedDesktopRequestOf<K>) => T | Failure,
  ): Promise<Result<T>> {
    return this.#respond(method, request, () => parseDesktopRequest(method, request), run);
  }

  #answer<K extends MethodName, T>(
    method: K,
    request: unknown,
    run: (checked: ParsedRequestOf<K>) => T | Failure,
  ): Promise<Result<T>> {
    return this.#respond(method, request, () => parseRequest(method, request), run);
  }

  /** Records the call, then answers the error injected with {@link failNext}, or checks and runs. */
  async #respond<Checked, T>(
    method: MethodName | DesktopMethodName,
    request: unknown,
    check: () => Result<Checked>,
    run: (checked: Checked) => T | Failure,
  ): Promise<Result<T>> {
    this.calls.push({ method, request });
    await Promise.resolve();
    const injected = this.#failures.get(method);
    if (injected !== undefined) {
      this.#failures.delete(method);
      return { ok: false, error: injected };
    }
    const checked = check();
    if (!checked.ok) return checked;
    const value = run(checked.value);
    return value instanceof Failure ? { ok: false, error: value.error } : { ok: true, value };
  }

  /** Rates as the core does: the newest rating, and a Start over can no longer be undone. */
  #rate(trackId: number, stars: number): void {
    this.ratings.set(trackId, stars);
    this.ratedAt.set(trackId, ++this.#clock);
    this.setAside = null;
  }

  /** Songs whose title or artist contains every word of `query`, in any case. */
  #matching(query: string): TrackView[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return this.#tracks.filter((track) => {
      const text = `${track.title} ${track.artists.join(' ')}`.toLowerCase();
      return words.every((word) => text.includes(word));
    });
  }

  #unrated(exclude: readonly number[]): TrackView[] {
    return this.#tracks.filter(
      (track) =>
        !this.ratings.has(track.id) && !this.hidden.has(track.id) && !exclude.includes(track.id),
    );
  }

  #recommend(count: number): RecommendationView[] {
    const [favouriteId, favouriteStars] = [...this.ratings].sort((a, b) => b[1] - a[1])[0] ?? [];
    const favourite = this.#tracks.find((track) => track.id === favouriteId);
    return this.#unrated([])
      .slice(0, count)
      .map((track, rank) => ({
        track,
        predictedStars: 4.8 - rank * 0.3,
        confidence: {
          level: 'medium' as const,
          label: 'A good bet: 1 song you liked points here',
        },
        reasons:
          favourite && favouriteStars !== undefined
            ? [
                {
                  kind: 'liked' as const,
                  track: favourite,
                  stars: favouriteStars,
                  plays: null,
                  trait: null,
                  sharedGenres: track.genres.filter((g) => favourite.genres.includes(g)),
                  contribution: 0.5,
                },
              ]
            : [],
      }));
  }

  #state(): AppState {
    return {
      catalog: { tracks: this.#tracks.length, listeners: 50, ratings: 1000 },
      model: this.hasModel
        ? { algorithm: 'svd', trainedAt: 0, ratings: 1000, trainRmse: 0.8 }
        : null,
      training: { status: 'idle' },
      listenerRatings: this.ratings.size,
      preferences: this.preferences,
    };
  }
}

export class Failure {
  readonly error: ApiError;
  constructor(error: ApiError) {
    this.error = error;
  }
}

export function failure(code: ApiError['code'], message: string): Failure {
  return new Failure({ code, message });
}

function nothingToRate(): Failure {
  return failure('nothing-to-rate', 'Every song has been rated or skipped.');
}
