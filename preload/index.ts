/**
 * The bridge between the sandboxed page and the main process: exactly the contract's methods and
 * events, and the desktop's own (settings, Refresh data), as `window.earshot`, nothing else. The
 * page never sees `ipcRenderer`, an IPC event object or a channel name. Built to CommonJS
 * (`vite.preload.config.ts`), as a sandboxed renderer requires.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { channels, desktopChannels } from '../main/core/contract/index.ts';
import type {
  DesktopApi,
  DesktopEventName,
  DesktopEvents,
  DesktopMethodName,
  DesktopRequestOf,
  DesktopResponseOf,
  EarshotApi,
  EarshotEvents,
  EventName,
  MethodName,
  RequestOf,
  ResponseOf,
  Result,
} from '../main/core/contract/index.ts';

/** Every event the window may hear: the core's and the desktop's. */
interface WindowEvents extends EarshotEvents, DesktopEvents {}
type WindowEventName = EventName | DesktopEventName;

/** Every push event; `satisfies` makes a new event a compile error here. */
const eventNames = {
  'training:progress': true,
  'model:ready': true,
  'pipeline:progress': true,
  'pipeline:finished': true,
  'settings:open': true,
} as const satisfies Record<WindowEventName, true>;

function isEventName(value: unknown): value is WindowEventName {
  return typeof value === 'string' && Object.hasOwn(eventNames, value);
}

// The main process builds every answer as a contract `Result`; the request is checked there.
function invoke<K extends MethodName>(
  method: K,
  request?: RequestOf<K>,
): Promise<Result<ResponseOf<K>>> {
  return ipcRenderer.invoke(channels[method], request) as Promise<Result<ResponseOf<K>>>;
}

function invokeDesktop<K extends DesktopMethodName>(
  method: K,
  request?: DesktopRequestOf<K>,
): Promise<Result<DesktopResponseOf<K>>> {
  return ipcRenderer.invoke(desktopChannels[method], request) as Promise<
    Result<DesktopResponseOf<K>>
  >;
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
  getState: () => invoke('getState'),
  songsToRate: (request) => invoke('songsToRate', request),
  skipSong: (request) => invoke('skipSong', request),
  submitRatings: (request) => invoke('submitRatings', request),
  recommend: (request) => invoke('recommend', request),
  startOver: () => invoke('startOver'),
  setPreferences: (request) => invoke('setPreferences', request),
  getSettings: () => invokeDesktop('getSettings'),
  setSpotifyCredentials: (request) => invokeDesktop('setSpotifyCredentials', request),
  clearSpotifyCredentials: () => invokeDesktop('clearSpotifyCredentials'),
  setSpotifySources: (request) => invokeDesktop('setSpotifySources', request),
  setModelParameters: (request) => invokeDesktop('setModelParameters', request),
  refreshData: () => invokeDesktop('refreshData'),
  cancelRefresh: () => invokeDesktop('cancelRefresh'),
  on,
} satisfies EarshotApi & DesktopApi;

contextBridge.exposeInMainWorld('earshot', api);
