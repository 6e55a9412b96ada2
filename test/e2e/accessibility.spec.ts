/**
 * Every screen of the browser face through axe-core, in the light and the dark colour scheme:
 * the wait for the round, the round (fresh and rated), the picks, Settings, Help and the error
 * state. The desktop
 * window's own screens are checked in desktop-accessibility.spec.ts.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { serveEachTest } from './serve-fixture.ts';

const serve = serveEachTest();

async function rateAll(page: Page, stars: readonly number[]): Promise<void> {
  const cards = page.getByTestId('rate-card');
  await expect(cards).toHaveCount(stars.length);
  for (const [index, value] of stars.entries())
    await cards
      .nth(index)
      .getByRole('radio', { name: `${value} stars` })
      .click();
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`loading, the round, the picks, Settings, Help and the error state pass axe (${colorScheme})`, async ({
    page,
  }, testInfo) => {
    // Seven or eight states, each through axe (a few seconds apiece on a busy machine).
    test.slow();
    await page.emulateMedia({ colorScheme });
    // The round's songs are held back until the loading state has been checked.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/songsToRate', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(serve().url);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Picking songs for you…' }),
    ).toBeVisible();
    await expectNoAxeViolations(page, testInfo, `loading-${colorScheme}`);
    release();
    await expect(page.getByTestId('rate-card')).toHaveCount(5);
    await page.unroute('**/api/songsToRate');
    await expectNoAxeViolations(page, testInfo, `round-${colorScheme}`);

    await rateAll(page, [5, 4, 3, 2, 4]);
    await page.getByTestId('rate-card').nth(0).getByRole('radio', { name: '3 stars' }).hover();
    await expectNoAxeViolations(page, testInfo, `round-rated-${colorScheme}`);
    await page
      .getByRole('list', { name: 'Songs to rate' })
      .screenshot({ path: testInfo.outputPath(`rate-cards-${colorScheme}.png`) });

    await page.getByRole('button', { name: 'Submit' }).click();
    await expect(page.getByTestId('recommendation')).toHaveCount(3);
    await expectNoAxeViolations(page, testInfo, `results-${colorScheme}`);
    await page
      .getByTestId('recommendation')
      .first()
      .locator('..')
      .screenshot({ path: testInfo.outputPath(`pick-cards-${colorScheme}.png`) });

    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    await expectNoAxeViolations(page, testInfo, `settings-${colorScheme}`);
    await page.keyboard.press('Escape');

    await page
      .getByRole('navigation', { name: 'Earshot' })
      .getByRole('link', { name: 'Help' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'How Earshot works' })).toBeVisible();
    await expectNoAxeViolations(page, testInfo, `help-${colorScheme}`);

    await page.goBack();
    await page.getByRole('button', { name: 'Rate more songs' }).click();
    await rateAll(page, [5, 4, 3, 2, 4]);
    await serve().stop();
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect(page.getByTestId('error-state')).toBeVisible();
    await expectNoAxeViolations(page, testInfo, `error-${colorScheme}`);
  });
}
