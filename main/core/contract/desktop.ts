/**
 * Desktop only. The desktop window's preload exposes `EarshotApi & DesktopApi`; the browser face
 * (`earshot serve`) and the terminal expose `EarshotApi` alone, so the app service and the web
 * server never implement these. The main process serves them (settings, Refresh data).
 */
import { noRequest } from './checks.ts';
import {
  desktopSettings,
  modelParameters,
  modelParametersRequest,
  refreshSummary,
  spotifyCredentialsRequest,
  spotifySourcesRequest,
} from './desktop-requests.ts';
import { resultOf } from './errors.ts';
import type { EarshotEvents, EventName } from './events.ts';
import { channelsOf, checkRequest, isMethodOf, methodNamesOf } from './method-table.ts';
import type {
  ApiOf,
  MethodTable,
  RequestCheck,
  RequestIn,
  RequestOut,
  ResponseOut,
} from './method-table.ts';
import { z } from './zod.ts';

const credentialsSaved = z.object({ hasSpotifyCredentials: z.boolean() });

export const desktopMethods = {
  getSettings: { channel: 'settings:get', request: noRequest, response: desktopSettings },
  setSpotifyCredentials: {
    channel: 'settings:set-spotify-credentials',
    request: spotifyCredentialsRequest,
    response: credentialsSaved,
  },
  clearSpotifyCredentials: {
    channel: 'settings:clear-spotify-credentials',
    request: noRequest,
    response: credentialsSaved,
  },
  setSpotifySources: {
    channel: 'settings:set-spotify-sources',
    request: spotifySourcesRequest,
    response: z.object({ sources: z.array(z.string()).readonly() }),
  },
  setModelParameters: {
    channel: 'settings:set-model',
    request: modelParametersRequest,
    response: modelParameters,
  },
  /** Runs every step; `busy` while another refresh runs, `cancelled` when cancelled. */
  refreshData: { channel: 'pipeline:refresh', request: noRequest, response: refreshSummary },
  /** `cancelled: false` when no refresh was running. */
  cancelRefresh: {
    channel: 'pipeline:cancel',
    request: noRequest,
    response: z.object({ cancelled: z.boolean() }),
  },
} as const satisfies MethodTable;

export type DesktopMethodName = keyof typeof desktopMethods;
export type DesktopRequestOf<K extends DesktopMethodName> = RequestIn<typeof desktopMethods, K>;
export type ParsedDesktopRequestOf<K extends DesktopMethodName> = RequestOut<
  typeof desktopMethods,
  K
>;
export type DesktopResponseOf<K extends DesktopMethodName> = ResponseOut<typeof desktopMethods, K>;

export const desktopMethodNames = methodNamesOf(desktopMethods);
/** IPC channel of each desktop method: `domain:verb`, declared only in {@link desktopMethods}. */
export const desktopChannels = channelsOf(desktopMethods);

export function isDesktopMethodName(value: unknown): value is DesktopMethodName {
  return isMethodOf(desktopMethods, value);
}

/** Checks an untrusted desktop request against the contract. */
export function parseDesktopRequest<K extends DesktopMethodName>(
  method: K,
  value: unknown,
): RequestCheck<ParsedDesktopRequestOf<K>> {
  return checkRequest(desktopMethods, method, value);
}

/**
 * The window's pages, each at its own address (`#/help`) so that Back, a reload and a bookmark
 * keep it; the menu opens them with `page:open`. `round` is the rating round and its picks.
 */
export const pageName = z.enum(['round', 'taste', 'ratings', 'history', 'help']);
export type PageName = z.infer<typeof pageName>;

/** Pushed from the main process to the desktop window only. */
export const desktopEvents = {
  /** The Settings… menu item: the page opens its settings. */
  'settings:open': z.null(),
  /** A menu item that opens one of the window's pages (Help, …). */
  'page:open': pageName,
  /** File › New round: deal a fresh round of songs to rate. */
  'round:new': z.null(),
  /** How a Refresh data ended (whoever started it): its summary, `cancelled`, or the error. */
  'pipeline:finished': resultOf(refreshSummary),
} as const;

export type DesktopEventName = keyof typeof desktopEvents;
export type DesktopEvents = { [E in DesktopEventName]: z.output<(typeof desktopEvents)[E]> };
export const desktopEventNames = Object.keys(desktopEvents) as readonly DesktopEventName[];

/** Every event the desktop window hears: the core's and the desktop's. */
export type WindowEventName = EventName | DesktopEventName;
export interface WindowEvents extends EarshotEvents, DesktopEvents {}

/**
 * The page tells the main process it has subscribed to its events (one-way, no payload). Until
 * then, and again after a reload, pushes to that window wait.
 */
export const readyChannel = 'window:ready';

/** What the desktop window's `window.earshot` adds to `EarshotApi`. */
export type DesktopApi = ApiOf<typeof desktopMethods> & {
  /** Subscribes to a desktop push event; returns the unsubscribe function. */
  readonly on: <E extends DesktopEventName>(
    event: E,
    listener: (payload: DesktopEvents[E]) => void,
  ) => () => void;
  /** The page is listening: pushes held for it are sent now, and later ones at once. */
  readonly ready: () => void;
};
