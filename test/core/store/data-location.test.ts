import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDatabasePath } from '../../../main/core/store/data-location.ts';

describe('resolveDatabasePath', () => {
  it('prefers --db, then EARSHOT_DB, then the data folder', () => {
    const env = { EARSHOT_DB: '/env/e.db', XDG_CONFIG_HOME: '/xdg' };
    expect(resolveDatabasePath('/flag/e.db', env, 'linux')).toBe('/flag/e.db');
    expect(resolveDatabasePath(undefined, env, 'linux')).toBe('/env/e.db');
    expect(resolveDatabasePath(undefined, { XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe(
      join('/xdg', 'Earshot', 'earshot.db'),
    );
  });
});

describe('defaultDataDir', () => {
  it("matches Electron's userData folder on each platform", () => {
    expect(defaultDataDir('linux', {}, '/home/ann')).toBe(join('/home/ann', '.config', 'Earshot'));
    expect(defaultDataDir('darwin', {}, '/Users/ann')).toBe(
      join('/Users/ann', 'Library', 'Application Support', 'Earshot'),
    );
    expect(
      defaultDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann'),
    ).toBe(join('C:\\Users\\ann\\AppData\\Roaming', 'Earshot'));
  });
});
