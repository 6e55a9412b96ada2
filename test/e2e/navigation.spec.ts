import { expect, test } from '@playwright/test';
import { serveEachTest } from './serve-fixture.ts';

const serve = serveEachTest();

test('the top bar opens Help at its own address; Back returns to the round as it was', async ({
  page,
}, testInfo) => {
  await page.goto(serve().url);
  const cards = page.getByTestId('rate-card');
  await expect(cards).toHaveCount(5);
  await cards.nth(0).getByRole('radio', { name: '4 stars' }).click();
  const nav = page.getByRole('navigation', { name: 'Earshot' });
  await expect(nav.getByRole('link', { name: 'Rate' })).toHaveAttribute('aria-current', 'page');

  await nav.getByRole('link', { name: 'Help' }).click();
  await expect(page).toHaveURL(/#\/help$/);
  await expect(page.getByRole('heading', { level: 1, name: 'How Earshot works' })).toBeFocused();
  await expect(nav.getByRole('link', { name: 'Help' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    'A round',
    'Your taste',
    'Your ratings',
    'How the picks are chosen',
    'History and playlists',
    'Your Spotify account',
    'Keyboard',
  ]);
  await page.screenshot({ path: testInfo.outputPath('help.png'), fullPage: true });

  await page.goBack();
  await expect(cards).toHaveCount(5);
  await expect(cards.nth(0).getByRole('radio', { name: '4 stars' })).toBeChecked();

  await page.goto(`${serve().url}#/help`);
  await expect(page.getByRole('heading', { level: 1, name: 'How Earshot works' })).toBeVisible();
});
