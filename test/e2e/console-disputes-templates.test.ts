import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser } from './support/browser.ts';
import { signIn } from './support/pages.ts';
import { DEMO, seriousAxeViolations } from './support/portal.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';

const TABLET = { width: 820, height: 1180 } as const;
const DISPUTER_EMAIL = 'chu-cua-hang@shop-e2e.example';

describe('console: dispute review and message templates', () => {
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

  it('a citizen disputes a listing; a supervisor edits the "cleared" notice, reviews and clears it; the look-up and the notice follow', async () => {
    // The citizen, on the public page.
    const citizen = await browser.newContext({ viewport: DESKTOP });
    let code = '';
    try {
      const page = await citizen.newPage();
      await page.goto(`${server.url}/dispute`);
      await page.getByLabel('Thông tin bị ghi nhận').fill(DEMO.confirmedPhone);
      await page.getByLabel('Vì sao cần xem xét lại').fill('Đây là số của cửa hàng tôi từ năm 2019, chúng tôi chưa từng gọi điện tự xưng công an.');
      await page.getByLabel('Họ và tên hoặc tên tổ chức').fill('Cửa hàng Điện máy E2E');
      await page.getByLabel('Email').fill(DISPUTER_EMAIL);
      await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
      const receipt = page.getByTestId('dispute-receipt');
      await receipt.waitFor();
      code = ((await receipt.locator('.tracking-code').textContent()) ?? '').trim();
      expect(code).toMatch(/^KN-/);
    } finally {
      await citizen.close();
    }

    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await signIn(page, server.url, server.users.supervisor);

      // The Vietnamese "cleared" template: the preview follows, an unknown placeholder is refused per field.
      await page.getByRole('navigation').getByRole('link', { name: 'Mẫu tin nhắn' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mẫu tin nhắn' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Sửa “Khiếu nại: đã gỡ khỏi danh sách” bằng Tiếng Việt' }).click();
      const body = page.getByLabel('Nội dung tin nhắn');
      await body.waitFor();
      const preview = page.getByTestId('template-preview');
      await preview.getByText('đã được gỡ khỏi danh sách', { exact: false }).waitFor();
      await body.fill('Tin vui: {{indicator}} không còn bị ghi nhận. Lý do: ');
      await page.getByRole('button', { name: /\{\{reason\}\}/ }).click();
      expect(await body.inputValue()).toBe('Tin vui: {{indicator}} không còn bị ghi nhận. Lý do: {{reason}}');
      await preview.getByText('Tin vui: +84 912 000 111 không còn bị ghi nhận.', { exact: false }).waitFor();
      await body.fill('Tin vui cho {{tenNguoiKhieuNai}}: {{indicator}} không còn bị ghi nhận. Lý do: {{reason}}');
      await page.getByTestId('body-error').getByText('{{tenNguoiKhieuNai}}', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
      await page.getByTestId('problem').waitFor();
      expect(await page.getByTestId('body-error').textContent()).toContain('tenNguoiKhieuNai');
      await body.fill('Tin vui: {{indicator}} không còn bị ghi nhận. Lý do: {{reason}}');
      await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
      await page.getByText('Đã lưu thành phiên bản 1.').waitFor();
      await page.getByText('Phiên bản 1 ·', { exact: false }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'console-templates');

      // The queue: the citizen's dispute, open.
      await page.getByRole('navigation').getByRole('link', { name: 'Khiếu nại' }).click();
      await page.getByRole('heading', { level: 1, name: 'Khiếu nại' }).waitFor();
      const row = page.locator(`[data-dispute="${code}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-status')).toBe('open');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'console-disputes');

      // The detail: the disputer's word and contact (agency only), the history; the decision asks for a reason, then confirmation.
      await row.getByRole('link', { name: code }).click();
      await page.getByRole('heading', { level: 1, name: `Khiếu nại ${code}` }).waitFor();
      expect(await page.getByTestId('dispute-explanation').textContent()).toContain('cửa hàng tôi');
      await page.getByText(DISPUTER_EMAIL).waitFor();
      await page.getByRole('button', { name: 'Quyết định…' }).click();
      await page.getByText('Hãy nêu lý do của quyết định.').waitFor();
      await page.getByLabel('Lý do gửi người khiếu nại').fill('Số thuộc về cửa hàng đã đăng ký; các báo cáo nói về một số khác.');
      await page.getByLabel('Căn cứ pháp lý').fill('Nghị định 147/2024/NĐ-CP');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Quyết định…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await saveScreenshot(page, 'console-dispute-decision');
      await dialog.getByRole('button', { name: 'Gỡ khỏi danh sách' }).click();
      await page.getByTestId('dispute-decided').waitFor();
      expect(await page.getByTestId('dispute-status').textContent()).toBe('Đã gỡ');

      // The notice recorded for the disputer is the edited template, and the dev mail log has it.
      const notice = page.locator('[data-notice="dispute.cleared"]');
      await notice.getByText('Tin vui:', { exact: false }).waitFor();
      expect(await notice.textContent()).toMatch(/Tin vui: .+ không còn bị ghi nhận\. Lý do: Số thuộc về cửa hàng đã đăng ký/);
      await expect.poll(() => server.output().includes('Tin vui:'), { timeout: 10_000, interval: 250 }).toBe(true);

      // The public answers follow: the dispute is cleared, the look-up no longer lists the number.
      const status = (await (await page.request.get(`${server.url}/api/v1/disputes/track/${code}`)).json()) as { status: string; decisionReason: string };
      expect(status).toMatchObject({ status: 'cleared', decisionReason: expect.stringContaining('cửa hàng đã đăng ký') });
      const state = async () => ((await (await page.request.get(`${server.url}/api/v1/lookup?q=${encodeURIComponent(DEMO.confirmedPhone)}`)).json()) as { state: string }).state;
      await expect.poll(state, { timeout: 5_000, interval: 200 }).toBe('not_listed');

      // Tablet width: no horizontal scroll on the detail.
      await page.setViewportSize(TABLET);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(TABLET.width);
    } finally {
      await context.close();
    }
  });

  it('a platform operator is not allowed into either screen, nor the API', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await signIn(page, server.url, server.users.platform_operator);
      for (const path of ['/console/disputes', '/console/templates', '/console/templates/dispute.cleared/vi']) {
        await page.goto(`${server.url}${path}`);
        await page.getByTestId('not-allowed').waitFor();
      }
      expect((await page.request.get(`${server.url}/api/v1/message-templates`)).status()).toBe(403);
      expect((await page.request.get(`${server.url}/api/v1/disputes?status=all`)).status()).toBe(403);
    } finally {
      await context.close();
    }
  });
});
