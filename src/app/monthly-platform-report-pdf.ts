import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { AppError } from './errors.ts';

/** Chromium flags for printing on a server: no sandbox (containers), no GPU, nothing fetched in the background. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const PRINT_TIMEOUT_MS = 30_000;

export const printerUnavailable = (detail: string) => new AppError(503, 'printer_unavailable', `The PDF cannot be printed now: ${detail} Download the XLSX or CSV instead.`);

/**
 * Prints HTML to PDF with Chromium. One browser at a time on a server node: prints wait in a
 * queue, and each one launches a browser and closes it after (a print is rare, a month's report,
 * and a browser left running would hold ~100 MB for nothing). The page runs no script and
 * fetches nothing: the report's HTML is self-contained.
 */
export class ReportPrinter {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly executablePath: string) {}

  print(html: string): Promise<Buffer> {
    const job = this.queue.then(() => this.printNow(html));
    // The next print waits for this one, whether it succeeds or fails.
    this.queue = job.catch(() => undefined);
    return job;
  }

  private async printNow(html: string): Promise<Buffer> {
    try {
      fs.accessSync(this.executablePath, fs.constants.X_OK);
    } catch {
      throw printerUnavailable(`Chromium was not found at ${this.executablePath} (set CHROMIUM_PATH).`);
    }
    let browser: Browser;
    try {
      browser = await chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS, timeout: PRINT_TIMEOUT_MS });
    } catch (error) {
      throw printerUnavailable(`Chromium did not start (${(error as Error).message.split('\n')[0]}).`);
    }
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await browser.close();
    }
  }
}
