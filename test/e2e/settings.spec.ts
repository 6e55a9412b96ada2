import { expect, test } from '@playwright/test';
import { serveEachTest } from './serve-fixture.ts';

const serve = serveEachTest();

test('changes songs to rate to 7 in Settings, and the round has 7 songs, after a reload too', async ({
  page,
}, testInfo) => {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(serve().url);
  const cards = page.getByTestId('rate-card');
  await expect(cards).toHaveCount(5);

  const opener = page.getByRole('button', { name: 'Settings' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  const songsToRate = dialog.getByLabel('Songs to rate');
  await expect(songsToRate).toBeFocused();
  await expect(songsToRate).toHaveValue('5');
  // The browser face has the preferences only: Spotify and the model belong to the desktop.
  await expect(dialog.getByRole('heading', { name: 'Spotify credentials' })).toHaveCount(0);
  await expect(dialog.getByRole('heading', { name: 'Model' })).toHaveCount(0);

  const rounds = dialog.getByRole('form', { name: 'Rating rounds' });
  await songsToRate.fill('70');
  await rounds.getByRole('button', { name: 'Save' }).click();
  await expect(rounds.getByText('Must be a whole number from 1 to 50.')).toBeVisible();
  await expect(songsToRate).toHaveAttribute('aria-invalid', 'true');

  await songsToRate.fill('7');
  await rounds.getByRole('button', { name: 'Save' }).click();
  await expect(rounds.getByRole('status')).toHaveText('Saved');
  await page.screenshot({ path: testInfo.outputPath('settings-dialog.png'), fullPage: true });

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(cards).toHaveCount(7);

  await page.reload();
  await expect(cards).toHaveCount(7);
  await expect(page.getByTestId('rated-count')).toHaveText('0 of 7 rated');
  expect(errors).toEqual([]);
});
