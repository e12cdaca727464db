import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser } from './support/browser.ts';
import { DEMO, seriousAxeViolations } from './support/portal.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** Types into the home page's one search box and checks. */
async function check(page: Page, query: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Tra cứu trước khi chuyển tiền' });
  await box.fill(query);
  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  await page.waitForURL(/\/check\?q=/);
}

describe('public portal: check before you pay', () => {
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

  it('home page on a phone: search box, report action, what to do if paid, the standing warning', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getByRole('link', { name: 'Báo cáo lừa đảo' }).first().isVisible()).toBe(true);
      await page.getByRole('heading', { name: 'Nếu bạn đã chuyển tiền' }).waitFor();
      await page.getByRole('heading', { name: 'Cảnh giác với lừa đảo lần hai' }).waitFor();
      expect(await page.getByText('hotro@canhgiac.example').count()).toBe(1);
      // The alerts feeds are announced to feed readers.
      expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).toBe('/alerts.atom?lang=vi');
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'portal-home-phone');
    } finally {
      await context.close();
    }
  });

  it('a confirmed number: listed, with reports, fraud type, last seen and who confirmed it', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await check(page, DEMO.confirmedPhone);
      const result = page.locator('[data-state="listed"]');
      await result.waitFor();
      const text = (await result.textContent()) ?? '';
      expect(text).toContain('Đã bị báo cáo là lừa đảo');
      expect(text).toContain('Giả danh cơ quan chức năng');
      expect(text).toContain('Cơ quan chức năng đã xác minh');
      expect(text).toContain('Bạn nên làm gì');
      // The standing warning stays beside every answer.
      await page.getByRole('heading', { name: 'Cảnh giác với lừa đảo lần hai' }).waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'portal-check-listed-phone');
    } finally {
      await context.close();
    }
  });

  it('a suspected number is not shown to the public: "no reports yet", never "safe", with warning signs', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await check(page, DEMO.suspectedPhone);
      const result = page.locator('[data-state="not_listed"]');
      await result.waitFor();
      const text = (await result.textContent()) ?? '';
      expect(text).toContain('Chưa có báo cáo nào');
      expect(text).toContain('không có nghĩa là an toàn');
      expect(text).toContain('Dấu hiệu lừa đảo cần để ý');
      expect(text.toLowerCase()).not.toMatch(/\ban toàn\.$/);
    } finally {
      await context.close();
    }
  });

  it('an unknown number: not listed, and the answer says no reports is not a guarantee', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/check?q=${encodeURIComponent(DEMO.unknownPhone)}`);
      const result = page.locator('[data-state="not_listed"]');
      await result.waitFor();
      expect(await result.textContent()).toContain('Chưa có ai báo cáo thông tin này');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'portal-check-unknown-desktop');
    } finally {
      await context.close();
    }
  });

  it('a registered hotline: verified legitimate, with whose it is', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/check?q=${encodeURIComponent(DEMO.legitimatePhone)}`);
      const result = page.locator('[data-state="verified_legitimate"]');
      await result.waitFor();
      expect(await result.textContent()).toContain('Ngân hàng Demo');
    } finally {
      await context.close();
    }
  });

  it('a pasted message: every identifier in it is checked', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      const message = `Chào anh, em bên bộ phận hỗ trợ. Anh gọi lại số ${DEMO.confirmedPhone} hoặc ${DEMO.unknownPhone} gấp để nhận hoàn tiền nhé, hạn chót hôm nay.`;
      await check(page, message);
      await page.getByRole('heading', { name: 'Đã kiểm tra 2 thông tin trong tin nhắn' }).waitFor();
      expect(await page.locator('[data-state="listed"]').count()).toBe(1);
      expect(await page.locator('[data-state="not_listed"]').count()).toBe(1);
      await page.getByText('1 thông tin đã bị báo cáo là lừa đảo').waitFor();
      // The public risk check (POST /api/v1/risk/check, docs/risk.md), where the server has it:
      // its label and reasons in plain words, the confirmed number among them.
      const risk = await page.request.post(`${server.url}/api/v1/risk/check`, { data: { text: message } });
      if (risk.status() === 200) {
        const section = page.getByTestId('risk');
        await section.waitFor();
        expect(await section.getAttribute('data-label')).toBe(((await risk.json()) as { label: string }).label);
        expect(await section.textContent()).toContain('Có thông tin đã được xác minh là lừa đảo.');
      }
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      await saveScreenshot(page, 'portal-check-message-phone');
    } finally {
      await context.close();
    }
  });

  it('switches to English, remembered across pages and a reload', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/check?q=${encodeURIComponent(DEMO.confirmedPhone)}`);
      await page.locator('[data-state="listed"]').waitFor();
      await page.getByRole('group', { name: 'Ngôn ngữ' }).getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Reported as a scam' }).waitFor();
      expect(await page.locator('[data-state="listed"]').textContent()).toContain('Fake police or officials');
      await page.reload();
      await page.getByRole('heading', { name: 'Reported as a scam' }).waitFor();
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home' }).click();
      await page.getByRole('textbox', { name: 'Check before you pay' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'portal-home-desktop-en');
    } finally {
      await context.close();
    }
  });

  it('home page on a desktop', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByRole('heading', { name: 'Cảnh giác với lừa đảo lần hai' }).waitFor();
      await page.getByRole('heading', { name: 'Cảnh báo mới nhất' }).waitFor();
      // The navigation is in one row at desktop width.
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Thống kê' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'portal-home-desktop');
    } finally {
      await context.close();
    }
  });

  it('works with the keyboard alone: type, Enter, and the focus lands on the answer page', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByRole('textbox', { name: 'Tra cứu trước khi chuyển tiền' }).waitFor();
      // Skip link, then past the header's controls to the search box.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement.tagName')).toBe('TEXTAREA');
      await page.keyboard.type(DEMO.confirmedPhone);
      await page.keyboard.press('Enter');
      await page.locator('[data-state="listed"]').waitFor();
      expect(await page.evaluate('document.activeElement.tagName')).toBe('H1');
    } finally {
      await context.close();
    }
  });
});
