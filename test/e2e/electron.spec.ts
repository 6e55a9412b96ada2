/**
 * The desktop app itself, end to end: launch Electron on the built app, rate five songs,
 * submit, see three recommendations — and check from inside the running page that it sees no
 * Node and only `window.earshot` (the window's settings are checked in test/desktop).
 *
 * It needs the Electron binary, which `npm ci` does not fetch (Electron downloads it on first
 * launch; ELECTRON_OVERRIDE_DIST_PATH points at one elsewhere), and a display. Where either is
 * missing the spec is skipped, saying which, or fails with EARSHOT_REQUIRE_ELECTRON=1.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  electronLaunchArgs,
  electronSpecPlan,
  findElectronBinary,
  whyElectronCannotRun,
} from './electron-launch.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

function electronPackageDir(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

const binary = findElectronBinary(electronPackageDir(), process.env);
const plan = electronSpecPlan(
  whyElectronCannotRun(binary, process.platform, process.env),
  process.env,
);
// Reporters show a skip without its reason; a CI log should say why the desktop went untested.
if (plan.action === 'skip') process.stderr.write(`electron.spec.ts skipped: ${plan.reason}\n`);
test.skip(plan.action === 'skip', plan.action === 'skip' ? plan.reason : '');

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  // EARSHOT_REQUIRE_ELECTRON=1: a machine that must test the desktop fails instead of skipping.
  if (plan.action === 'fail') throw new Error(`EARSHOT_REQUIRE_ELECTRON=1, but ${plan.reason}`);
  if (!('path' in binary)) throw new Error(binary.reason);
  execFileSync('npm', ['run', 'build'], {
    cwd: projectRoot,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  dataDir = mkdtempSync(join(tmpdir(), 'earshot-electron-'));
  app = await electron.launch({
    executablePath: binary.path,
    args: electronLaunchArgs(projectRoot, process.platform, process.getuid?.()),
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
    'exportPlaylist',
    'getSettings',
    'getState',
    'getTaste',
    'importHistory',
    'importSpotifyListening',
    'listRatings',
    'notInterested',
    'on',
    'pickSet',
    'pickSets',
    'rateSong',
    'ready',
    'recommend',
    'refreshData',
    'removeRating',
    'roundDraft',
    'saveRound',
    'saveSpotifyPlaylist',
    'searchTracks',
    'setModelParameters',
    'setPreferences',
    'setSpotifyCredentials',
    'setSpotifySources',
    'setTaste',
    'skipSong',
    'songsToRate',
    'spotifyAccount',
    'spotifySignIn',
    'spotifySignOut',
    'startOver',
    'submitRatings',
    'undoStartOver',
  ]);
  const opened = await page.evaluate(() => {
    const open = (globalThis as unknown as { open: (url: string) => unknown }).open;
    return open('https://evil.example/') === null;
  });
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);
});

test('rates five songs, submits, and shows three recommendations', async () => {
  // A first run offers the taste start; this test rates the round as it comes.
  await page.getByRole('button', { name: 'Skip' }).click({ timeout: 30_000 });
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
