import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { EventHub } from '../core/app/event-hub.ts';
import { channels, desktopChannels } from '../core/contract/index.ts';
import type {
  ApiError,
  DesktopEventName,
  DesktopEvents,
  DesktopMethodName,
  MethodName,
  Result,
} from '../core/contract/index.ts';

/** Every method the window may call: the contract's and the desktop's own. */
export type WindowMethodName = MethodName | DesktopMethodName;

/**
 * Answers one method; validation happens inside (the app service's, the settings service's or
 * the router's `handle`, see ipc-routes.ts).
 */
export type RequestHandler = (
  method: WindowMethodName,
  request: unknown,
) => Promise<Result<unknown>>;

const windowChannels: Readonly<Record<WindowMethodName, string>> = {
  ...channels,
  ...desktopChannels,
};

/**
 * What a sender outside the app's windows gets. An answer rather than silence, so a caller never
 * hangs, and one that says nothing about the app beyond the fact that it refused.
 */
export const unauthorizedResult = {
  ok: false,
  error: { code: 'unauthorized', message: 'This page may not call Earshot.' },
} as const satisfies { ok: false; error: ApiError };

export interface IpcDeps {
  readonly handle: RequestHandler;
  readonly isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
}

/**
 * One `ipcMain.handle` per contract and desktop method, on the contract's channel. Every one
 * checks the sender first; the payload stays `unknown` until the handler validates it, and only
 * the first argument is read. Returns the function that removes the handlers.
 */
export function registerIpc(deps: IpcDeps): () => void {
  const methods = Object.keys(windowChannels) as WindowMethodName[];
  for (const method of methods) {
    ipcMain.handle(windowChannels[method], (event, request: unknown) =>
      deps.isTrustedSender(event) ? deps.handle(method, request) : unauthorizedResult,
    );
  }
  return () => {
    for (const method of methods) ipcMain.removeHandler(windowChannels[method]);
  };
}

export interface EventBridgeDeps {
  readonly events: EventHub;
  /** The app's windows' web contents at the moment of sending. */
  readonly targets: () => Iterable<WebContents>;
}

/**
 * Pushes every core event to the app's windows. The contract's event names are `domain:verb`
 * already and serve as their IPC channels; the preload listens on exactly those.
 */
export function forwardEvents(deps: EventBridgeDeps): () => void {
  return deps.events.subscribe((event, payload) => {
    for (const contents of deps.targets()) {
      if (!contents.isDestroyed()) contents.send(event, payload);
    }
  });
}

/** Sends one desktop event to the app's windows. */
export type DesktopEventSender = <E extends DesktopEventName>(
  event: E,
  payload: DesktopEvents[E],
) => void;

/**
 * The desktop's own push events (`settings:open`, `pipeline:finished`), to the app's open
 * windows only: they never go through the core's EventHub, which the browser face also hears.
 */
export function createDesktopEventSender(targets: () => Iterable<WebContents>): DesktopEventSender {
  return (event, payload) => {
    for (const contents of targets()) {
      if (!contents.isDestroyed()) contents.send(event, payload);
    }
  };
}

/**
 * Sends a desktop event to one window's page once it has loaded: a window the menu has just
 * opened is still loading, and its page would miss an event sent now.
 */
export function sendWhenLoaded<E extends DesktopEventName>(
  contents: WebContents,
  event: E,
  payload: DesktopEvents[E],
): void {
  if (contents.isLoading()) contents.once('did-finish-load', () => contents.send(event, payload));
  else contents.send(event, payload);
}
