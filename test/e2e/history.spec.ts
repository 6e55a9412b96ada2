import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { serveEachTest } from './serve-fixture.ts';
import { xmlText } from '../helpers/xml-text.ts';

const serve = serveEachTest();

/** Rates the first round 5, 4, 5, 2, 1 stars and submits it; the picks are then on screen. */
async function rateFirstRound(page: Page): Promise<void> {
  await page.goto(serve().url);
  const cards = page.getByTestId('rate-card');
  await expect(cards).toHaveCount(5);
  for (const [i, stars] of [5, 4, 5, 2, 1].entries()) {
    const name = stars === 1 ? '1 star' : `${stars} stars`;
    await cards.nth(i).getByRole('radio', { name }).click();
  }
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('recommendation')).toHaveCount(3);
}

const titlesOf = (cards: ReturnType<Page['getByTestId']>) =>
  cards.getByRole('heading').allTextContents();

test('keeps each new set of picks; the older one reopens as it was and a pick is rated from it', async ({
  page,
}, testInfo) => {
  await rateFirstRound(page);
  const picks = page.getByTestId('recommendation');
  const firstTitles = await titlesOf(picks);
  // Rating a pick on the results makes a new list: the second set.
  await picks.first().getByRole('radio', { name: '5 stars' }).click();
  await expect(picks.first().getByRole('heading')).not.toHaveText(firstTitles[0]);

  await page
    .getByRole('navigation', { name: 'Earshot' })
    .getByRole('link', { name: 'History' })
    .click();
  await expect(page).toHaveURL(/#\/history$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your past picks' })).toBeFocused();
  const sets = page.getByTestId('pick-set');
  await expect(sets).toHaveCount(2);
  await expect(sets.nth(0)).toContainText('Made from 6 ratings, after you rated');
  await expect(sets.nth(1)).toContainText('Made from 5 ratings, after you rated');
  await page.screenshot({ path: testInfo.outputPath('history-list.png'), fullPage: true });

  await sets
    .nth(1)
    .getByRole('button', { name: /^Open the picks of / })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^Picks of / })).toBeFocused();
  await expect(page.getByTestId('set-origin')).toHaveText(
    /^Made from 5 ratings, after you rated .* and 2 more\.$/,
  );
  const past = page.getByTestId('past-pick');
  expect(await titlesOf(past)).toEqual(firstTitles);
  await expect(past.nth(0).getByRole('radio', { name: '5 stars' })).toBeChecked();
  await past.nth(1).getByRole('radio', { name: '3 stars' }).click();
  await expect(past.nth(1).getByRole('radio', { name: '3 stars' })).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('history-set.png'), fullPage: true });

  // The rating was saved, not just drawn: after a reload the set reopens with it.
  await page.reload();
  await expect(sets).toHaveCount(2);
  await sets.nth(1).getByRole('button', { name: /^Open/ }).click();
  await expect(past.nth(1).getByRole('radio', { name: '3 stars' })).toBeChecked();
  await expect(past.nth(0).getByRole('radio', { name: '5 stars' })).toBeChecked();
});

test('downloads the picks, the loved songs and a past set as playlists', async ({
  page,
}, testInfo) => {
  await rateFirstRound(page);
  const titles = await titlesOf(page.getByTestId('recommendation'));
  const exporter = page.getByTestId('playlist-export');
  await exporter.getByLabel('Playlist format').selectOption('xspf');
  const [xspf] = await Promise.all([
    page.waitForEvent('download'),
    exporter.getByRole('button', { name: 'Export these picks' }).click(),
  ]);
  expect(xspf.suggestedFilename()).toMatch(/^earshot-picks-\d{4}-\d\d-\d\d\.xspf$/);
  const xml = readFileSync(await xspf.path(), 'utf8');
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
  for (const title of titles) expect(xml).toContain(`<title>${xmlText(title.trim())}</title>`);
  await expect(exporter.getByRole('status')).toHaveText(`Saved ${xspf.suggestedFilename()}`);
  await page.screenshot({ path: testInfo.outputPath('results-export.png'), fullPage: true });

  await exporter.getByLabel('Playlist format').selectOption('jspf');
  const [jspf] = await Promise.all([
    page.waitForEvent('download'),
    exporter.getByRole('button', { name: 'Export loved songs' }).click(),
  ]);
  const loved = JSON.parse(readFileSync(await jspf.path(), 'utf8')) as {
    playlist: { title: string; track: { annotation: string }[] };
  };
  expect(loved.playlist.title).toBe('Songs I love');
  expect(loved.playlist.track.map((t) => t.annotation)).toEqual([
    'You gave it 5★',
    'You gave it 5★',
    'You gave it 4★',
  ]);

  await page.goto(`${serve().url}#/history`);
  await page.getByTestId('pick-set').first().getByRole('button', { name: /^Open/ }).click();
  const setExport = page.getByTestId('playlist-export');
  await setExport.getByLabel('Playlist format').selectOption('m3u8');
  const [m3u8] = await Promise.all([
    page.waitForEvent('download'),
    setExport.getByRole('button', { name: 'Export this set' }).click(),
  ]);
  expect(m3u8.suggestedFilename()).toMatch(/^earshot-picks-1-.*\.m3u8$/);
  const lines = readFileSync(await m3u8.path(), 'utf8').split('\n');
  expect(lines[0]).toBe('#EXTM3U');
  expect(lines.filter((l) => l.startsWith('#EXTINF:-1,'))).toHaveLength(3);
});
