/**
 * The bridge between the sandboxed page and the main process: exactly the contract's methods and
 * events, and the desktop's own (settings, Refresh data), as `window.earshot`, nothing else. The
 * page never sees `ipcRenderer`, an IPC event object or a channel name. Every method, channel and
 * event comes from the contract's tables, so a new method needs nothing here. Built to CommonJS
 * (`vite.preload.config.ts`), as a sandboxed renderer requires.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import {
  desktopEventNames,
  desktopMethods,
  eventNames,
  implementApi,
  methods,
  readyChannel,
} from '../main/core/contract/index.ts';
import type {
  DesktopApi,
  EarshotApi,
  MethodTable,
  Result,
  WindowEventName,
  WindowEvents,
} from '../main/core/contract/index.ts';

const windowEventNames: readonly string[] = [...eventNames, ...desktopEventNames];

function isEventName(value: unknown): value is WindowEventName {
  return typeof value === 'string' && windowEventNames.includes(value);
}

/**
 * Each method invokes its contract channel. The main process checks the request and builds
 * every answer as the method's contract `Result`.
 */
function invokeOn<T extends MethodTable>(table: T) {
  return (method: keyof T & string, request: unknown) =>
    ipcRenderer.invoke(table[method].channel, request) as Promise<Result<unknown>>;
}

/** One IPC listener per subscription, removed by the function it returns. */
function on<E extends WindowEventName>(
  event: E,
  listener: (payload: WindowEvents[E]) => void,
): () => void {
  if (!isEventName(event)) throw new TypeError(`"${String(event)}" is not an Earshot event`);
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  const forward = (_event: IpcRendererEvent, payload: WindowEvents[E]): void => listener(payload);
  ipcRenderer.on(event, forward);
  return () => {
    ipcRenderer.removeListener(event, forward);
  };
}

const api = {
  ...implementApi(methods, invokeOn(methods)),
  ...implementApi(desktopMethods, invokeOn(desktopMethods)),
  on,
  ready: () => ipcRenderer.send(readyChannel),
} satisfies EarshotApi & DesktopApi;

contextBridge.exposeInMainWorld('earshot', api);
