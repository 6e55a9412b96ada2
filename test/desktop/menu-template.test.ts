import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, menuItemIds, registerMenu } from '../../main/desktop/menu.ts';
import { Menu } from './fake-electron.ts';
import { click, find, labels, noActions, options, submenu } from './menu-helpers.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

describe('menu template', () => {
  it('follows Windows and Linux conventions: File, Edit, View, Spotify, Window, Help', () => {
    const template = buildMenuTemplate(noActions, { ...options, platform: 'linux' });
    expect(labels(template)).toEqual(['File', 'editMenu', 'View', 'Spotify', 'windowMenu', 'help']);
    expect(labels(submenu(template[0]))).toEqual([
      'New round',
      'Your taste…',
      'separator',
      'Refresh data',
      'Cancel refresh',
      'separator',
      'Import ratings…',
      'Import listening history…',
      'Export data…',
      'Export playlist…',
      'separator',
      'Open data folder',
      'separator',
      'Settings…',
      'separator',
      'quit',
    ]);
    expect(labels(submenu(template[3]))).toEqual(['Sign in…', 'Sign out']);
    expect(labels(submenu(template[5]))).toEqual(['Earshot Help', 'separator', 'About Earshot']);
    expect(find(template, 'Earshot Help').accelerator).toBe('F1');
    expect(find(template, 'New round').accelerator).toBe('CmdOrCtrl+N');
    expect(find(template, 'Cancel refresh').enabled).toBe(false);
  });

  it('follows macOS conventions: the app menu holds About, Settings…, Services, Hide and Quit', () => {
    const template = buildMenuTemplate(noActions, { ...options, platform: 'darwin' });
    expect(labels(template)).toEqual([
      'Earshot',
      'File',
      'editMenu',
      'View',
      'Spotify',
      'windowMenu',
      'help',
    ]);
    expect(labels(submenu(template[4]))).toEqual(['Sign in…', 'Sign out']);
    expect(labels(submenu(template[6]))).toEqual(['Earshot Help']);
    expect(find(template, 'Earshot Help').accelerator).toBe('Cmd+?');
    expect(labels(submenu(template[0]))).toEqual([
      'about',
      'separator',
      'Settings…',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    expect(find(template, 'Settings…').accelerator).toBe('CmdOrCtrl+,');
    expect(labels(submenu(template[1]))).not.toContain('quit');
  });

  it('offers developer tools only outside a packaged app', () => {
    const packaged = buildMenuTemplate(noActions, { ...options, platform: 'linux' });
    const dev = buildMenuTemplate(noActions, { ...options, platform: 'linux', isPackaged: false });
    expect(labels(submenu(packaged[2]))).not.toContain('toggleDevTools');
    expect(labels(submenu(dev[2]))).toContain('toggleDevTools');
  });

  it('opens Your ratings from the top of View, with a shortcut no other item has', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const template = buildMenuTemplate(noActions, { ...options, platform, isPackaged: false });
      const view = submenu(template.find((menu) => menu.label === 'View'));
      expect(labels(view).slice(0, 4)).toEqual(['Your ratings', 'History', 'separator', 'reload']);
      const items = template.flatMap((menu) => [menu, ...submenu(menu)]);
      const taken = items.filter((i) => i.accelerator === 'CmdOrCtrl+Shift+Y');
      expect(taken.map((i) => i.label)).toEqual(['Your ratings']);
    }
  });

  it('keeps CmdOrCtrl+R for View › Reload alone; Refresh data has a shortcut of its own', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      for (const isPackaged of [true, false]) {
        const template = buildMenuTemplate(noActions, { ...options, platform, isPackaged });
        const items = template.flatMap((menu) => [menu, ...submenu(menu)]);
        const reload = items.find((i) => i.role === 'reload');
        const refresh = find(template, 'Refresh data');
        expect(reload?.accelerator).toBe('CmdOrCtrl+R');
        expect(refresh.accelerator).toBe('CmdOrCtrl+Alt+R');
        expect(items.filter((i) => i.accelerator === 'CmdOrCtrl+R')).toEqual([reload]);
      }
    }
  });

  it('reports an action that fails instead of losing it', async () => {
    const onActionError = vi.fn();
    const failing = { ...noActions, exportData: () => Promise.reject(new Error('disk full')) };
    const template = buildMenuTemplate(failing, { ...options, platform: 'linux', onActionError });
    click(find(template, 'Export data…'));
    await vi.waitFor(() => expect(onActionError).toHaveBeenCalledWith(new Error('disk full')));
  });

  it('opens History from View, with the shortcut web browsers use for it', () => {
    const linux = buildMenuTemplate(noActions, { ...options, platform: 'linux' });
    expect(labels(submenu(linux[2])).slice(0, 4)).toEqual([
      'Your ratings',
      'History',
      'separator',
      'reload',
    ]);
    expect(find(linux, 'History').accelerator).toBe('Ctrl+H');
    const mac = buildMenuTemplate(noActions, { ...options, platform: 'darwin' });
    expect(find(mac, 'History').accelerator).toBe('Cmd+Y');
    const accelerators = [linux, mac].flatMap((template) =>
      template.flatMap((menu) => submenu(menu)).map((i) => `${String(i.accelerator)}`),
    );
    expect(accelerators.filter((a) => a === 'Ctrl+H' || a === 'Cmd+Y')).toHaveLength(2);
  });

  it('switches Refresh data off and Cancel refresh on while a refresh runs', () => {
    const control = registerMenu(noActions, { ...options, platform: 'linux', version: '1.0.0' });
    const menu = Menu.applicationMenu!;
    control.setRefreshing(true);
    expect(menu.getMenuItemById(menuItemIds.refresh)?.enabled).toBe(false);
    expect(menu.getMenuItemById(menuItemIds.cancelRefresh)?.enabled).toBe(true);
    control.setRefreshing(false);
    expect(menu.getMenuItemById(menuItemIds.refresh)?.enabled).toBe(true);
    expect(menu.getMenuItemById(menuItemIds.cancelRefresh)?.enabled).toBe(false);
  });
});
