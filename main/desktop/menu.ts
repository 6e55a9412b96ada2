import { app, Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuActions } from './menu-actions.ts';
import type { SpotifyMenuActions } from './spotify-sign-in.ts';

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  /** Development builds add Force Reload and Developer Tools to View. */
  readonly isPackaged: boolean;
  /** Told about an action that failed unexpectedly (it is logged and shown). */
  readonly onActionError: (error: unknown) => void;
}

export const menuItemIds = { refresh: 'refresh-data', cancelRefresh: 'cancel-refresh' } as const;

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu: Earshot's own items (which call the same services as IPC) inside the
 * platform's standard menus. On macOS the app menu holds About, Settings… (⌘,), Services, Hide
 * and Quit; elsewhere File holds Settings… and Quit and Help holds About.
 */
export function buildMenuTemplate(
  actions: MenuActions & SpotifyMenuActions,
  options: MenuOptions,
): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const run = (action: () => Promise<void> | void) => () => {
    Promise.resolve()
      .then(action)
      .catch((error: unknown) => options.onActionError(error));
  };
  const settings: MenuItemConstructorOptions = {
    label: 'Settings…',
    accelerator: 'CmdOrCtrl+,',
    click: run(actions.openSettings),
  };
  const help: MenuItemConstructorOptions = {
    label: 'Earshot Help',
    accelerator: isMac ? 'Cmd+?' : 'F1',
    click: run(actions.showHelp),
  };
  const about: MenuItemConstructorOptions = {
    label: 'About Earshot',
    click: run(actions.showAbout),
  };
  const macAppMenu: MenuItemConstructorOptions = {
    label: 'Earshot',
    submenu: [
      { role: 'about' },
      separator,
      settings,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New round', accelerator: 'CmdOrCtrl+N', click: run(actions.newRound) },
      { label: 'Your taste…', click: run(actions.showTaste) },
      separator,
      {
        id: menuItemIds.refresh,
        label: 'Refresh data',
        // Not CmdOrCtrl+R, which people expect to reload the window (View › Reload), nor
        // CmdOrCtrl+Shift+R, Chromium's force reload.
        accelerator: 'CmdOrCtrl+Alt+R',
        click: run(actions.refreshData),
      },
      {
        id: menuItemIds.cancelRefresh,
        label: 'Cancel refresh',
        enabled: false,
        click: run(actions.cancelRefresh),
      },
      separator,
      { label: 'Import ratings…', click: run(actions.importRatings) },
      { label: 'Import listening history…', click: run(actions.importHistory) },
      { label: 'Export data…', click: run(actions.exportData) },
      { label: 'Export playlist…', click: run(actions.exportPlaylist) },
      separator,
      { label: 'Open data folder', click: run(actions.openDataFolder) },
      ...(isMac ? [] : [separator, settings, separator, { role: 'quit' } as const]),
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      // Not CmdOrCtrl+Y, which is Redo on Windows; no standard item takes Shift+Y.
      { label: 'Your ratings', accelerator: 'CmdOrCtrl+Shift+Y', click: run(actions.showRatings) },
      // As in web browsers: ⌘Y on macOS (where ⌘H hides the app), Ctrl+H elsewhere.
      {
        label: 'History',
        accelerator: isMac ? 'Cmd+Y' : 'Ctrl+H',
        click: run(actions.showHistory),
      },
      separator,
      { role: 'reload', accelerator: 'CmdOrCtrl+R' },
      ...(options.isPackaged
        ? []
        : [{ role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, separator]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: isMac ? [help] : [help, separator, about],
  };
  const spotifyMenu: MenuItemConstructorOptions = {
    label: 'Spotify',
    submenu: [
      { label: 'Sign in…', click: run(actions.spotifySignIn) },
      { label: 'Sign out', click: run(actions.spotifySignOut) },
    ],
  };
  return [
    ...(isMac ? [macAppMenu] : []),
    fileMenu,
    { role: 'editMenu' },
    viewMenu,
    spotifyMenu,
    { role: 'windowMenu' },
    helpMenu,
  ];
}

export interface MenuControl {
  /** While a refresh runs, Refresh data is off and Cancel refresh is on. */
  setRefreshing(isRunning: boolean): void;
}

export function registerMenu(
  actions: MenuActions & SpotifyMenuActions,
  options: MenuOptions & { readonly version: string },
): MenuControl {
  if (options.platform === 'darwin') {
    app.setAboutPanelOptions({
      applicationName: 'Earshot',
      applicationVersion: options.version,
      copyright: 'MIT licence',
    });
  }
  const menu = Menu.buildFromTemplate(buildMenuTemplate(actions, options));
  Menu.setApplicationMenu(menu);
  return {
    setRefreshing(isRunning) {
      const refresh = menu.getMenuItemById(menuItemIds.refresh);
      const cancel = menu.getMenuItemById(menuItemIds.cancelRefresh);
      if (refresh) refresh.enabled = !isRunning;
      if (cancel) cancel.enabled = isRunning;
    },
  };
}
