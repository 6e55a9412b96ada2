import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { channels, desktopChannels } from '../core/contract/index.ts';
import type { ApiError, DesktopMethodName, MethodName, Result } from '../core/contract/index.ts';

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
