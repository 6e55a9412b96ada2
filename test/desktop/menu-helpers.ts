/** Shared by the menu's template and action tests: walking a template, and inert actions. */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuActions } from '../../main/desktop/menu-actions.ts';
import type { SpotifyMenuActions } from '../../main/desktop/spotify-sign-in.ts';

export type Item = MenuItemConstructorOptions;
export const submenu = (item: Item | undefined): Item[] => (item?.submenu ?? []) as Item[];
export const labels = (items: Item[]) => items.map((i) => i.label ?? i.role ?? i.type);
export const find = (template: Item[], label: string): Item => {
  const found = template.flatMap((menu) => [menu, ...submenu(menu)]).find((i) => i.label === label);
  if (found === undefined) throw new Error(`no menu item "${label}"`);
  return found;
};
export const click = (item: Item) => (item.click as () => void)();

export const noActions: MenuActions & SpotifyMenuActions = {
  refreshData: () => Promise.resolve(),
  cancelRefresh: () => undefined,
  importRatings: () => Promise.resolve(),
  importHistory: () => Promise.resolve(),
  exportData: () => Promise.resolve(),
  exportPlaylist: () => Promise.resolve(),
  showHistory: () => undefined,
  openSettings: () => undefined,
  newRound: () => undefined,
  showHelp: () => undefined,
  showRatings: () => undefined,
  showTaste: () => undefined,
  openDataFolder: () => Promise.resolve(),
  showAbout: () => Promise.resolve(),
  spotifySignIn: () => Promise.resolve(),
  spotifySignOut: () => Promise.resolve(),
};
export const options = { isPackaged: true, onActionError: () => undefined };
