import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { EventHub } from './core/app/event-hub.ts';
import { channels } from '../preload/api.ts';
import type { ApiError, MethodName, Result } from '../preload/api.ts';

/** Answers one contract method; validation happens inside (the app service's `handle`). */
export type RequestHandler = (method: MethodName, request: unknown) => Promise<Result<unknown>>;

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
 * One `ipcMain.handle` per contract method, on the contract's channel. The payload stays
 * `unknown` until the service validates it; only the first argument is read. Returns the
 * function that removes the handlers.
 */
export function registerIpc(deps: IpcDeps): () => void {
  const methods = Object.keys(channels) as MethodName[];
  for (const method of methods) {
    ipcMain.handle(channels[method], (event, request: unknown) =>
      deps.isTrustedSender(event) ? deps.handle(method, request) : unauthorizedResult,
    );
  }
  return () => {
    for (const method of methods) ipcMain.removeHandler(channels[method]);
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
