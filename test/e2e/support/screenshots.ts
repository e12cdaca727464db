import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const DIRECTORY = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/** Saves a full-page screenshot into docs/screenshots/<name>.png for the README and reviews. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(DIRECTORY, { recursive: true });
  // Let web fonts and the last layout settle so the image is what a person would see.
  await page.evaluate('document.fonts.ready');
  await page.screenshot({ path: `${DIRECTORY}${name}.png`, fullPage: true, animations: 'disabled' });
}
