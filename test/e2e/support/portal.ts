import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | null = null;

/**
 * Runs axe-core on the current page and returns the serious and critical violations (an
 * empty list is a pass). The script is evaluated through the DevTools protocol, which the
 * page's Content-Security-Policy does not govern, so the page is tested with its real CSP.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const source = await axeSource;
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(source);
  const results = (await page.evaluate(
    "window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })",
  )) as AxeResults;
  return results.violations
    .filter((violation: Result) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation: Result) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** The demo data the server seeds on a new database (src/app/seed.ts). */
export const DEMO = {
  /** Confirmed by the agency (the "fake police" report). */
  confirmedPhone: '0900 000 202',
  /** Reported once, not confirmed: suspected, which the public tier does not show. */
  suspectedPhone: '0900 000 101',
  /** The demo bank's registered hotline: verified legitimate. */
  legitimatePhone: '1900 000 111',
  /** Nobody ever reported it. */
  unknownPhone: '0900 000 999',
} as const;
