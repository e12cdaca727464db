import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser } from './support/browser.ts';
import { seriousAxeViolations } from './support/portal.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** The part of a canvas the test reads (the root tsconfig has no DOM types). */
interface Canvas2D {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

interface ArticleList {
  items: { slug: string; title: string; lang: string }[];
}

describe('public portal: library, alerts and statistics', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reads an article from the library, in Vietnamese then English, and shares its link', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const page = await context.newPage();
      // No share sheet here: the button falls back to copying the link.
      await page.addInitScript('Object.defineProperty(navigator, "share", { value: undefined, configurable: true })');
      const vi = (await (await page.request.get(`${server.url}/api/v1/public/articles?lang=vi`)).json()) as ArticleList;
      const en = (await (await page.request.get(`${server.url}/api/v1/public/articles?lang=en`)).json()) as ArticleList;
      // An article written in both languages (a missing English version falls back to Vietnamese).
      const first = vi.items.find((item) => en.items.some((e) => e.slug === item.slug && e.lang === 'en'));
      expect(first).toBeDefined();

      await page.goto(`${server.url}/library`);
      await page.getByRole('heading', { level: 1, name: 'Nhận biết các hình thức lừa đảo' }).waitFor();
      await page.locator('.article-card').first().waitFor();
      expect(await page.locator('.article-card').count()).toBe(vi.items.length);
      await saveScreenshot(page, 'portal-library-phone');

      await page.getByRole('link', { name: first!.title }).click();
      await page.getByRole('heading', { level: 1, name: first!.title }).waitFor();
      expect(await page.locator('.article__body h2').count()).toBeGreaterThan(0);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'portal-article-phone');

      await page.getByRole('button', { name: 'Chia sẻ' }).click();
      await page.getByText('Đã sao chép đường link.').waitFor();
      expect(await page.evaluate('navigator.clipboard.readText()')).toBe(`${server.url}/library/${first!.slug}`);

      const english = en.items.find((item) => item.slug === first!.slug);
      await page.getByRole('group', { name: 'Ngôn ngữ' }).getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: english!.title }).waitFor();
      expect(await page.getAttribute('article', 'lang')).toBe('en');
    } finally {
      await context.close();
    }
  });

  it('lists the public alerts with their Atom and RSS feeds', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/alerts`);
      await page.getByRole('heading', { level: 1, name: 'Cảnh báo lừa đảo' }).waitFor();
      await page.locator('.alert-full').first().waitFor();
      const atom = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
      const rss = await page.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href');
      expect(atom).toBe('/alerts.atom?lang=vi');
      expect(rss).toBe('/alerts.rss?lang=vi');
      const feed = await page.request.get(`${server.url}${atom}`);
      expect(feed.status()).toBe(200);
      expect(await feed.text()).toContain('<feed');
      expect(await page.getByRole('link', { name: 'Atom' }).getAttribute('href')).toBe(atom);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'portal-alerts-desktop');

      // The home page shows the latest ones.
      await page.goto(server.url);
      await page.locator('.alert-item').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('renders the statistics charts, with a table view', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/statistics`);
      await page.getByRole('heading', { level: 1, name: 'Thống kê lừa đảo trực tuyến' }).waitFor();
      const weekly = page.getByRole('img', { name: 'Số báo cáo mỗi tuần, theo hình thức' });
      await weekly.waitFor();
      // Chart.js has drawn something on the canvas.
      const painted = await weekly.evaluate((canvas) => {
        const c = canvas as unknown as Canvas2D;
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink += 1;
        return { width: c.width, ink };
      });
      expect(painted.width).toBeGreaterThan(0);
      expect(painted.ink).toBeGreaterThan(100);

      // The table view has the same figures.
      await page.getByText('Xem dạng bảng').first().click();
      const table = page.getByRole('table', { name: 'Số báo cáo mỗi tuần, theo hình thức' });
      await table.waitFor();
      expect(await table.getByRole('row').count()).toBeGreaterThan(1);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'portal-statistics-desktop');
    } finally {
      await context.close();
    }
  });

  it('statistics on a phone', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/statistics`);
      await page.getByRole('img', { name: 'Số báo cáo mỗi tuần, theo hình thức' }).waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      await saveScreenshot(page, 'portal-statistics-phone');
    } finally {
      await context.close();
    }
  });
});
