import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// Debian's Chromium (`apt-get install chromium`); the CI script installs the same.
const EXECUTABLE = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * What the browser did during the current test: page errors, console errors, failed requests,
 * error answers and main-frame navigations, newest last. `test/e2e/setup.ts` prints it when a
 * test fails, so a failure seen only on a CI machine says what the page went through.
 */
const activity: string[] = [];
const ACTIVITY_LIMIT = 300;

function note(line: string): void {
  activity.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
  if (activity.length > ACTIVITY_LIMIT) activity.splice(0, activity.length - ACTIVITY_LIMIT);
}

export function takeBrowserActivity(): string[] {
  return activity.splice(0, activity.length);
}

function watchPage(page: Page): void {
  page.on('pageerror', (error) => note(`page error: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') note(`console.${message.type()}: ${message.text()}`);
  });
  page.on('requestfailed', (request) => note(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? '?'})`));
  page.on('response', (response) => {
    if (response.status() >= 400) note(`answer ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) note(`at ${frame.url()}`);
  });
  page.on('close', () => note('page closed'));
}

function watchContext(context: BrowserContext): BrowserContext {
  context.on('page', watchPage);
  return context;
}

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: EXECUTABLE,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // Every context the tests open is watched (Playwright has no browser-wide page event);
  // `browser.newPage` opens its context through this method too.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => watchContext(await newContext(...args));
  return browser;
}

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;
