/**
 * What a card shows to judge a song by: the album cover when Spotify gave one (the placeholder
 * when it does not load), the genres as tags, and a Spotify link named after the song. The
 * template's tracks get cover URLs on i.scdn.co, which the page's CSP allows; the test serves
 * those addresses itself (the machine cannot reach Spotify), so the real <img> path is taken.
 */
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { serveEachTest } from './serve-fixture.ts';

const extraGenres = ['ambient', 'bossa nova', 'progressive bluegrass'];

const serve = serveEachTest((path) => {
  const db = new Database(path);
  db.prepare(`UPDATE tracks SET image_url = 'https://i.scdn.co/image/e2e' || id`).run();
  const addGenre = db.prepare(
    'INSERT OR IGNORE INTO track_genres (track_id, genre) SELECT id, ? FROM tracks',
  );
  for (const genre of extraGenres) addGenre.run(genre);
  db.close();
});

/** A 300 px square "cover" for any i.scdn.co address: a colour and the image's name. */
async function serveCovers(page: Page, status: 200 | 404 = 200): Promise<string[]> {
  const requested: string[] = [];
  await page.route('https://i.scdn.co/image/**', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    requested.push(name);
    if (status === 404) return route.fulfill({ status: 404, body: 'gone' });
    const hue = (Number(name.replace(/\D/g, '')) * 47) % 360;
    await route.fulfill({
      contentType: 'image/svg+xml',
      body: `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300">
        <rect width="300" height="300" fill="hsl(${hue} 45% 40%)"/>
        <text x="24" y="270" font-size="36" fill="white" font-family="sans-serif">${name}</text>
      </svg>`,
    });
  });
  return requested;
}

const cards = (page: Page) => page.getByTestId('rate-card');

test('cards show the album cover with its alt text, genres as tags, and name their links', async ({
  page,
}, testInfo) => {
  // A whole round and its picks, two runs of axe and four screenshots.
  test.slow();
  const requested = await serveCovers(page);
  await page.goto(serve().url);
  await expect(cards(page)).toHaveCount(5);

  for (const card of await cards(page).all()) {
    const cover = card.getByRole('img', { name: /^Cover of / });
    await expect(cover).toHaveAttribute('src', /^https:\/\/i\.scdn\.co\/image\/e2e\d+$/);
    await expect
      .poll(() => cover.evaluate((image: { naturalWidth: number }) => image.naturalWidth))
      .toBe(300);
    await expect(card.getByTestId('cover-placeholder')).toHaveCount(0);

    // At most three tags and "+N"; every genre in the accessible text and the tooltip.
    const genres = card.getByTestId('genres');
    const label = (await genres.getAttribute('title')) ?? '';
    const all = label.replace(/^Genres: /, '').split(', ');
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(all).toEqual(expect.arrayContaining(extraGenres));
    await expect(genres.locator('.tag:not(.more)')).toHaveCount(3);
    await expect(genres.locator('.tag.more')).toHaveText(`+${all.length - 3}`);
    await expect(genres).toContainText(label);
  }
  expect(requested).toHaveLength(5);
  await expectNoAxeViolations(page, testInfo, 'round-with-covers');

  for (const [index, card] of (await cards(page).all()).entries())
    await card.getByRole('radio', { name: `${[5, 4, 5, 2, 3][index]} stars` }).click();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page
      .getByRole('list', { name: 'Songs to rate' })
      .screenshot({ path: testInfo.outputPath(`cards-with-covers-${colorScheme}.png`) });
  }

  await page.getByRole('button', { name: 'Submit' }).click();
  const picks = page.getByTestId('recommendation');
  await expect(picks).toHaveCount(3);
  for (const pick of await picks.all()) {
    const title = (await pick.getByRole('heading', { level: 2 }).textContent()) ?? '';
    const artists = (await pick.locator('.artists').textContent()) ?? '';
    await expect(pick.getByRole('img', { name: /^Cover of / })).toBeVisible();
    await expect(
      pick.getByRole('link', { name: `Search Spotify for “${title}” by ${artists}`, exact: true }),
    ).toHaveAttribute('href', /^https:\/\/open\.spotify\.com\/search\//);
  }
  await expectNoAxeViolations(page, testInfo, 'results-with-covers');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page
      .getByTestId('recommendation')
      .first()
      .locator('xpath=..')
      .screenshot({ path: testInfo.outputPath(`picks-with-covers-${colorScheme}.png`) });
  }
});

test('a cover that fails to load gives way to the placeholder', async ({ page }, testInfo) => {
  const requested = await serveCovers(page, 404);
  await page.goto(serve().url);
  await expect(cards(page)).toHaveCount(5);
  await expect(page.getByTestId('cover-placeholder')).toHaveCount(5);
  await expect(cards(page).getByRole('img', { name: /^Cover of / })).toHaveCount(0);
  expect(requested).toHaveLength(5);
  await expectNoAxeViolations(page, testInfo, 'round-covers-failed');
});
