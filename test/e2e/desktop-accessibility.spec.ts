/**
 * The desktop window's own states through axe-core, in both colour schemes, with the fake
 * desktop bridge (see desktop-ui.spec.ts): the Spotify and model settings, Refresh data's panel,
 * the wait for a first model and the training notice. And the notice must not move the page
 * when it comes or goes: it is measured with the Layout Instability API and bounding boxes.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { bundleFakeDesktopBridge, serveBuiltPage } from './desktop-bridge/desktop-bridge.ts';

let bridge: string;
let built: { url: string; close: () => Promise<void> };
test.beforeAll(async () => {
  bridge = await bundleFakeDesktopBridge();
  built = await serveBuiltPage();
});
test.afterAll(() => built?.close());

/** Runs `code` in the page with the fakes behind `window.earshot` as `fake`. */
function drive(page: Page, code: string): Promise<unknown> {
  return page.evaluate(`(() => { const fake = globalThis.fakeDesktop; ${code} })()`);
}

const training = (epoch: number) =>
  `fake.earshot.emit('training:progress', { status: 'training', epoch: ${epoch}, epochs: 20, trainRmse: null });`;

async function open(page: Page, colorScheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await page.addInitScript({ content: bridge });
  await page.goto(built.url);
  await expect(page.getByTestId('rate-card')).toHaveCount(5);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the desktop settings, Refresh data and the wait for a model pass axe (${colorScheme})`, async ({
    page,
  }, testInfo) => {
    // Three states through axe, a few seconds apiece on a busy machine.
    test.slow();
    await open(page, colorScheme);
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog.getByRole('heading', { name: 'Spotify credentials' })).toBeVisible();
    await expectNoAxeViolations(page, testInfo, `desktop-settings-${colorScheme}`);

    await dialog.getByRole('button', { name: 'Refresh now' }).click();
    await expect(page.getByTestId('refresh-panel')).toBeVisible();
    await expectNoAxeViolations(page, testInfo, `refresh-running-${colorScheme}`);
    await drive(page, 'fake.desktop.finishRefresh();');
    await expect(page.getByRole('heading', { name: 'Data refreshed' })).toBeVisible();
    await page.getByRole('button', { name: 'Dismiss' }).click();

    await drive(page, 'fake.earshot.hasModel = false;');
    for (const card of await page.getByTestId('rate-card').all())
      await card.getByRole('radio', { name: '4 stars' }).click();
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Almost ready' })).toBeVisible();
    await drive(page, training(7));
    await expect(page.getByRole('progressbar')).toBeVisible();
    await expectNoAxeViolations(page, testInfo, `waiting-${colorScheme}`);
    await page.screenshot({ path: testInfo.outputPath(`waiting-${colorScheme}.png`) });

    await drive(page, "fake.earshot.hasModel = true; fake.earshot.emit('model:ready', null);");
    await expect(page.getByTestId('recommendation')).toHaveCount(3);
  });
}

test('the training notice floats over the page: nothing under it moves when it comes or goes', async ({
  page,
}, testInfo) => {
  await open(page, 'light');
  const content = page.locator('main');
  const heading = page.getByRole('heading', { level: 1 });
  const before = [await content.boundingBox(), await heading.boundingBox()];
  await drive(
    page,
    `globalThis.layoutShifts = [];
     new PerformanceObserver((list) => {
       for (const entry of list.getEntries()) globalThis.layoutShifts.push(entry.value);
     }).observe({ type: 'layout-shift' });`,
  );

  await drive(page, training(0));
  await expect(page.getByTestId('training-progress')).toBeVisible();
  await drive(page, training(12));
  await expect(page.getByRole('progressbar')).toHaveAttribute('value', '0.6');
  await page.screenshot({ path: testInfo.outputPath('training-notice.png') });
  expect([await content.boundingBox(), await heading.boundingBox()]).toEqual(before);
  await expectNoAxeViolations(page, testInfo, 'training-notice');

  await drive(
    page,
    `fake.earshot.emit('training:progress', { status: 'failed', error: { code: 'internal', message: 'the disk is full' } });`,
  );
  const failed = page.getByTestId('training-failed');
  await expect(failed).toContainText('the disk is full');
  expect([await content.boundingBox(), await heading.boundingBox()]).toEqual(before);
  await expectNoAxeViolations(page, testInfo, 'training-failed');
  await failed.getByRole('button', { name: 'Dismiss' }).click();
  await expect(failed).toHaveCount(0);

  // Two frames, so that a shift from the last change has been reported.
  await drive(
    page,
    'return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));',
  );
  expect(await drive(page, 'return globalThis.layoutShifts;')).toEqual([]);
});
