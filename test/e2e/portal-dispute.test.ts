import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser } from './support/browser.ts';
import { DEMO, seriousAxeViolations } from './support/portal.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';

describe('public portal: asking for a listing to be reviewed', () => {
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

  it('from a listed result to the dispute form, prefilled; checks before sending; then a tracking code', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/check?q=${encodeURIComponent(DEMO.confirmedPhone)}`);
      await page.locator('[data-state="listed"]').waitFor();
      await page.getByRole('main').getByRole('link', { name: /Yêu cầu xem xét lại/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Yêu cầu xem xét lại một thông tin bị ghi nhận' }).waitFor();
      const identifier = page.getByLabel('Thông tin bị ghi nhận');
      expect(await identifier.inputValue()).not.toBe('');

      // Nothing is sent without an explanation and a way to reach the person.
      let posts = 0;
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().endsWith('/api/v1/disputes')) posts += 1;
      });
      await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
      await page.getByText('Vui lòng giải thích (ít nhất 10 ký tự).').waitFor();
      await page.getByText('Vui lòng để lại email hoặc số điện thoại.').waitFor();
      expect(posts).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByLabel('Vì sao cần xem xét lại').fill('Đây là số của cửa hàng tôi từ năm 2019, chúng tôi chưa từng gọi điện tự xưng công an.');
      await page.getByLabel('Họ và tên hoặc tên tổ chức').fill('Cửa hàng Điện máy Demo');
      await page.getByLabel('Email').fill('chu-cua-hang@shop.example');
      await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
      const receipt = page.getByTestId('dispute-receipt');
      await receipt.waitFor();
      expect(await receipt.textContent()).toContain('Đã nhận yêu cầu của bạn');
      expect(posts).toBe(1);
      await saveScreenshot(page, 'portal-dispute-phone');

      // The code given looks the request up: under review.
      const code = ((await receipt.locator('.tracking-code').textContent()) ?? '').trim();
      await page.getByLabel('Mã yêu cầu').fill(code);
      await page.getByRole('button', { name: 'Xem kết quả' }).click();
      await page.getByTestId('dispute-status').getByText('Đang xem xét').waitFor();

      // While it is reviewed the listing is disputed, which the public tier does not show. The
      // look-up index follows the database within a moment (every node within 2 s), so ask until it has.
      const state = async () => ((await (await page.request.get(`${server.url}/api/v1/lookup?q=${encodeURIComponent(DEMO.confirmedPhone)}`)).json()) as { state: string }).state;
      await expect.poll(state, { timeout: 5_000, interval: 200 }).toBe('not_listed');
    } finally {
      await context.close();
    }
  });

  it('explains that an identifier that is not listed needs no review', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/dispute`);
      await page.getByLabel('Thông tin bị ghi nhận').fill(DEMO.unknownPhone);
      await page.getByLabel('Vì sao cần xem xét lại').fill('Số này của tôi, tôi muốn chắc chắn nó không bị ghi nhận.');
      await page.getByLabel('Số điện thoại').fill('0900 000 888');
      await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
      await page.getByText('hiện không bị ghi nhận là lừa đảo', { exact: false }).waitFor();
      await saveScreenshot(page, 'portal-dispute-desktop');
    } finally {
      await context.close();
    }
  });
});
