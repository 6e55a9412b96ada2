import { artistKey } from '../catalog/normalise.ts';
import type { Track } from '../catalog/track.ts';
import type { Store } from '../store/store.ts';
import type { ListenerTaste } from './listener-taste.ts';
import type { SimulatedRating } from './simulated-rating.ts';
import { rateNewTracks, simulateTasteListeners } from './taste-listeners.ts';
import type { TrackFeatures } from './track-traits.ts';
import { simulateUniformListeners } from './uniform-listeners.ts';

export type RatingsMode = 'taste' | 'uniform';

export interface SimulationRequest {
  readonly mode: RatingsMode;
  readonly listeners: number;
  readonly seed: number;
}

/** What was done: listeners made anew, new tracks rated by the existing ones, or nothing. */
export interface SimulationOutcome {
  readonly action: 'created' | 'extended' | 'unchanged';
  readonly listeners: number;
  readonly ratingsWritten: number;
}

interface SimulationState extends SimulationRequest {
  /** Tracks with ids up to this one have been offered to the listeners. */
  readonly ratedThroughTrackId: number;
}

const stateKey = 'simulation';

function readState(store: Store): SimulationState | undefined {
  const value = store.settings.get(stateKey);
  if (typeof value !== 'object' || value === null) return undefined;
  return value as SimulationState;
}

function toFeatures(track: Track): TrackFeatures {
  return {
    id: track.id,
    itemKey: track.itemKey,
    genres: track.genres,
    year: track.year,
    artistKeys: track.artists.map(artistKey),
  };
}

function externalId(listener: number): string {
  return `sim-${String(listener + 1).padStart(5, '0')}`;
}

function writeRatings(
  store: Store,
  ratings: readonly SimulatedRating[],
  userIds: readonly number[],
): void {
  store.ratings.upsertMany(
    ratings.map((r) => ({
      userId: userIds[r.listener],
      trackId: r.trackId,
      rating: r.rating,
      ratedAt: r.ratedAt,
    })),
  );
}

function createListeners(
  store: Store,
  request: SimulationRequest,
  tracks: readonly Track[],
): number {
  store.users.deleteKind('simulated');
  const ids = (tastes: readonly (ListenerTaste | undefined)[]): number[] =>
    tastes.map((taste, listener) => store.users.ensure('simulated', externalId(listener), taste));
  if (request.mode === 'uniform') {
    const ratings = simulateUniformListeners(
      tracks.map((t) => t.id),
      request.listeners,
      request.seed,
    );
    writeRatings(store, ratings, ids(new Array<undefined>(request.listeners).fill(undefined)));
    return ratings.length;
  }
  const { tastes, ratings } = simulateTasteListeners(
    tracks.map(toFeatures),
    request.listeners,
    request.seed,
  );
  writeRatings(store, ratings, ids(tastes));
  return ratings.length;
}

function extendListeners(
  store: Store,
  request: SimulationRequest,
  tracks: readonly Track[],
  after: number,
): number {
  const fresh = tracks.filter((t) => t.id > after);
  if (fresh.length === 0) return 0;
  const listeners = store.users.profiles('simulated');
  const tastes = listeners.map((l) => l.profile as ListenerTaste);
  const ratings = rateNewTracks(tastes, fresh.map(toFeatures), tracks.length, request.seed);
  writeRatings(
    store,
    ratings,
    listeners.map((l) => l.id),
  );
  return ratings.length;
}

/**
 * Makes the store's simulated listeners match `request`, in one transaction. The same request
 * as last time only rates tracks added since (taste mode); a different one replaces every
 * simulated listener. Imported and local listeners are never touched.
 */
export function applySimulation(store: Store, request: SimulationRequest): SimulationOutcome {
  if (!Number.isInteger(request.listeners) || request.listeners < 1)
    throw new RangeError(
      `listeners must be a whole number of at least 1, got ${request.listeners}`,
    );
  return store.transaction(() => {
    const tracks = store.tracks.list();
    const lastTrackId = tracks.reduce((max, t) => Math.max(max, t.id), 0);
    const state = readState(store);
    const same =
      state?.mode === request.mode &&
      state.listeners === request.listeners &&
      state.seed === request.seed;
    let action: SimulationOutcome['action'];
    let ratingsWritten: number;
    if (same && request.mode === 'taste') {
      ratingsWritten = extendListeners(store, request, tracks, state.ratedThroughTrackId);
      action =
        ratingsWritten > 0 || lastTrackId > state.ratedThroughTrackId ? 'extended' : 'unchanged';
    } else if (same && lastTrackId === state.ratedThroughTrackId) {
      ratingsWritten = 0;
      action = 'unchanged';
    } else {
      ratingsWritten = createListeners(store, request, tracks);
      action = 'created';
    }
    store.settings.set(stateKey, {
      ...request,
      ratedThroughTrackId: lastTrackId,
    } satisfies SimulationState);
    return { action, listeners: request.listeners, ratingsWritten };
  });
}
