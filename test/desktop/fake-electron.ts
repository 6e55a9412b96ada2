/**
 * A stand-in for the `electron` module in the shell's tests (`vi.mock('electron', …)`): just
 * enough of ipcMain, BrowserWindow, Menu, dialog, app, contextBridge and ipcRenderer to drive
 * the shell's wiring and to record what it did. Everything else in these tests is real.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/** `ipcMain`: invoke handlers by channel, and one-way messages (`on`) as an EventEmitter. */
export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What `ipcRenderer.invoke(channel, ...args)` from `event`'s sender would resolve to. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return await handler(event, ...args);
  }
}

type PermissionRequest = (
  contents: unknown,
  permission: string,
  callback: (ok: boolean) => void,
) => void;
type HeadersListener = (
  details: { url: string; resourceType: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeSession {
  permissionRequest: PermissionRequest | undefined;
  permissionCheck: ((...args: unknown[]) => boolean) | undefined;
  devicePermission: ((...args: unknown[]) => boolean) | undefined;
  headersListener: HeadersListener | undefined;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequest): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void {
    this.devicePermission = handler;
  }
}

export class FakeWebContents extends EventEmitter {
  readonly session = new FakeSession();
  readonly sent: [string, unknown][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  destroyed = false;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  loadedFile: string | undefined;
  progress: number | undefined;

  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    FakeBrowserWindow.created.push(this);
  }
  loadFile(path: string): Promise<void> {
    this.loadedFile = path;
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  show(): void {}
  setProgressBar(progress: number): void {
    this.progress = progress;
  }
}

/** A built menu: the template, searchable by id like Electron's. */
export class FakeMenu {
  readonly template: Record<string, unknown>[];
  constructor(template: Record<string, unknown>[]) {
    this.template = template;
  }
  getMenuItemById(id: string): Record<string, unknown> | null {
    const visit = (items: Record<string, unknown>[]): Record<string, unknown> | null => {
      for (const item of items) {
        if (item.id === id) return item;
        const found = Array.isArray(item.submenu) ? visit(item.submenu as never) : null;
        if (found) return found;
      }
      return null;
    };
    return visit(this.template);
  }
}

export const ipcMain = new FakeIpcMain();
/** electron's name for it; tests use FakeBrowserWindow for its static `created`. @alias */
export const BrowserWindow = FakeBrowserWindow;
export const dialog = {
  showOpenDialog: vi.fn(),
  showSaveDialog: vi.fn(),
  showMessageBox: vi.fn(() => Promise.resolve({ response: 0, checkboxChecked: false })),
  showErrorBox: vi.fn(),
};
export const Menu = {
  applicationMenu: undefined as FakeMenu | undefined,
  buildFromTemplate: (template: Record<string, unknown>[]) => new FakeMenu(template),
  setApplicationMenu(menu: FakeMenu) {
    this.applicationMenu = menu;
  },
};
/** The app object: a checkout run with `electron .` (from the project root), already ready. */
export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  paths: new Map<string, string>(),
  name: 'earshot',
  sandboxed: false,
  quit: vi.fn(),
  setAboutPanelOptions: vi.fn(),
  getAppPath: () => fileURLToPath(new URL('../../', import.meta.url)),
  getVersion: () => '0.1.0',
  getPath(name: string): string {
    return app.paths.get(name) ?? join(app.paths.get('userData') ?? '/nonexistent', name);
  },
  setPath(name: string, path: string) {
    app.paths.set(name, path);
  },
  setName(name: string) {
    app.name = name;
  },
  enableSandbox() {
    app.sandboxed = true;
  },
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
});
export const shell = {
  openExternal: vi.fn(() => Promise.resolve()),
  openPath: vi.fn(() => Promise.resolve('')),
  showItemInFolder: vi.fn(),
};
/** A secret store that works (macOS Keychain, Windows DPAPI, a Linux keyring). */
export const safeStorage = {
  isAsyncEncryptionAvailable: () => Promise.resolve(true),
  encryptStringAsync: (text: string) => Promise.resolve(Buffer.from(text).reverse()),
  decryptStringAsync: (data: Buffer) =>
    Promise.resolve({ result: Buffer.from(data).reverse().toString(), shouldReEncrypt: false }),
  getSelectedStorageBackend: () => 'gnome_libsecret',
};

/** The renderer side, for the preload. */
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, value: unknown) {
    this.exposed.set(key, value);
  },
};
export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn((channel: string, request: unknown) =>
    Promise.resolve({ ok: true, value: { channel, request } }),
  ),
  /** One-way messages the page sent (`ipcRenderer.send`), as [channel, ...args]. */
  sent: [] as unknown[][],
  send(channel: string, ...args: unknown[]): void {
    ipcRenderer.sent.push([channel, ...args]);
  },
});
