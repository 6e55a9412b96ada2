import { BrowserWindow } from 'electron';
import type { WebContents, WebPreferences } from 'electron';
import type { AppPaths } from './app-paths.ts';
import type { Log } from './log.ts';
import { hardenSession } from './web-security.ts';

/**
 * The window's web preferences: the page is untrusted web content. It runs sandboxed, isolated
 * from the preload, without Node; its only reach into the app is the preload's `window.earshot`.
 * Defaults are spelled out so that a test (and a reader) sees each one.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

export interface AppWindows {
  /** Shows the app's window, creating it if there is none. */
  readonly open: () => BrowserWindow;
  /** The window to anchor dialogs to, if one is open. */
  readonly current: () => BrowserWindow | undefined;
  /** The open windows. */
  readonly all: () => BrowserWindow[];
  /** Web contents of the open windows, for pushing events. */
  readonly contents: () => WebContents[];
  readonly isAppWindow: (contents: WebContents) => boolean;
}

export interface WindowDeps {
  readonly paths: Pick<AppPaths, 'preload' | 'rendererIndex' | 'rendererUrl' | 'windowIcon'>;
  readonly log: Log;
}

function createMainWindow(deps: WindowDeps): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Earshot',
    width: 1120,
    height: 820,
    minWidth: 420,
    minHeight: 560,
    show: false,
    ...(deps.paths.windowIcon ? { icon: deps.paths.windowIcon } : {}),
    webPreferences: secureWebPreferences(deps.paths.preload),
  });
  hardenSession(window.webContents.session);
  window.once('ready-to-show', () => window.show());
  window.loadFile(deps.paths.rendererIndex).catch((error: unknown) => {
    deps.log(`cannot load ${deps.paths.rendererIndex} (did \`npm run build\` run?)`, error);
  });
  return window;
}

/** The app's windows: one main window, reopened on demand (macOS dock, a second launch). */
export function createAppWindows(deps: WindowDeps): AppWindows {
  const windows = new Set<BrowserWindow>();
  const live = (): BrowserWindow[] => [...windows].filter((w) => !w.isDestroyed());
  return {
    open: () => {
      const existing = live()[0];
      if (existing !== undefined) {
        if (existing.isMinimized()) existing.restore();
        existing.focus();
        return existing;
      }
      const window = createMainWindow(deps);
      windows.add(window);
      window.on('closed', () => windows.delete(window));
      return window;
    },
    current: () => live()[0],
    all: live,
    contents: () => live().map((w) => w.webContents),
    isAppWindow: (contents) => live().some((w) => w.webContents === contents),
  };
}
