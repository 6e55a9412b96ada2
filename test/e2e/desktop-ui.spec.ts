/**
 * The desktop window's own UI, rendered in Chromium: the built page with a stand-in for the
 * desktop preload's `window.earshot` injected before its scripts (the renderer tests' in-memory
 * fakes, bundled). No Electron is needed, so the Spotify and model settings and Refresh data's
 * panel are mounted and exercised here on every run, and screenshotted.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { bundleFakeDesktopBridge, serveBuiltPage } from './desktop-bridge/desktop-bridge.ts';

let bridge: string;
let page: { url: string; close: () => Promise<void> };
test.beforeAll(async () => {
  bridge = await bundleFakeDesktopBridge();
  page = await serveBuiltPage();
});
test.afterAll(() => page?.close());

/** What the fakes behind `window.earshot` hold, read from the page. */
interface FakeState {
  credentials: { clientId: string; clientSecret: string } | null;
  sources: string[];
  factors: number;
  isRefreshing: boolean;
}

type FakeHandle = {
  fakeDesktop: {
    desktop: {
      credentials: FakeState['credentials'];
      sources: string[];
      model: { factors: number };
      isRefreshing: boolean;
      finishRefresh(): void;
    };
    earshot: { emit(event: string, payload: unknown): void };
  };
};

const fakeState = (on: Page): Promise<FakeState> =>
  on.evaluate(() => {
    const { desktop } = (globalThis as unknown as FakeHandle).fakeDesktop;
    return {
      credentials: desktop.credentials,
      sources: desktop.sources,
      factors: desktop.model.factors,
      isRefreshing: desktop.isRefreshing,
    };
  });

test('renders the desktop-only settings and saves each form through the bridge', async ({
  page: tab,
}, testInfo) => {
  const errors: string[] = [];
  tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.addInitScript({ content: bridge });
  await tab.goto(page.url);
  await expect(tab.getByTestId('rate-card')).toHaveCount(5);

  await tab.getByRole('button', { name: 'Settings' }).click();
  const dialog = tab.getByRole('dialog', { name: 'Settings' });
  for (const name of ['Rating rounds', 'Spotify credentials', 'Spotify sources', 'Model'])
    await expect(dialog.getByRole('heading', { name })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Refresh data' })).toBeVisible();
  await tab.screenshot({ path: testInfo.outputPath('desktop-settings.png'), fullPage: true });

  const credentials = dialog.getByRole('form', { name: 'Spotify credentials' });
  await credentials.getByLabel('Client id').fill('my-client-id');
  await credentials.getByLabel('Client secret').fill('my-client-secret');
  await credentials.getByRole('button', { name: 'Save credentials' }).click();
  await expect(credentials.getByTestId('credentials-saved')).toBeVisible();
  // Write-only: what was typed is gone from the page once the main process has it.
  await expect(credentials.getByLabel('Client secret')).toHaveValue('');

  const sources = dialog.getByRole('form', { name: 'Spotify sources' });
  await sources.getByLabel('Sources, one a line').fill('search:genre:jazz\nnot a source');
  await sources.getByRole('button', { name: 'Save sources' }).click();
  await expect(sources.getByText(/not a source/).last()).toBeVisible();
  await sources.getByLabel('Sources, one a line').fill('search:genre:jazz');
  await sources.getByRole('button', { name: 'Save sources' }).click();
  await expect(sources.getByRole('status')).toHaveText('Saved');

  const model = dialog.getByRole('form', { name: 'Model' });
  await model.getByLabel('Factors').fill('40');
  await model.getByRole('button', { name: 'Save model' }).click();
  await expect(model.getByRole('status')).toHaveText('Saved');
  await tab.screenshot({ path: testInfo.outputPath('desktop-settings-saved.png'), fullPage: true });
  await expectNoAxeViolations(tab, testInfo, 'desktop-settings-saved');

  expect(await fakeState(tab)).toEqual({
    credentials: { clientId: 'my-client-id', clientSecret: 'my-client-secret' },
    sources: ['search:genre:jazz'],
    factors: 40,
    isRefreshing: false,
  });
  expect(errors).toEqual([]);
});

test('shows Refresh data’s progress, then its outcome, in the panel', async ({
  page: tab,
}, testInfo) => {
  await tab.addInitScript({ content: bridge });
  await tab.goto(page.url);
  await tab.getByRole('button', { name: 'Settings' }).click();
  await tab
    .getByRole('dialog', { name: 'Settings' })
    .getByRole('button', { name: 'Refresh now' })
    .click();

  const panel = tab.getByTestId('refresh-panel');
  await expect(panel.getByRole('heading', { name: 'Refreshing data' })).toBeVisible();
  expect((await fakeState(tab)).isRefreshing).toBe(true);
  await tab.evaluate(() =>
    (globalThis as unknown as FakeHandle).fakeDesktop.earshot.emit('pipeline:progress', {
      step: 'training',
      status: 'progress',
      message: 'Training the model',
      done: 5,
      total: 20,
    }),
  );
  const bar = panel.getByRole('progressbar', { name: /Training: Training the model/ });
  await expect(bar).toHaveAttribute('value', '0.25');
  await expect(panel.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  await tab.screenshot({ path: testInfo.outputPath('refresh-running.png'), fullPage: true });

  await tab.evaluate(() =>
    (globalThis as unknown as FakeHandle).fakeDesktop.desktop.finishRefresh(),
  );
  await expect(panel.getByRole('heading', { name: 'Data refreshed' })).toBeVisible();
  await tab.screenshot({ path: testInfo.outputPath('refresh-done.png'), fullPage: true });
  await expectNoAxeViolations(tab, testInfo, 'refresh-done');
  await panel.getByRole('button', { name: 'Dismiss' }).click();
  await expect(panel).toHaveCount(0);
});

test('the menu opens Help and deals a new round through the bridge', async ({
  page: tab,
}, testInfo) => {
  await tab.addInitScript({ content: bridge });
  await tab.goto(page.url);
  const cards = tab.getByTestId('rate-card');
  await expect(cards).toHaveCount(5);
  await cards.nth(0).getByRole('radio', { name: '5 stars' }).click();

  await tab.evaluate(() =>
    (globalThis as unknown as FakeHandle).fakeDesktop.earshot.emit('page:open', 'help'),
  );
  await expect(tab.getByRole('heading', { level: 1, name: 'How Earshot works' })).toBeVisible();
  // The desktop window lists the menu's shortcuts; the browser has no menu to list.
  await expect(tab.getByText('New round.')).toBeVisible();
  await tab.screenshot({ path: testInfo.outputPath('desktop-help.png'), fullPage: true });
  await expectNoAxeViolations(tab, testInfo, 'desktop-help');

  await tab.evaluate(() =>
    (globalThis as unknown as FakeHandle).fakeDesktop.earshot.emit('round:new', null),
  );
  await expect(cards).toHaveCount(5);
  await expect(cards.nth(0).getByRole('radio', { name: '5 stars' })).not.toBeChecked();
});
