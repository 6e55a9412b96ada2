import { expect, test } from '@playwright/test';
import { scrobbleLine } from '../helpers/history-fixtures.ts';
import { expectNoAxeViolations } from './axe.ts';
import { serveEachTest } from './serve-fixture.ts';

const serve = serveEachTest();

test('imports a Last.fm scrobble file from Settings and says what matched', async ({
  page,
}, testInfo) => {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(serve().url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const form = dialog.getByRole('form', { name: 'Listening history' });
  const scrobbles = [
    scrobbleLine({ title: 'Bohemian Rhapsody', artist: 'Queen', at: 1_700_000_000 }),
    scrobbleLine({
      title: 'Bohemian Rhapsody - Remastered 2011',
      artist: 'Queen',
      at: 1_700_090_000,
    }),
    scrobbleLine({ title: 'A Song Nobody Knows', artist: 'Nobody', at: 1_700_100_000 }),
  ].join('\n');
  await form.getByLabel('History files').setInputFiles({
    name: 'scrobbles.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(scrobbles),
  });
  await form.getByRole('button', { name: 'Import history' }).click();
  await expect(form.getByRole('status')).toHaveText('Imported');
  await expect(form.getByTestId('history-summary')).toContainText(
    '3 plays of 3 recordings: 2 matched (1 song now carries your listening), 1 not in the catalog yet',
  );
  await form.screenshot({ path: testInfo.outputPath('history-import.png') });
  await expectNoAxeViolations(page, testInfo, 'history-imported');

  await form.getByLabel('History files').setInputFiles({
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Queen,,Innuendo,whenever\n'),
  });
  await form.getByRole('button', { name: 'Import history' }).click();
  await expect(form.getByRole('alert')).toContainText('broken.csv:1: time "whenever"');
  await expectNoAxeViolations(page, testInfo, 'history-import-error');
  expect(errors).toEqual([]);
});
