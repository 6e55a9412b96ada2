import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations } from './axe.ts';
import { runEarshot, serveEachTest } from './serve-fixture.ts';

interface CatalogEntry {
  readonly title: string;
  readonly artists: readonly string[];
  readonly genres: readonly string[];
}
/** The embedded catalog, to look up the genres of a song the page shows by its title. */
const catalog = (
  JSON.parse(
    readFileSync(new URL('../../resources/catalog/catalog.json', import.meta.url), 'utf8'),
  ) as { tracks: CatalogEntry[] }
).tracks;

const serve = serveEachTest();

test('a first run offers the taste start, and the round that follows is of the liked genres and artist', async ({
  page,
}, testInfo) => {
  // The shared template skipped the taste start; this listener has not seen it yet.
  await runEarshot(['taste', '--clear', '--db', serve().dbPath]);
  await page.goto(serve().url);
  await expect(page).toHaveURL(/#\/taste$/);
  await expect(page.getByRole('heading', { level: 1, name: 'What do you like?' })).toBeFocused();
  const start = page.getByRole('button', { name: 'Start rating' });
  await expect(start).toBeDisabled();

  await page.getByRole('button', { name: 'folk: no opinion' }).click();
  await page.getByRole('button', { name: 'jazz: no opinion' }).click();
  await page.getByRole('button', { name: 'metal: no opinion' }).click();
  await page.getByRole('button', { name: 'metal: liked' }).click();
  await expect(page.getByRole('button', { name: 'metal: disliked' })).toBeVisible();
  await page.getByLabel('Find an artist you like').fill('nick dr');
  await page.getByRole('button', { name: '+ Nick Drake' }).click();
  await expect(page.getByRole('button', { name: 'Remove Nick Drake' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('taste.png'), fullPage: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, testInfo, `taste-${colorScheme}`);
  }
  await page.screenshot({ path: testInfo.outputPath('taste-dark.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  await start.click();
  await expect(page).toHaveURL(/#\/$/);
  const cards = page.getByTestId('rate-card');
  await expect(cards).toHaveCount(5);
  for (const title of await cards.locator('h2').allTextContents()) {
    const songs = catalog.filter((t) => t.title === title.trim());
    expect(songs.length, title).toBeGreaterThan(0);
    // Every song of that title is of a liked genre or artist, and none is metal.
    for (const song of songs) {
      const liked =
        song.genres.includes('folk') ||
        song.genres.includes('jazz') ||
        song.artists.includes('Nick Drake');
      expect(liked, `${title}: ${song.genres.join(', ')}`).toBe(true);
      expect(song.genres).not.toContain('metal');
    }
  }
  await page.screenshot({ path: testInfo.outputPath('taste-round.png'), fullPage: true });

  // Middling stars say little of the listener yet: the picks lean on the taste, and say so.
  for (const card of await cards.all()) await card.getByRole('radio', { name: '3 stars' }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('recommendation')).toHaveCount(3);
  await expect(
    page
      .getByTestId('reason')
      .getByText(/Because you like/)
      .first(),
  ).toBeVisible();
  await expectNoAxeViolations(page, testInfo, 'taste-picks');
  await page.screenshot({ path: testInfo.outputPath('taste-picks.png'), fullPage: true });

  // Your taste in the top bar shows what was saved.
  await page
    .getByRole('navigation', { name: 'Earshot' })
    .getByRole('link', { name: 'Your taste' })
    .click();
  await expect(page.getByRole('button', { name: 'folk: liked' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'metal: disliked' })).toBeVisible();
});

test('Skip goes to the round and the taste start is not offered again', async ({ page }) => {
  await runEarshot(['taste', '--clear', '--db', serve().dbPath]);
  await page.goto(serve().url);
  await page.getByRole('button', { name: 'Skip' }).click();
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByTestId('rate-card')).toHaveCount(5);
  await page.reload();
  await expect(page.getByTestId('rate-card')).toHaveCount(5);
  await expect(page).toHaveURL(/#\/$/);
});
