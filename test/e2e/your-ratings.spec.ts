import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { serveEachTest } from './serve-fixture.ts';

const serve = serveEachTest();

const cards = (page: Page) => page.getByTestId('rate-card');
const starsName = (stars: number) => (stars === 1 ? '1 star' : `${stars} stars`);

async function rateRound(page: Page, stars: number[]): Promise<void> {
  await expect(cards(page)).toHaveCount(stars.length);
  for (const [i, value] of stars.entries())
    await cards(page)
      .nth(i)
      .getByRole('radio', { name: starsName(value) })
      .click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('recommendation')).toHaveCount(3);
}

async function openRatings(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Earshot' })
    .getByRole('link', { name: 'Your ratings' })
    .click();
  await expect(page).toHaveURL(/#\/ratings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your ratings' })).toBeFocused();
}

const ratedList = (page: Page) => page.getByRole('list', { name: 'Your rated songs' });

test('searches by title or artist, without accents, and rates a result at once', async ({
  page,
}, testInfo) => {
  await page.goto(serve().url);
  await expect(cards(page)).toHaveCount(5);

  // Under the round, folded away until opened.
  await page.getByText('Know a song? Search and rate it').click();
  const roundSearch = page.getByRole('search', { name: 'Know a song? Search and rate it' });
  await roundSearch.getByLabel('Title or artist').fill('beyonce irrepl');
  const found = page.getByRole('list', { name: 'Songs found' });
  await expect(found.getByTestId('rated-song')).toHaveCount(1);
  await expect(found).toContainText('Irreplaceable');
  await expect(found).toContainText('Beyoncé');
  await found.getByRole('radio', { name: '4 stars' }).click();
  await expect(page.getByTestId('search-status')).toHaveText('Saved Irreplaceable: 4 stars.');
  await expect(page.getByText('You have rated 1 song so far.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('search-on-round.png'), fullPage: true });

  await openRatings(page);
  await expect(ratedList(page).getByTestId('rated-song')).toHaveCount(1);
  await page
    .getByRole('search', { name: 'Rate a song you know' })
    .getByLabel('Title or artist')
    .fill('MOTÖRHEAD');
  await expect(page.getByRole('list', { name: 'Songs found' })).toContainText('Ace of Spades');
  await page
    .getByRole('list', { name: 'Songs found' })
    .getByRole('radiogroup', { name: 'Your rating for Ace of Spades' })
    .getByRole('radio', { name: '5 stars' })
    .click();
  await expect(ratedList(page).getByTestId('rated-song')).toHaveCount(2);
  await expect(ratedList(page).getByTestId('rated-song').first()).toContainText('Ace of Spades');
  await page
    .getByRole('search', { name: 'Rate a song you know' })
    .getByLabel('Title or artist')
    .fill('zzqx');
  await expect(page.getByTestId('search-status').last()).toHaveText('No song matches “zzqx”.');
});

test('lists your ratings, sorts and filters them, changes one and removes one with Undo', async ({
  page,
}, testInfo) => {
  await page.goto(serve().url);
  await rateRound(page, [5, 1, 4, 2, 3]);
  const rated = await page.getByTestId('reason').count();
  expect(rated).toBeGreaterThan(0);
  await openRatings(page);
  const rows = ratedList(page).getByTestId('rated-song');
  await expect(rows).toHaveCount(5);
  await expect(page.getByText('You have rated 5 songs.')).toBeVisible();

  await page.getByRole('radio', { name: 'Most stars' }).check();
  const checkedStars = async () =>
    Promise.all(
      (await rows.all()).map(async (row) =>
        row.getByRole('radio', { checked: true }).getAttribute('aria-label'),
      ),
    );
  await expect.poll(checkedStars).toEqual(['5 stars', '4 stars', '3 stars', '2 stars', '1 star']);
  await page.screenshot({ path: testInfo.outputPath('your-ratings.png'), fullPage: true });

  const lowest = (await rows.nth(4).locator('.title').textContent()) ?? '';
  await page.getByRole('radio', { name: 'Title' }).check();
  // Titles sort as people read them: without case or accents.
  const key = (title: string) => title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const byTitle = async () => {
    const titles = (await rows.locator('.title').allTextContents()).map(key);
    return titles.every((title, i) => i === 0 || titles[i - 1] <= title);
  };
  await expect.poll(byTitle).toBe(true);

  await page.getByLabel('Find in your ratings').fill(lowest);
  await expect(rows.first()).toContainText(lowest);
  await rows.first().getByRole('radio', { name: '5 stars' }).click();
  await expect(page.getByTestId('ratings-notice')).toHaveText(`${lowest}: 5 stars.`);
  await page.getByLabel('Find in your ratings').fill('');
  await expect(rows).toHaveCount(5);
  await page.reload();
  await expect(rows).toHaveCount(5);
  await expect(rows.first().getByRole('radio', { name: '5 stars' })).toBeChecked();

  const removed = (await rows.nth(1).locator('.title').textContent()) ?? '';
  await rows
    .nth(1)
    .getByRole('button', { name: `Remove your rating of ${removed}` })
    .click();
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('ratings-notice')).toContainText(
    `Removed your rating of ${removed}.`,
  );
  await expect(page.getByText('You have rated 4 songs.')).toBeVisible();
  await page.getByTestId('ratings-notice').getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(5);
  await expect(page.getByText('You have rated 5 songs.')).toBeVisible();
});

test('Start over asks first, naming the ratings, and Undo brings them back', async ({
  page,
}, testInfo) => {
  await page.goto(serve().url);
  await rateRound(page, [5, 5, 4, 2, 1]);
  const picksBefore = await page
    .getByTestId('recommendation')
    .getByRole('heading')
    .allTextContents();

  await page.getByRole('button', { name: 'Start over' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start over?' });
  await expect(dialog).toContainText('This puts all 5 of your ratings aside');
  await page.screenshot({ path: testInfo.outputPath('start-over-confirm.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('recommendation')).toHaveCount(3);

  await page.getByRole('button', { name: 'Start over' }).click();
  await dialog.getByRole('button', { name: 'Start over' }).click();
  await expect(cards(page)).toHaveCount(5);
  const toast = page.getByTestId('undo-toast');
  await expect(toast).toContainText('Started over: 5 ratings set aside.');
  await expect(page.getByText('You have rated')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('start-over-undo.png'), fullPage: true });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('recommendation')).toHaveCount(3);
  await expect(page.getByText('Chosen from 5 ratings')).toBeVisible();
  expect(await page.getByTestId('recommendation').getByRole('heading').allTextContents()).toEqual(
    picksBefore,
  );

  // From Your ratings, after a reload: the undo is offered there until a new rating.
  await page.getByRole('button', { name: 'Start over' }).click();
  await dialog.getByRole('button', { name: 'Start over' }).click();
  await expect(toast).toBeVisible();
  await page.reload();
  await openRatings(page);
  await expect(
    page.getByText('Your 5 earlier ratings are kept until you rate a song again.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Undo start over' }).click();
  await expect(ratedList(page).getByTestId('rated-song')).toHaveCount(5);
  await expect(page.getByRole('button', { name: 'Undo start over' })).toHaveCount(0);
});

test('a half-done round survives a reload: the same songs, stars and swaps', async ({
  page,
}, testInfo) => {
  await page.goto(serve().url);
  await expect(cards(page)).toHaveCount(5);
  await cards(page).nth(2).getByRole('button', { name: "Don't know it" }).click();
  await cards(page).nth(0).getByRole('radio', { name: '4 stars' }).click();
  await cards(page).nth(3).getByRole('radio', { name: '2 stars' }).click();
  const titles = await cards(page).getByRole('heading').allTextContents();
  await expect(page.getByTestId('rated-count')).toHaveText('2 of 5 rated');

  await page.reload();
  await expect(cards(page)).toHaveCount(5);
  expect(await cards(page).getByRole('heading').allTextContents()).toEqual(titles);
  await expect(cards(page).nth(0).getByRole('radio', { name: '4 stars' })).toBeChecked();
  await expect(cards(page).nth(3).getByRole('radio', { name: '2 stars' })).toBeChecked();
  await expect(page.getByTestId('rated-count')).toHaveText('2 of 5 rated');
  await page.screenshot({ path: testInfo.outputPath('round-after-reload.png'), fullPage: true });

  // A fresh page (a restart of the app is the same: the round is kept in the database).
  const other = await page.context().newPage();
  await other.goto(serve().url);
  await expect(other.getByTestId('rate-card')).toHaveCount(5);
  expect(await other.getByTestId('rate-card').getByRole('heading').allTextContents()).toEqual(
    titles,
  );
  await other.close();

  for (const i of [1, 2, 4])
    await cards(page).nth(i).getByRole('radio', { name: '3 stars' }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('recommendation')).toHaveCount(3);
  await page.reload();
  await expect(cards(page)).toHaveCount(5);
  const fresh = await cards(page).getByRole('heading').allTextContents();
  expect(fresh.some((title) => titles.includes(title))).toBe(false);
});
