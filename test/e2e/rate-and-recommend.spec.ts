import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { serveEachTest } from './serve-fixture.ts';

const serve = serveEachTest();

const cards = (page: Page) => page.getByTestId('rate-card');

const escapeRegExp = (text: string | null) => (text ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Gives every card on screen the stars in `stars`, by clicking. */
async function rateAllByMouse(page: Page, stars: number[]): Promise<void> {
  await expect(cards(page)).toHaveCount(stars.length);
  for (const [i, value] of stars.entries()) {
    await cards(page)
      .nth(i)
      .getByRole('radio', { name: value === 1 ? '1 star' : `${value} stars` })
      .click();
  }
}

test('rates five songs by mouse, skips one, and gets three recommendations with reasons', async ({
  page,
}, testInfo) => {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(serve().url);
  await expect(cards(page)).toHaveCount(5);
  const submit = page.getByRole('button', { name: 'Submit' });
  await expect(submit).toBeDisabled();

  const firstTitle = await cards(page).nth(0).getByRole('heading').textContent();
  await cards(page).nth(0).getByRole('button', { name: "Don't know it" }).click();
  await expect(cards(page).nth(0).getByRole('heading')).not.toHaveText(firstTitle ?? '');

  await rateAllByMouse(page, [5, 4, 5, 2, 1]);
  await expect(submit).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('rate-screen.png'), fullPage: true });
  await submit.click();

  const picks = page.getByTestId('recommendation');
  await expect(picks).toHaveCount(3);
  await expect(picks.first().getByTestId('predicted-stars')).toHaveText(/^[1-5]\.\d ★$/);
  await expect(page.getByTestId('reason').first()).toContainText(/Because you liked/);
  await expect(picks.first().getByTestId('confidence')).not.toBeEmpty();
  // The link says which song it opens: the visible words first, then the song.
  const title = await picks.first().getByRole('heading').textContent();
  const artists = await picks.first().locator('.artists').textContent();
  const spotify = picks.first().getByRole('link');
  await expect(spotify).toHaveAccessibleName(
    new RegExp(
      `^(Open in Spotify:|Search Spotify for) “${escapeRegExp(title)}” by ${escapeRegExp(artists)}$`,
    ),
  );
  await expect(spotify).toHaveAttribute('href', /^https:\/\/open\.spotify\.com\//);
  await page.screenshot({ path: testInfo.outputPath('results-screen.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('does the whole flow by keyboard: keys 1-5 on each star group, then Submit', async ({
  page,
}) => {
  await page.goto(serve().url);
  await expect(cards(page)).toHaveCount(5);
  for (let i = 0; i < 5; i++) {
    const group = cards(page).nth(i).getByRole('radiogroup');
    await group.getByRole('radio').first().focus();
    await page.keyboard.press(String([5, 3, 4, 1, 2][i]));
    await expect(group.getByRole('radio', { checked: true })).toHaveCount(1);
  }
  await expect(cards(page).nth(0).getByRole('radio', { name: '5 stars' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  const submit = page.getByRole('button', { name: 'Submit' });
  await submit.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('recommendation')).toHaveCount(3);
});

test('rates more songs to refine the list, then starts over from nothing', async ({ page }) => {
  await page.goto(serve().url);
  await rateAllByMouse(page, [5, 5, 4, 2, 1]);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('recommendation')).toHaveCount(3);

  await page.getByRole('button', { name: 'Rate more songs' }).click();
  await rateAllByMouse(page, [3, 4, 2, 5, 1]);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('recommendation')).toHaveCount(3);
  await expect(page.getByText('Chosen from 10 ratings')).toBeVisible();

  await page.getByRole('button', { name: 'Start over' }).click();
  await page
    .getByRole('dialog', { name: 'Start over?' })
    .getByRole('button', { name: 'Start over' })
    .click();
  await expect(cards(page)).toHaveCount(5);
  await page.reload();
  await expect(cards(page)).toHaveCount(5);
  await expect(page.getByRole('button', { name: 'Submit' })).toBeDisabled();
});

test('keeps the listener profile across a reload', async ({ page }) => {
  await page.goto(serve().url);
  await rateAllByMouse(page, [5, 4, 3, 2, 1]);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('recommendation')).toHaveCount(3);
  await page.reload();
  await expect(page.getByText('You have rated 5 songs so far.')).toBeVisible();
  await page.getByRole('button', { name: 'See your recommendations' }).click();
  await expect(page.getByTestId('recommendation')).toHaveCount(3);
});

test('shows an error state when the server goes away', async ({ page }) => {
  await page.goto(serve().url);
  await rateAllByMouse(page, [5, 4, 3, 2, 1]);
  await serve().stop();
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('error-state')).toBeVisible();
  await expect(page.getByTestId('error-state')).toContainText(/not reachable/i);
});

test('waves off one pick and rates another right on the results', async ({ page }, testInfo) => {
  await page.goto(serve().url);
  await expect(cards(page)).toHaveCount(5);
  await rateAllByMouse(page, [5, 5, 4, 2, 1]);
  await page.getByRole('button', { name: 'Submit' }).click();
  const picks = page.getByTestId('recommendation');
  await expect(picks).toHaveCount(3);
  const titles = async () => picks.getByRole('heading').allTextContents();
  const [first] = await titles();

  await picks.first().getByTestId('not-interested').click();
  await expect(picks.getByRole('heading', { name: first, exact: true })).toHaveCount(0);
  await expect(picks).toHaveCount(3);

  const second = (await titles())[0];
  await picks.first().getByRole('radio', { name: '5 stars' }).click();
  await expect(picks.getByRole('heading', { name: second, exact: true })).toHaveCount(0);
  await expect(
    page.getByText('Chosen from 6 ratings, the likeliest to please you first'),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('results-after-feedback.png'),
    fullPage: true,
  });
  expect(await titles()).not.toContain(first);
});
