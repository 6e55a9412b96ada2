import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from '../../main/desktop/app-paths.ts';

describe('resolveAppPaths', () => {
  it('finds the catalog under process.resourcesPath in a packaged app', () => {
    const paths = resolveAppPaths({
      appPath: '/opt/Earshot/resources/app.asar',
      resourcesPath: '/opt/Earshot/resources',
      isPackaged: true,
      env: { HOME: '/home/me' },
      platform: 'linux',
    });
    expect(paths.catalog).toBe(join('/opt/Earshot/resources', 'catalog', 'catalog.json'));
    expect(paths.preload).toBe(
      join('/opt/Earshot/resources/app.asar', 'out', 'preload', 'index.cjs'),
    );
    expect(paths.rendererUrl).toBe(
      'file:///opt/Earshot/resources/app.asar/out/renderer/index.html',
    );
    expect(paths.windowIcon).toBeUndefined();
  });

  it('finds everything in the checkout when run with `npm start`', () => {
    const paths = resolveAppPaths({
      appPath: '/src/earshot',
      resourcesPath: '/src/earshot/node_modules/electron/dist/resources',
      isPackaged: false,
      env: {},
      platform: 'linux',
    });
    expect(paths.catalog).toBe(join('/src/earshot', 'resources', 'catalog', 'catalog.json'));
    expect(paths.rendererIndex).toBe(join('/src/earshot', 'out', 'renderer', 'index.html'));
    expect(paths.windowIcon).toBe(join('/src/earshot', 'resources', 'icon-512.png'));
  });

  it('shares the database with the CLI: EARSHOT_DB, else the per-user folder', () => {
    const input = {
      appPath: '/a',
      resourcesPath: '/r',
      isPackaged: true,
      platform: 'linux' as const,
    };
    const custom = resolveAppPaths({ ...input, env: { EARSHOT_DB: '/tmp/x/my.db' } });
    expect(custom.database).toBe('/tmp/x/my.db');
    expect(custom.dataDir).toBe('/tmp/x');
    const standard = resolveAppPaths({ ...input, env: { XDG_CONFIG_HOME: '/home/me/.config' } });
    expect(standard.database).toBe(join('/home/me/.config', 'Earshot', 'earshot.db'));
    expect(standard.dataDir).toBe(join('/home/me/.config', 'Earshot'));
  });
});
