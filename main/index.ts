/**
 * The Electron main process: a composition root. It builds the pieces in order and hands each
 * its dependencies; what they do lives in their own files. Nothing here runs at import time
 * except `main()` itself, and nothing is kept at module level.
 */
import { app, safeStorage, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolveAppPaths } from './desktop/app-paths.ts';
import type { AppPaths } from './desktop/app-paths.ts';
import { createAppService } from './core/app/app-service.ts';
import { bootstrapStore } from './core/app/bootstrap.ts';
import { EventHub } from './core/app/event-hub.ts';
import { interactiveBusyTimeoutMs } from './core/store/busy.ts';
import { openStore } from './core/store/store.ts';
import { CredentialVault, secretStorageFrom } from './desktop/credentials.ts';
import {
  createDesktopEventSender,
  forwardEvents,
  registerIpc,
  sendWhenLoaded,
} from './desktop/ipc.ts';
import { createRequestRouter } from './desktop/ipc-routes.ts';
import { failToStart, prepareApp, registerLifecycle } from './desktop/lifecycle.ts';
import { createLog } from './desktop/log.ts';
import type { Log } from './desktop/log.ts';
import { registerMenu } from './desktop/menu.ts';
import { createMenuActions, reportActionError } from './desktop/menu-actions.ts';
import { createRefresh } from './desktop/refresh.ts';
import { createSenderCheck } from './desktop/sender-guard.ts';
import { createSettingsService, readModelOptions } from './desktop/settings.ts';
import { createSpotifyCrawl } from './desktop/spotify-crawl.ts';
import { registerTaskbarProgress } from './desktop/taskbar-progress.ts';
import { createModels } from './desktop/training.ts';
import { registerWebContentsGuards } from './desktop/web-security.ts';
import { createAppWindows } from './desktop/window.ts';

/** The core's services over the user's database, as every face builds them. */
function createServices(paths: AppPaths, log: Log) {
  // The window is a first run's way in, so the desktop creates its database. Its folder is
  // Electron's userData, which Chromium creates at startup anyway.
  mkdirSync(paths.dataDir, { recursive: true });
  const store = openStore(paths.database, { create: true });
  bootstrapStore(store, paths.catalog);
  const events = new EventHub();
  const onInternalError = (error: unknown): void => log('internal error', error);
  const models = createModels({ store, events, modelOptions: () => readModelOptions(store) });
  const service = createAppService({ store, models, events, onInternalError });
  // The main process must never freeze on another process's lock: writes wait asynchronously.
  store.setBusyTimeout(interactiveBusyTimeoutMs);
  const settings = createSettingsService({
    store,
    vault: new CredentialVault(store.settings, secretStorageFrom(safeStorage, process.platform)),
    onModelParametersChanged: () => void models.trainNow(),
    onInternalError,
  });
  const refresh = createRefresh({
    store,
    models,
    events,
    service,
    settings,
    catalogPath: paths.catalog,
    crawl: createSpotifyCrawl(),
    onInternalError,
  });
  return { store, events, models, service, settings, refresh };
}

/** The desktop face: window, IPC, events, menu and lifecycle around the services. */
function startApp(paths: AppPaths, log: Log, logFile: string): void {
  const { store, events, models, service, settings, refresh } = createServices(paths, log);
  const windows = createAppWindows({ paths, log });
  registerIpc({
    handle: createRequestRouter({ service, settings, refresh }),
    isTrustedSender: createSenderCheck({
      appPageUrl: paths.rendererUrl,
      isAppWindow: windows.isAppWindow,
    }),
  });
  forwardEvents({ events, targets: windows.contents });
  const sendDesktopEvent = createDesktopEventSender(windows.contents);
  refresh.onFinished((result) => sendDesktopEvent('pipeline:finished', result));
  const actions = createMenuActions({
    store,
    models,
    service,
    refresh,
    showSettings: () => sendWhenLoaded(windows.open().webContents, 'settings:open', null),
    parent: windows.current,
    dataDir: paths.dataDir,
    openPath: (path) => shell.openPath(path),
    showItemInFolder: (path) => shell.showItemInFolder(path),
    log,
    about: {
      name: 'Earshot',
      version: app.getVersion(),
      versions: `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
    },
  });
  const menu = registerMenu(actions, {
    platform: process.platform,
    isPackaged: app.isPackaged,
    version: app.getVersion(),
    onActionError: reportActionError(log, logFile),
  });
  refresh.onRunningChange((isRunning) => menu.setRefreshing(isRunning));
  registerTaskbarProgress({ events, refresh, windows: windows.all });
  registerLifecycle({
    windows,
    onQuit: () => {
      refresh.cancel();
      models.close();
      store.close();
    },
  });
  windows.open();
  models.start();
}

function main(): void {
  const paths = resolveAppPaths({
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
    env: process.env,
  });
  if (!prepareApp({ dataDir: paths.dataDir })) return;
  const logFile = join(app.getPath('logs'), 'main.log');
  const log = createLog(logFile);
  registerWebContentsGuards({ app, openExternal: (url) => shell.openExternal(url), log });
  // Not a top-level await: Electron emits `ready` only after the entry module has finished.
  app
    .whenReady()
    .then(() => startApp(paths, log, logFile))
    .catch((error: unknown) => failToStart(error, log));
}

main();
