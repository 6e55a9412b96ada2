/**
 * The `electron` module for the compiled main process run under plain Node
 * (compiled-main.test.ts): the app is ready at once, windows record what they are sent, and
 * the IPC handlers and listeners are left on `globalThis.earshotStub` for the driver to call.
 */
import { EventEmitter } from 'node:events';

class StubWebContents extends EventEmitter {
  readonly sent: string[] = [];
  readonly session = {
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    setDevicePermissionHandler: () => undefined,
    webRequest: { onHeadersReceived: () => undefined },
  };
  setWindowOpenHandler(): void {}
  send(channel: string): void {
    this.sent.push(channel);
  }
  isDestroyed(): boolean {
    return false;
  }
}

export class BrowserWindow extends EventEmitter {
  readonly webContents = new StubWebContents();
  loadedFile = '';
  loadFile(path: string): Promise<void> {
    this.loadedFile = path;
    return Promise.resolve();
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  focus = () => undefined;
  show = () => undefined;
  setProgressBar = () => undefined;
  constructor() {
    super();
    stub.windows.push(this);
  }
}

type Handler = (event: unknown, request?: unknown) => unknown;
const stub = {
  handlers: new Map<string, Handler>(),
  /** One-way messages' listeners (`ipcMain.on`), by channel. */
  listeners: new Map<string, Handler>(),
  windows: [] as BrowserWindow[],
};
(globalThis as { earshotStub?: typeof stub }).earshotStub = stub;

const paths = new Map<string, string>();
export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  getAppPath: () => process.env.EARSHOT_APP_PATH ?? process.cwd(),
  getVersion: () => '0.0.0',
  getPath: (name: string) => paths.get(name) ?? `${paths.get('userData')}/${name}`,
  setPath: (name: string, path: string) => paths.set(name, path),
  setName: () => undefined,
  enableSandbox: () => undefined,
  requestSingleInstanceLock: () => true,
  quit: () => undefined,
  whenReady: () => Promise.resolve(),
  setAboutPanelOptions: () => undefined,
});
export const ipcMain = {
  handle: (channel: string, handler: Handler) => stub.handlers.set(channel, handler),
  removeHandler: (channel: string) => stub.handlers.delete(channel),
  on: (channel: string, listener: Handler) => stub.listeners.set(channel, listener),
};
export const Menu = {
  buildFromTemplate: () => ({ getMenuItemById: () => null }),
  setApplicationMenu: () => undefined,
};
export const dialog = {
  showErrorBox: (title: string, message: string) => console.error(`${title}: ${message}`),
};
export const shell = {};
export const safeStorage = {};
