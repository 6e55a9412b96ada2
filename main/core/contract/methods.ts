/**
 * The core's methods, served alike to the desktop window (IPC), the browser (`earshot serve`)
 * and the terminal. Adding one: its request schema in requests.ts, one entry here, a handler
 * in main/core/app/app-service.ts; the preload, the page's HTTP transport, the IPC and HTTP
 * routes and their checks follow from this table.
 */
import { noRequest } from './checks.ts';
import type { EarshotEvents, EventName } from './events.ts';
import { channelsOf, checkRequest, isMethodOf } from './method-table.ts';
import type {
  ApiOf,
  MethodTable,
  RequestCheck,
  RequestIn,
  RequestOut,
  ResponseOut,
} from './method-table.ts';
import {
  exportedPlaylist,
  exportPlaylistRequest,
  pickSetRequest,
  pickSetsRequest,
  pickSetsResponse,
  pickSetView,
} from './pick-sets.ts';
import {
  historyImportRequest,
  notInterestedRequest,
  preferencesRequest,
  recommendRequest,
  skipRequest,
  songsToRateRequest,
  submitRatingsRequest,
} from './requests.ts';
import {
  savedPlaylist,
  savePlaylistRequest,
  spotifyAccountView,
  spotifyImportRequest,
  spotifyImportSummary,
  spotifySignInRequest,
  spotifySignInResponse,
  spotifySignOutRequest,
} from './spotify-account.ts';
import {
  appState,
  historyImportSummary,
  preferences,
  recommendResponse,
  trackView,
} from './views.ts';
import {
  listRatingsRequest,
  listRatingsResponse,
  rateSongRequest,
  rateSongResponse,
  removeRatingRequest,
  removeRatingResponse,
  roundDraft,
  saveRoundRequest,
  searchTracksRequest,
  searchTracksResponse,
  undoStartOverResponse,
} from './your-ratings.ts';
import { tasteRequest, tasteView } from './taste.ts';
import { z } from './zod.ts';

export const methods = {
  getState: { channel: 'app:get-state', request: noRequest, response: appState },
  songsToRate: {
    channel: 'songs:to-rate',
    request: songsToRateRequest,
    response: z.array(trackView).readonly(),
  },
  skipSong: { channel: 'songs:skip', request: skipRequest, response: trackView },
  submitRatings: {
    channel: 'ratings:submit',
    request: submitRatingsRequest,
    response: z.object({ saved: z.number(), listenerRatings: z.number() }),
  },
  recommend: { channel: 'recommend:top', request: recommendRequest, response: recommendResponse },
  notInterested: {
    channel: 'picks:not-interested',
    request: notInterestedRequest,
    response: z.object({ hidden: z.number() }),
  },
  startOver: {
    channel: 'listener:start-over',
    request: noRequest,
    response: z.object({ removed: z.number() }),
  },
  setPreferences: {
    channel: 'preferences:set',
    request: preferencesRequest,
    response: preferences,
  },
  importHistory: {
    channel: 'history:import',
    request: historyImportRequest,
    response: historyImportSummary,
  },
  searchTracks: {
    channel: 'songs:search',
    request: searchTracksRequest,
    response: searchTracksResponse,
  },
  listRatings: {
    channel: 'ratings:list',
    request: listRatingsRequest,
    response: listRatingsResponse,
  },
  /** Rates one song at once, or changes its stars. */
  rateSong: { channel: 'ratings:rate', request: rateSongRequest, response: rateSongResponse },
  removeRating: {
    channel: 'ratings:remove',
    request: removeRatingRequest,
    response: removeRatingResponse,
  },
  /** Brings back the profile the last Start over set aside; `not-found` when there is none. */
  undoStartOver: {
    channel: 'listener:undo-start-over',
    request: noRequest,
    response: undoStartOverResponse,
  },
  /** The round in progress (or none), kept so that a reload or a restart resumes it. */
  saveRound: {
    channel: 'round:save',
    request: saveRoundRequest,
    response: z.object({ cards: z.number() }),
  },
  roundDraft: { channel: 'round:draft', request: noRequest, response: roundDraft },
  /** Past sets of picks, the newest first. */
  pickSets: { channel: 'picks:history', request: pickSetsRequest, response: pickSetsResponse },
  /** One past set reopened; `not-found` for an unknown id. */
  pickSet: { channel: 'picks:past-set', request: pickSetRequest, response: pickSetView },
  /** A playlist file of the picks, a past set or the loved songs; `not-found` when it is empty. */
  exportPlaylist: {
    channel: 'playlist:export',
    request: exportPlaylistRequest,
    response: exportedPlaylist,
  },
  spotifyAccount: { channel: 'spotify:account', request: noRequest, response: spotifyAccountView },
  spotifySignIn: {
    channel: 'spotify:sign-in',
    request: spotifySignInRequest,
    response: spotifySignInResponse,
  },
  spotifySignOut: {
    channel: 'spotify:sign-out',
    request: spotifySignOutRequest,
    response: spotifyAccountView,
  },
  importSpotifyListening: {
    channel: 'spotify:import-listening',
    request: spotifyImportRequest,
    response: spotifyImportSummary,
  },
  saveSpotifyPlaylist: {
    channel: 'spotify:save-playlist',
    request: savePlaylistRequest,
    response: savedPlaylist,
  },
  getTaste: { channel: 'taste:get', request: noRequest, response: tasteView },
  setTaste: { channel: 'taste:set', request: tasteRequest, response: tasteView },
} as const satisfies MethodTable;

export type MethodName = keyof typeof methods;
/** What a caller sends to `K`. */
export type RequestOf<K extends MethodName> = RequestIn<typeof methods, K>;
/** What the handler of `K` receives, once checked. */
export type ParsedRequestOf<K extends MethodName> = RequestOut<typeof methods, K>;
export type ResponseOf<K extends MethodName> = ResponseOut<typeof methods, K>;

/** IPC channel of each method: `domain:verb`, declared only in {@link methods}. */
export const channels = channelsOf(methods);

export function isMethodName(value: unknown): value is MethodName {
  return isMethodOf(methods, value);
}

/** Checks an untrusted request to `method` against the contract. */
export function parseRequest<K extends MethodName>(
  method: K,
  value: unknown,
): RequestCheck<ParsedRequestOf<K>> {
  return checkRequest(methods, method, value);
}

/** What the renderer sees as `window.earshot` (desktop) or its HTTP twin (browser). */
export type EarshotApi = ApiOf<typeof methods> & {
  /** Subscribes to a push event; returns the unsubscribe function. */
  readonly on: <E extends EventName>(
    event: E,
    listener: (payload: EarshotEvents[E]) => void,
  ) => () => void;
};
