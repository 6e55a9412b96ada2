import type { MethodName, RequestOf, ResponseOf, Result } from '../contract/index.ts';
import { retryWhileBusy } from '../store/busy.ts';
import type { Store } from '../store/store.ts';
import { EventHub } from './event-hub.ts';
import { LocalListener } from './local-listener.ts';
import type { ModelSource } from './model-source.ts';
import { readPreferences, writePreferences } from './preferences.ts';
import { recommendFor } from './recommend-use-case.ts';
import { parseRequest } from './request-guards.ts';
import { toApiError } from './service-error.ts';
import { SongPool } from './song-pool.ts';

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
}

/** The use-cases behind every face, with untrusted input validated and errors made data. */
export interface AppService {
  readonly events: EventHub;
  handle<K extends MethodName>(method: K, request: unknown): Promise<Result<ResponseOf<K>>>;
  /** The catalog changed underneath (a refresh): forget cached track lists. */
  catalogChanged(): void;
}

type AsyncHandlers = {
  [K in MethodName]: (request: RequestOf<K>) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

function createHandlers(
  deps: AppServiceDeps,
  listener: LocalListener,
  pool: SongPool,
): AsyncHandlers {
  const { store, models } = deps;
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
    songsToRate: (request) => pool.songsToRate(request, readPreferences(store)),
    skipSong: (request) => pool.replacement(request),
    submitRatings: (request) => {
      pool.requireKnown(request.ratings.map((r) => r.trackId));
      listener.rate(request.ratings);
      models.ratingsChanged();
      return { saved: request.ratings.length, listenerRatings: listener.ratings().length };
    },
    recommend: (request) =>
      recommendFor(listener, pool, models, request.count ?? readPreferences(store).recommendations),
    startOver: () => ({ removed: listener.reset() }),
    setPreferences: (request) => writePreferences(store, request),
  };
}

export function createAppService(deps: AppServiceDeps): AppService {
  const listener = new LocalListener(deps.store);
  const pool = new SongPool(deps.store, listener, deps.random ?? Math.random);
  const handlers = createHandlers(deps, listener, pool) as Record<
    MethodName,
    (request: unknown) => unknown
  >;
  return {
    events: deps.events ?? new EventHub(),
    async handle(method, request) {
      try {
        const parsed = parseRequest(method, request);
        // Another process (a pipeline, an import) may hold the write lock for a while: wait
        // for it without blocking the event loop, so a submitted rating is saved, not lost.
        const value = (await retryWhileBusy(() => handlers[method](parsed), {
          timeoutMs: deps.busyTimeoutMs,
        })) as ResponseOf<typeof method>;
        return { ok: true, value };
      } catch (error) {
        const apiError = toApiError(error);
        if (apiError.code === 'internal') deps.onInternalError?.(error);
        return { ok: false, error: apiError };
      }
    },
    catalogChanged: () => pool.invalidate(),
  };
}
