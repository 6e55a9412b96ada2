/**
 * The Electron main process: a composition root. It builds the pieces in order and hands each
 * its dependencies; what they do lives in their own files. Nothing here runs at import time
 * except `main()` itself, and nothing is kept at module level.
 */
import { app, dialog, safeStorage, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolveAppPaths } from './desktop/app-paths.ts';
import type { AppPaths } from './desktop/app-paths.ts';
import { composeEarshot } from './core/compose.ts';
import { CredentialVault, secretStorageFrom } from './desktop/credentials.ts';
import { registerIpc } from './desktop/ipc.ts';
import { createRequestRouter } from './desktop/ipc-routes.ts';
import { failToStart, prepareApp, registerLifecycle } from './desktop/lifecycle.ts';
import { createLog } from './desktop/log.ts';
import type { Log } from './desktop/log.ts';
import { registerMenu } from './desktop/menu.ts';
import { createMenuActions, reportActionError } from './desktop/menu-actions.ts';
import { createRefresh } from './desktop/refresh.ts';
import { createSenderCheck } from './desktop/sender-guard.ts';
import { createSettingsService } from './desktop/settings.ts';
import { createSpotifyCrawl } from './desktop/spotify-crawl.ts';
import { createSpotifyMenuActions } from './desktop/spotify-sign-in.ts';
import { SafeStorageTokenVault } from './desktop/spotify-token-vault.ts';
import { registerTaskbarProgress } from './desktop/taskbar-progress.ts';
import { registerWebContentsGuards } from './desktop/web-security.ts';
import { forwardEvents, registerWindowPush } from './desktop/window-push.ts';
import { createAppWindows } from './desktop/window.ts';

/** The core as every face builds it, and the desktop's own services around it. */
function createServices(paths: AppPaths, log: Log) {
  // The window is a first run's way in, so the desktop creates its database. Its folder is
  // Electron's userData, which Chromium creates at startup anyway.
  mkdirSync(paths.dataDir, { recursive: true });
  const onInternalError = (error: unknown): void => log('internal error', error);
  const secrets = secretStorageFrom(safeStorage, process.platform);
  const earshot = composeEarshot({
    database: paths.database,
    create: true,
    catalogPath: paths.catalog,
    // The main process must never freeze on another process's lock: writes wait on timers.
    interactive: true,
    onInternalError,
    // The sign-in page opens in the system browser, where the listener is signed in to Spotify.
    spotifyVault: (store) => new SafeStorageTokenVault(store.settings, secrets),
    openBrowser: (url) => shell.openExternal(url),
  });
  const { store, events, models, service } = earshot;
  const settings = createSettingsService({
    store,
    vault: new CredentialVault(store.settings, secrets),
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
  return { earshot, settings, refresh };
}

/** The desktop face: window, IPC, events, menu and lifecycle around the services. */
function startApp(paths: AppPaths, log: Log, logFile: string): void {
  const { earshot, settings, refresh } = createServices(paths, log);
  const { store, events, models, service } = earshot;
  const windows = createAppWindows({ paths, log });
  const isTrustedSender = createSenderCheck({
    appPageUrl: paths.rendererUrl,
    isAppWindow: windows.isAppWindow,
  });
  registerIpc({ handle: createRequestRouter({ service, settings, refresh }), isTrustedSender });
  const push = registerWindowPush({ targets: windows.contents, isTrustedSender });
  forwardEvents(events, push);
  refresh.onFinished((result) => push.send('pipeline:finished', result));
  const showSettings = (): void => push.sendTo(windows.open().webContents, 'settings:open', null);
  const spotifyActions = createSpotifyMenuActions({
    account: earshot.spotifyAccount,
    showSettings,
    tell: async (message, detail) => {
      const parent = windows.current();
      const options = { type: 'info' as const, message, detail };
      await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
    },
  });
  const actions = createMenuActions({
    store,
    models,
    service,
    refresh,
    showSettings,
    showPage: (page) => push.sendTo(windows.open().webContents, 'page:open', page),
    startNewRound: () => push.sendTo(windows.open().webContents, 'round:new', null),
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
  const menu = registerMenu(
    { ...actions, ...spotifyActions },
    {
      platform: process.platform,
      isPackaged: app.isPackaged,
      version: app.getVersion(),
      onActionError: reportActionError(log, logFile),
    },
  );
  refresh.onRunningChange((isRunning) => menu.setRefreshing(isRunning));
  registerTaskbarProgress({ events, refresh, windows: windows.all });
  registerLifecycle({
    windows,
    onQuit: () => {
      refresh.cancel();
      earshot.close();
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
