/**
 * axe-core over the page as it stands, for every spec that shows a screen: one line,
 * `await expectNoAxeViolations(page, testInfo)`, fails on any violation whatever its impact and
 * attaches axe's full results (passes, incomplete checks and all) to the test's output.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Page, TestInfo } from '@playwright/test';

/** A violation as one readable line per element: rule, impact, where, and axe's advice. */
function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'no impact'}) at ${node.target.join(' ')}: ` +
        (node.failureSummary ?? violation.help).replace(/\s+/g, ' '),
    ),
  );
}

type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/**
 * Runs every rule axe enables by default — WCAG 2.x A and AA and the best practices — over the
 * whole page at rest: with reduced motion emulated meanwhile (app.css then cuts animations to
 * 1 ms), so a card fading in is not, for a moment, text with too little contrast, and endless
 * shimmers do not slow axe's every measurement to a crawl (22 s on the loading screen). `name`
 * labels the attachment when a test checks several states.
 */
export async function expectNoAxeViolations(
  page: Page,
  testInfo: TestInfo,
  name = 'axe',
): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // A string, as this file is type-checked without the DOM's types.
  await page.evaluate(
    `Promise.all(document.getAnimations().map((animation) => animation.finished))`,
  );
  const results = await new AxeBuilder({ page }).analyze();
  await page.emulateMedia({ reducedMotion: null });
  await testInfo.attach(`${name}.json`, {
    body: JSON.stringify(results, null, 2),
    contentType: 'application/json',
  });
  expect(describeViolations(results.violations), `axe violations (${name})`).toEqual([]);
}
