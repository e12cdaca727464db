import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser } from './support/browser.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';

describe('layout and languages', () => {
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

  it('shows the public home page on a phone, in Vietnamese, with its landmarks', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByRole('heading', { level: 1 }).waitFor();

      expect(await page.getAttribute('html', 'lang')).toBe('vi');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Cùng nhau chặn đứng lừa đảo trực tuyến');
      expect(await page.title()).toBe('Trang chủ · Canh Giác');
      for (const landmark of ['banner', 'main', 'contentinfo'] as const) {
        expect(await page.getByRole(landmark).count()).toBe(1);
      }
      // Nothing may be wider than the phone's screen.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      await saveScreenshot(page, 'home-mobile');

      // On a phone the navigation folds behind the menu button.
      const menu = page.getByRole('button', { name: 'Danh mục' });
      const navigation = page.getByRole('navigation', { name: 'Điều hướng chính' });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await navigation.count()).toBe(0);
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await navigation.getByRole('link', { name: 'Trang chủ' }).waitFor();
      // Escape folds it again and returns the focus to the menu button.
      await page.keyboard.press('Escape');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate('document.activeElement.getAttribute("aria-controls") !== null')).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('switches to English, remembers it across a reload, and back', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/sign-in`);
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();

      await page.getByRole('group', { name: 'Ngôn ngữ' }).getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.getByLabel('Password', { exact: true }).count()).toBe(1);

      await page.reload();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.title()).toBe('Sign in · Canh Giác');
      const english = page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'English' });
      expect(await english.getAttribute('aria-pressed')).toBe('true');

      // Errors follow the language too.
      await page.getByLabel('Email', { exact: true }).fill(server.users.analyst.email);
      await page.getByLabel('Password', { exact: true }).fill('not-the-password');
      await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('The email or password is incorrect.', { exact: false }).waitFor();

      await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Tiếng Việt' }).click();
      await page.getByText('Email hoặc mật khẩu không đúng.', { exact: false }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('vi');
    } finally {
      await context.close();
    }
  });

  it('works with a keyboard: a skip link first, and a visible focus ring', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/sign-in`);
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();

      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' });
      expect(await page.evaluate('document.activeElement.getAttribute("href")')).toBe('#main');
      expect(await skip.isVisible()).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('main');

      // The next stop is the e-mail field, and it shows where the focus is.
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement.id')).toBe('sign-in-email');
      expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).not.toBe('none');
    } finally {
      await context.close();
    }
  });

  it('answers an unknown address with a not-found page inside the layout', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      const response = await page.goto(`${server.url}/no/such/page`);
      expect(response?.status()).toBe(200); // the server's SPA fallback
      await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
      await page.getByRole('link', { name: 'Về trang chủ' }).click();
      await page.waitForURL(`${server.url}/`);
      await page.getByRole('heading', { level: 1, name: 'Cùng nhau chặn đứng lừa đảo trực tuyến' }).waitFor();
      await saveScreenshot(page, 'home');
    } finally {
      await context.close();
    }
  });
});
