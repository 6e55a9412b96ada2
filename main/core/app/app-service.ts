import { parseRequest } from '../contract/index.ts';
import type {
  MethodName,
  ParsedRequestOf,
  RecommendResponse,
  ResponseOf,
  Result,
} from '../contract/index.ts';
import { retryWhileBusy } from '../store/busy.ts';
import type { Store } from '../store/store.ts';
import { EventHub } from './event-hub.ts';
import { importHistory } from './history-use-case.ts';
import { LocalListener } from './local-listener.ts';
import type { ModelSource } from './model-source.ts';
import { listPickSets, showPickSet } from './pick-sets/pick-set-views.ts';
import { exportPlaylist } from './pick-sets/playlist-use-case.ts';
import { readPreferences, writePreferences } from './preferences.ts';
import { picksFor, recommendFor } from './recommend-use-case.ts';
import { ServiceError, toApiError } from './service-error.ts';
import { PicksMemo } from './picks/picks-memo.ts';
import { readRoundDraft, saveRound } from './round-draft.ts';
import { SongPool } from './song-pool.ts';
import { saveRatings, startOver, undoStartOver } from './start-over.ts';
import { saveTaste, tasteView } from './taste/taste-use-case.ts';
import { YourRatings } from './your-ratings.ts';
import { spotifyAccountHandlers } from './spotify-account-use-case.ts';
import type { SpotifyAccount } from '../spotify/account/spotify-account.ts';

export interface AppServiceDeps {
  readonly store: Store;
  readonly models: ModelSource;
  readonly events?: EventHub;
  readonly random?: () => number;
  /**
   * How long a call waits for another process's write lock before it answers `busy`. Default
   * 10 minutes. Every handler writes at most one transaction, last, so one that found the
   * database busy had no effect and is simply run again.
   */
  readonly busyTimeoutMs?: number;
  /** Told about unexpected errors (the face decides where they are logged). */
  readonly onInternalError?: (error: unknown) => void;
  /** The listener's own Spotify account; absent, its methods answer `not-configured`. */
  readonly spotifyAccount?: SpotifyAccount;
}

/** The use-cases behind every face, with untrusted input validated and errors made data. */
export interface AppService {
  readonly events: EventHub;
  handle<K extends MethodName>(method: K, request: unknown): Promise<Result<ResponseOf<K>>>;
  /** The catalog changed underneath (a refresh): forget cached track lists. */
  catalogChanged(): void;
  /**
   * Another listener's picks (`earshot picks --user`): an imported or simulated listener by the
   * id their ratings came with. Read-only: nothing of theirs is hidden or remembered.
   */
  picksOf(externalId: string, count?: number): Promise<Result<RecommendResponse>>;
}

type AsyncHandlers = {
  [K in MethodName]: (request: ParsedRequestOf<K>) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

function createHandlers(
  deps: AppServiceDeps,
  listener: LocalListener,
  pool: SongPool,
  memo: PicksMemo,
): AsyncHandlers {
  const { store, models } = deps;
  const yours = new YourRatings(store, listener, pool, models);
  return {
    getState: () => ({
      catalog: {
        tracks: store.tracks.count(),
        listeners: store.users.countByKind().simulated,
        ratings: store.ratings.count(),
      },
      model: models.info(),
      training: models.training(),
      listenerRatings: listener.ratings().length,
      preferences: readPreferences(store),
    }),
    songsToRate: (request) => pool.songsToRate(request, readPreferences(store), models),
    skipSong: (request) => pool.replacement(request, readPreferences(store), models),
    submitRatings: (request) => {
      pool.requireKnown(request.ratings.map((r) => r.trackId));
      saveRatings(store, listener, request.ratings);
      models.ratingsChanged();
      return { saved: request.ratings.length, listenerRatings: listener.ratings().length };
    },
    recommend: (request) => {
      const preferences = readPreferences(store);
      return recommendFor(
        listener,
        pool,
        models,
        { count: request.count ?? preferences.recommendations, diversity: preferences.diversity },
        memo,
      );
    },
    notInterested: (request) => {
      pool.requireKnown([request.trackId]);
      listener.hide(request.trackId);
      return { hidden: listener.hidden().size };
    },
    startOver: () => startOver(store, listener),
    setPreferences: (request) => writePreferences(store, request),
    importHistory: (request) => importHistory(store, request),
    getTaste: () => tasteView(store, [...pool.tracks().values()], listener.ratings().length),
    setTaste: (request) => {
      const tracks = [...pool.tracks().values()];
      saveTaste(store, tracks, request);
      return tasteView(store, tracks, listener.ratings().length);
    },
    searchTracks: (request) => yours.search(request),
    listRatings: (request) => yours.list(request),
    rateSong: (request) => yours.rate(request),
    removeRating: (request) => yours.remove(request.trackId),
    undoStartOver: () => undoStartOver(store, listener),
    saveRound: (request) => {
      pool.requireKnown(request.cards.map((card) => card.trackId));
      return saveRound(store, request);
    },
    roundDraft: () => readRoundDraft(store, pool),
    pickSets: (request) => listPickSets(pool, request.limit),
    pickSet: (request) => showPickSet(pool, listener, request.id),
    exportPlaylist: (request) => {
      const { recommendations: count, diversity } = readPreferences(store);
      const recommend = () => recommendFor(listener, pool, models, { count, diversity }, memo);
      return exportPlaylist({ pool, listener, recommend }, request);
    },
    ...spotifyAccountHandlers(store, listener, deps.spotifyAccount),
  };
}

export function createAppService(deps: AppServiceDeps): AppService {
  const listener = new LocalListener(deps.store);
  const pool = new SongPool(deps.store, listener, deps.random ?? Math.random);
  const handlers = createHandlers(deps, listener, pool, new PicksMemo(deps.store)) as Record<
    MethodName,
    (request: unknown) => unknown
  >;
  const settle = async <T>(work: () => Promise<T> | T): Promise<Result<T>> => {
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'internal') deps.onInternalError?.(error);
      return { ok: false, error: apiError };
    }
  };
  return {
    events: deps.events ?? new EventHub(),
    async handle(method, request) {
      const parsed = parseRequest(method, request);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      // Another process (a pipeline, an import) may hold the write lock for a while: wait for
      // it without blocking the event loop, so a submitted rating is saved, not lost.
      return settle(
        () =>
          retryWhileBusy(() => handlers[method](parsed.value), {
            timeoutMs: deps.busyTimeoutMs,
          }) as Promise<ResponseOf<typeof method>>,
      );
    },
    catalogChanged: () => pool.invalidate(),
    picksOf: (externalId, count) =>
      settle(() => {
        const { store } = deps;
        const user =
          store.users.find('imported', externalId) ?? store.users.find('simulated', externalId);
        if (user === undefined) {
          throw new ServiceError(
            'not-found',
            `There is no imported or simulated listener "${externalId}".`,
          );
        }
        const preferences = readPreferences(store);
        const profile = {
          ratings: store.ratings.forUser(user.id),
          hidden: new Set<number>(),
          listening: store.signals.forUser(user.id),
        };
        return picksFor(profile, pool, deps.models, {
          count: count ?? preferences.recommendations,
          diversity: preferences.diversity,
        });
      }),
  };
}
