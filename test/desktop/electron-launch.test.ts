import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  electronLaunchArgs,
  electronSpecPlan,
  findElectronBinary,
  whyElectronCannotRun,
} from '../e2e/electron-launch.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** An electron package folder as npm leaves it: with or without path.txt and dist/. */
function electronPackage(options: { pathTxt?: string; binary?: boolean }): string {
  const dir = makeTempDir();
  if (options.pathTxt !== undefined) writeFileSync(join(dir, 'path.txt'), options.pathTxt);
  if (options.binary) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', options.pathTxt ?? 'electron'), '');
  }
  return dir;
}

describe('finding the Electron binary for the end-to-end spec', () => {
  it('uses ELECTRON_OVERRIDE_DIST_PATH when set, as electron’s index.js does, without path.txt', () => {
    const override = makeTempDir();
    writeFileSync(join(override, 'electron'), '');
    const found = findElectronBinary(electronPackage({}), {
      ELECTRON_OVERRIDE_DIST_PATH: override,
    });
    expect(found).toEqual({ path: join(override, 'electron') });
  });

  it('names the overriding binary as path.txt does (Electron.app/… on macOS)', () => {
    const override = makeTempDir();
    const relative = join('Electron.app', 'Contents', 'MacOS', 'Electron');
    mkdirSync(join(override, 'Electron.app', 'Contents', 'MacOS'), { recursive: true });
    writeFileSync(join(override, relative), '');
    const found = findElectronBinary(electronPackage({ pathTxt: relative }), {
      ELECTRON_OVERRIDE_DIST_PATH: override,
    });
    expect(found).toEqual({ path: join(override, relative) });
  });

  it('says what is missing: the package, path.txt, or the binary', () => {
    expect(findElectronBinary(undefined, {})).toEqual({
      reason: 'the electron package is not installed (npm ci)',
    });
    const reasonOf = (found: ReturnType<typeof findElectronBinary>): string =>
      'reason' in found ? found.reason : `found ${found.path}`;
    expect(reasonOf(findElectronBinary(electronPackage({}), {}))).toMatch(/path\.txt is missing/);
    expect(reasonOf(findElectronBinary(electronPackage({ pathTxt: 'electron' }), {}))).toMatch(
      /dist\/electron does not exist$/,
    );
    const dir = electronPackage({ pathTxt: 'electron', binary: true });
    expect(findElectronBinary(dir, {})).toEqual({ path: join(dir, 'dist', 'electron') });
  });
});

describe('launching it', () => {
  it('turns the sandbox off only for root on Linux', () => {
    expect(electronLaunchArgs('/app', 'linux', 0)).toEqual(['--no-sandbox', '/app']);
    expect(electronLaunchArgs('/app', 'linux', 1000)).toEqual(['/app']);
    expect(electronLaunchArgs('/app', 'darwin', 0)).toEqual(['/app']);
    expect(electronLaunchArgs('/app', 'win32', undefined)).toEqual(['/app']);
  });

  it('skips where Electron cannot run, and fails there with EARSHOT_REQUIRE_ELECTRON=1', () => {
    const missing = whyElectronCannotRun({ reason: 'no binary' }, 'linux', { DISPLAY: ':0' });
    expect(missing).toBe('Electron binary not installed: no binary');
    expect(electronSpecPlan(missing, {})).toEqual({ action: 'skip', reason: missing });
    expect(electronSpecPlan(missing, { EARSHOT_REQUIRE_ELECTRON: '1' })).toEqual({
      action: 'fail',
      reason: missing,
    });
    const headless = whyElectronCannotRun({ path: '/e' }, 'linux', {});
    expect(headless).toMatch(/^No display/);
    expect(whyElectronCannotRun({ path: '/e' }, 'linux', { DISPLAY: ':99' })).toBeUndefined();
    expect(electronSpecPlan(undefined, { EARSHOT_REQUIRE_ELECTRON: '1' })).toEqual({
      action: 'run',
    });
  });
});
