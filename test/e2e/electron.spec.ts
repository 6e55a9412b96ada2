/**
 * The desktop app itself, end to end: launch Electron on the built app, rate five songs,
 * submit, see three recommendations — and check from inside the running page that it sees no
 * Node and only `window.earshot` (the window's settings are checked in test/desktop).
 *
 * It needs the Electron binary, which `npm ci` does not fetch (Electron downloads it on first
 * launch), and a display. Where either is missing the spec is skipped, saying which.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where `require('electron')` would point, found without calling it: from a Node process that
 * `require` tries to download a missing binary, which must not happen inside a test run.
 */
function findElectron(): { path: string } | { reason: string } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed (npm ci)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile))
    return { reason: `${pathFile} is missing: the binary was never downloaded` };
  const relative = readFileSync(pathFile, 'utf8');
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = join(distDir, relative);
  return existsSync(binary) ? { path: binary } : { reason: `${binary} does not exist` };
}

function whyNotHere(): string | undefined {
  const found = findElectron();
  if ('reason' in found) return `Electron binary not installed: ${found.reason}`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'No display: run under xvfb-run (or a desktop session) to launch Electron';
  return undefined;
}

const skipReason = whyNotHere();
// Reporters show a skip without its reason; a CI log should say why the desktop went untested.
if (skipReason !== undefined) process.stderr.write(`electron.spec.ts skipped: ${skipReason}\n`);
test.skip(skipReason !== undefined, skipReason ?? '');

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  const found = findElectron();
  if (!('path' in found)) throw new Error(found.reason);
  execFileSync('npm', ['run', 'build'], {
    cwd: projectRoot,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  dataDir = mkdtempSync(join(tmpdir(), 'earshot-electron-'));
  app = await electron.launch({
    executablePath: found.path,
    args: [projectRoot],
    env: { ...process.env, EARSHOT_DB: join(dataDir, 'earshot.db') },
  });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the page sees no Node, only window.earshot, and cannot open windows', async () => {
  const seen = await page.evaluate(() => {
    const page = globalThis as unknown as Record<string, unknown>;
    return {
      require: typeof page.require,
      process: typeof page.process,
      earshot: Object.keys(page.earshot as object).sort(),
    };
  });
  expect(seen.require).toBe('undefined');
  expect(seen.process).toBe('undefined');
  expect(seen.earshot).toEqual([
    'cancelRefresh',
    'clearSpotifyCredentials',
    'getSettings',
    'getState',
    'notInterested',
    'on',
    'ready',
    'recommend',
    'refreshData',
    'setModelParameters',
    'setPreferences',
    'setSpotifyCredentials',
    'setSpotifySources',
    'skipSong',
    'songsToRate',
    'startOver',
    'submitRatings',
  ]);
  const opened = await page.evaluate(() => {
    const open = (globalThis as unknown as { open: (url: string) => unknown }).open;
    return open('https://evil.example/') === null;
  });
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);
});

test('rates five songs, submits, and shows three recommendations', async () => {
  const cards = page.getByTestId('rate-card');
  await expect(cards).toHaveCount(5, { timeout: 30_000 });
  const stars = [5, 4, 5, 2, 1];
  for (const [i, value] of stars.entries()) {
    await cards
      .nth(i)
      .getByRole('radio', { name: value === 1 ? '1 star' : `${value} stars` })
      .click();
  }
  await page.getByRole('button', { name: 'Submit' }).click();
  const picks = page.getByTestId('recommendation');
  await expect(picks).toHaveCount(3, { timeout: 30_000 });
  await expect(picks.first().getByTestId('predicted-stars')).toHaveText(/^[1-5]\.\d ★$/);
});
