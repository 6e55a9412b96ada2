/**
 * How test/e2e/electron.spec.ts finds and launches Electron, as plain functions so that
 * test/desktop/electron-launch.test.ts can check them where no Electron binary exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary = { readonly path: string } | { readonly reason: string };

/**
 * Where `require('electron')` would point, found without calling it (from Node, that `require`
 * downloads a missing binary). The same rule as the electron package's own index.js:
 * `ELECTRON_OVERRIDE_DIST_PATH`, when set, is the folder of the binary, named as `path.txt`
 * says or `electron`; otherwise the binary is `dist/<path.txt>` inside the package.
 */
export function findElectronBinary(
  packageDir: string | undefined,
  env: NodeJS.ProcessEnv,
): ElectronBinary {
  if (packageDir === undefined) return { reason: 'the electron package is not installed (npm ci)' };
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    const binary = join(override, executable || 'electron');
    return existsSync(binary)
      ? { path: binary }
      : { reason: `${binary} (from ELECTRON_OVERRIDE_DIST_PATH) does not exist` };
  }
  if (executable === undefined)
    return { reason: `${pathFile} is missing: the binary was never downloaded` };
  const binary = join(packageDir, 'dist', executable);
  return existsSync(binary) ? { path: binary } : { reason: `${binary} does not exist` };
}

/**
 * Chromium's sandbox refuses to start as root on Linux (a container, a CI runner): only there
 * is it turned off. Everywhere else the app runs sandboxed, as users run it.
 */
export function electronLaunchArgs(
  appDir: string,
  platform: NodeJS.Platform,
  uid: number | undefined,
): string[] {
  return platform === 'linux' && uid === 0 ? ['--no-sandbox', appDir] : [appDir];
}

/** Why the Electron spec cannot run here, or undefined when it can. */
export function whyElectronCannotRun(
  binary: ElectronBinary,
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
): string | undefined {
  if ('reason' in binary) return `Electron binary not installed: ${binary.reason}`;
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY)
    return 'No display: run under xvfb-run (or a desktop session) to launch Electron';
  return undefined;
}

/**
 * What the spec does when Electron cannot run: skip, saying why, unless
 * `EARSHOT_REQUIRE_ELECTRON=1` says this machine must run it (a CI job with Electron), where a
 * skip would hide that the desktop went untested.
 */
export function electronSpecPlan(
  reason: string | undefined,
  env: NodeJS.ProcessEnv,
): { readonly action: 'run' } | { readonly action: 'skip' | 'fail'; readonly reason: string } {
  if (reason === undefined) return { action: 'run' };
  return env.EARSHOT_REQUIRE_ELECTRON === '1'
    ? { action: 'fail', reason }
    : { action: 'skip', reason };
}
