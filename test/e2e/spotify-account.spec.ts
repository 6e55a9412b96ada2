import { expect, test } from '@playwright/test';
import type { Page, TestInfo } from '@playwright/test';
import { openStore } from '../../main/core/store/store.ts';
import { addRecording } from '../fake-spotify/fake-data.ts';
import { startFakeSpotify } from '../fake-spotify/fake-spotify.ts';
import type { FakeSpotify } from '../fake-spotify/fake-spotify.ts';
import { expectNoAxeViolations } from './axe.ts';
import { buildTemplateDatabase, startServe } from './serve-fixture.ts';
import type { ServeProcess } from './serve-fixture.ts';

let template: Awaited<ReturnType<typeof buildTemplateDatabase>> | undefined;
let fake: FakeSpotify | undefined;
let serve: ServeProcess | undefined;

test.beforeAll(async () => {
  template = await buildTemplateDatabase();
});
test.afterAll(() => template?.remove());
test.beforeEach(async () => {
  if (template === undefined) throw new Error('the template database was not built');
  fake = await startFakeSpotify({
    data: { artists: 4, albumsPerArtist: 1, tracksPerAlbum: 5 },
    account: { displayName: 'Ada Lovelace' },
  });
  fake.account.consent = 'approve';
  // The real sign-in and API code runs in `earshot serve`; only Spotify's address differs.
  serve = await startServe(template.path, {
    EARSHOT_SPOTIFY_API_URL: fake.apiUrl,
    EARSHOT_SPOTIFY_ACCOUNTS_URL: fake.accountsUrl,
    EARSHOT_KEYRING: 'none',
  });
});
test.afterEach(async () => {
  await serve?.stop();
  await fake?.close();
});

/** axe over the page as it stands, in the light and the dark colour scheme as the other specs. */
async function expectNoAxeViolationsInBothSchemes(
  page: Page,
  testInfo: TestInfo,
  name: string,
): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, testInfo, `${name}-${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: null });
}

async function rateFive(page: Page): Promise<void> {
  const cards = page.getByTestId('rate-card');
  await expect(cards).toHaveCount(5);
  for (const [i, stars] of [5, 4, 5, 2, 1].entries())
    await cards
      .nth(i)
      .getByRole('radio', { name: stars === 1 ? '1 star' : `${stars} stars` })
      .click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('recommendation')).toHaveCount(3);
}

test('signs in to Spotify in a new tab, uses the listening, saves the picks and a past set as playlists and signs out', async ({
  page,
}, testInfo) => {
  // Six states, each through axe in two colour schemes (seconds apiece on a busy machine).
  test.slow();
  if (serve === undefined || fake === undefined) throw new Error('not started');
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(serve.url);
  await rateFive(page);

  // Signed out, the results offer the save and lead to Settings.
  await page.getByRole('button', { name: 'Save as Spotify playlist…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const form = dialog.getByRole('form', { name: 'Spotify account' });
  await expect(form.getByText('http://127.0.0.1/callback')).toBeVisible();
  await form.screenshot({ path: testInfo.outputPath('spotify-signed-out.png') });
  await expectNoAxeViolationsInBothSchemes(page, testInfo, 'spotify-signed-out');
  await form.getByLabel('Client id').fill(fake.clientId);
  const tab = page.context().waitForEvent('page');
  await form.getByRole('button', { name: 'Sign in with Spotify' }).click();
  // The new tab is the browser's trip to Spotify and back to Earshot's one-shot listener.
  const spotifyTab = await tab;
  await expect(spotifyTab.getByRole('heading')).toHaveText('Signed in to Earshot');
  await expect(spotifyTab.getByText('signed in to Spotify as Ada Lovelace')).toBeVisible();
  await spotifyTab.close();
  await expect(form.getByTestId('spotify-user')).toHaveText('Ada Lovelace');
  await form.screenshot({ path: testInfo.outputPath('spotify-signed-in.png') });
  await expectNoAxeViolationsInBothSchemes(page, testInfo, 'spotify-signed-in');

  await form.getByRole('button', { name: 'Use my Spotify listening' }).click();
  await expect(form.getByTestId('spotify-imported')).toContainText('Read 0 top tracks');
  await expectNoAxeViolationsInBothSchemes(page, testInfo, 'spotify-imported');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Spotify knows the picked recordings: the save finds them by title and artists.
  const titles = await page.getByTestId('recommendation').getByRole('heading').allTextContents();
  const store = openStore(serve.dbPath);
  const catalog = store.tracks.list();
  store.close();
  for (const title of titles) {
    const track = catalog.find((t) => t.title === title.trim());
    if (track === undefined) throw new Error(`no pick titled ${title}`);
    addRecording(fake.data, track.title, track.artists);
  }
  await page.getByRole('button', { name: 'Save as Spotify playlist' }).click();
  const save = page.getByTestId('save-to-spotify');
  await expect(save.getByLabel('Playlist name')).toBeVisible();
  await expectNoAxeViolationsInBothSchemes(page, testInfo, 'save-to-spotify');
  await save.getByLabel('Playlist name').fill('Sunday picks');
  await save.getByRole('button', { name: 'Save as private playlist' }).click();
  await expect(save.getByTestId('playlist-saved')).toContainText('Saved “Sunday picks”: 3 songs');
  await save.screenshot({ path: testInfo.outputPath('save-to-spotify.png') });
  await expectNoAxeViolationsInBothSchemes(page, testInfo, 'playlist-saved');
  const made = [...fake.account.created.values()];
  expect(made).toHaveLength(1);
  expect(made[0]).toMatchObject({ name: 'Sunday picks', isPublic: false });
  expect(made[0]?.uris).toHaveLength(3);

  await save.getByRole('button', { name: 'Save as private playlist' }).click();
  await expect(save.getByTestId('playlist-saved')).toContainText('Updated “Sunday picks”');
  expect(fake.account.created.size).toBe(1);

  // A past set saves from the History page as a playlist of its own, named for its day.
  const picks = page.getByTestId('recommendation');
  await picks.first().getByRole('radio', { name: '5 stars' }).click();
  await expect(picks.first().getByRole('heading')).not.toHaveText(titles[0]);
  await page
    .getByRole('navigation', { name: 'Earshot' })
    .getByRole('link', { name: 'History' })
    .click();
  await page
    .getByTestId('pick-set')
    .nth(1)
    .getByRole('button', { name: /^Open the picks of / })
    .click();
  const saveSet = page.getByTestId('save-to-spotify');
  await expect(saveSet.getByTestId('playlist-saved')).toHaveCount(0);
  await saveSet.getByRole('button', { name: 'Save as Spotify playlist' }).click();
  await expect(saveSet.getByLabel('Playlist name')).toHaveValue(/^Earshot picks of /);
  await saveSet.getByRole('button', { name: 'Save as private playlist' }).click();
  await expect(saveSet.getByTestId('playlist-saved')).toContainText(
    /Saved “Earshot picks of .+”: 3 songs/,
  );
  await page.screenshot({
    path: testInfo.outputPath('history-save-to-spotify.png'),
    fullPage: true,
  });
  await expectNoAxeViolationsInBothSchemes(page, testInfo, 'history-playlist-saved');
  expect(fake.account.created.size).toBe(2);
  const setPlaylist = [...fake.account.created.values()][1];
  expect(setPlaylist).toMatchObject({ isPublic: false });
  expect(setPlaylist?.uris).toEqual(made[0]?.uris);

  await page.getByRole('button', { name: 'Settings' }).click();
  await form.getByRole('button', { name: 'Sign out' }).click();
  await expect(form.getByRole('button', { name: 'Sign in with Spotify' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('says so when the listener declines on Spotify’s page', async ({ page }, testInfo) => {
  if (serve === undefined || fake === undefined) throw new Error('not started');
  fake.account.consent = 'deny';
  await page.goto(serve.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const form = page
    .getByRole('dialog', { name: 'Settings' })
    .getByRole('form', { name: 'Spotify account' });
  await form.getByLabel('Client id').fill(fake.clientId);
  const tab = page.context().waitForEvent('page');
  await form.getByRole('button', { name: 'Sign in with Spotify' }).click();
  const spotifyTab = await tab;
  await expect(spotifyTab.getByRole('heading')).toHaveText('Earshot is not signed in');
  await expect(form.getByTestId('spotify-error')).toContainText('You declined the sign-in');
  await expect(form.getByRole('button', { name: 'Sign in with Spotify' })).toBeVisible();
  await expectNoAxeViolationsInBothSchemes(page, testInfo, 'spotify-declined');
});
