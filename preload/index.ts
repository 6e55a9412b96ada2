/**
 * The bridge between the sandboxed page and the main process: exactly the contract's methods and
 * events as `window.earshot`, nothing else. The page never sees `ipcRenderer`, an IPC event
 * object or a channel name. Built to CommonJS (`vite.preload.config.ts`), as a sandboxed
 * renderer requires.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { channels } from './api.ts';
import type {
  EarshotApi,
  EarshotEvents,
  EventName,
  MethodName,
  RequestOf,
  ResponseOf,
  Result,
} from './api.ts';

/** Every push event of the contract; `satisfies` makes a new event a compile error here. */
const eventNames = {
  'training:progress': true,
  'model:ready': true,
  'pipeline:progress': true,
} as const satisfies Record<EventName, true>;

function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(eventNames, value);
}

// The main process builds every answer as a contract `Result`; the request is checked there.
function invoke<K extends MethodName>(
  method: K,
  request?: RequestOf<K>,
): Promise<Result<ResponseOf<K>>> {
  return ipcRenderer.invoke(channels[method], request) as Promise<Result<ResponseOf<K>>>;
}

/** One IPC listener per subscription, removed by the function it returns. */
function on<E extends EventName>(
  event: E,
  listener: (payload: EarshotEvents[E]) => void,
): () => void {
  if (!isEventName(event)) throw new TypeError(`"${String(event)}" is not an Earshot event`);
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  const forward = (_event: IpcRendererEvent, payload: EarshotEvents[E]): void => listener(payload);
  ipcRenderer.on(event, forward);
  return () => {
    ipcRenderer.removeListener(event, forward);
  };
}

const api = {
  getState: () => invoke('getState'),
  songsToRate: (request) => invoke('songsToRate', request),
  skipSong: (request) => invoke('skipSong', request),
  submitRatings: (request) => invoke('submitRatings', request),
  recommend: (request) => invoke('recommend', request),
  startOver: () => invoke('startOver'),
  setPreferences: (request) => invoke('setPreferences', request),
  on,
} satisfies EarshotApi;

contextBridge.exposeInMainWorld('earshot', api);
