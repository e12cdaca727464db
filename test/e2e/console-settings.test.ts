import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser } from './support/browser.ts';
import { signIn } from './support/pages.ts';
import { seriousAxeViolations } from './support/portal.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';

const TABLET = { width: 820, height: 1180 } as const;

/**
 * Serious axe findings, less one that is not these screens': the shared header wraps at 1280 px
 * for a signed-in user and its "English" switch falls onto the light page background (the same
 * exception console-content.test.ts and console-admin.test.ts make; reported to the layout's owner).
 */
async function settingsAxeViolations(page: Page): Promise<string[]> {
  return (await seriousAxeViolations(page)).filter((v) => !(v.startsWith('color-contrast') && v.endsWith('button[lang="en"]')));
}

async function noHorizontalScroll(page: Page): Promise<void> {
  expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
}

describe('console settings: taxonomy, platform deadlines, audit log', () => {
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

  it('an administrator renames and withdraws categories, sets Facebook to 12 h, and finds both changes in a verified audit log', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await signIn(page, server.url, server.users.admin);
      await page.getByRole('navigation', { name: 'Điều hướng bảng điều khiển' }).getByRole('link', { name: 'Cấu hình & nhật ký' }).click();
      await page.getByRole('heading', { level: 2, name: 'Loại lừa đảo' }).waitFor();
      await page.getByTestId('category-row').first().waitFor();
      expect(await page.getByTestId('category-row').count()).toBe(12);
      // The counts come from the demo history.
      await page.locator('[data-code="investment"] [data-testid="category-usage"]').getByText(/\d+ báo cáo/).waitFor();
      expect(await settingsAxeViolations(page)).toEqual([]);

      // Rename "Loans" in English: an empty name is refused on its field, then saved.
      await page.getByRole('button', { name: 'Sửa Cho vay' }).click();
      const form = page.getByTestId('category-form');
      await form.getByLabel('Tên tiếng Anh').fill('');
      await form.getByRole('button', { name: 'Lưu' }).click();
      await form.locator('#category-loan-name-en-error').waitFor();
      expect(await form.getByLabel('Tên tiếng Anh').getAttribute('aria-invalid')).toBe('true');
      expect(await settingsAxeViolations(page)).toEqual([]);
      await form.getByLabel('Tên tiếng Anh').fill('Loan sharks');
      await form.getByRole('button', { name: 'Lưu' }).click();
      await page.getByTestId('settings-done').getByText('Đã lưu loại “Cho vay”.').waitFor();
      await page.locator('[data-code="loan"]').getByText('Loan sharks').waitFor();

      // Withdraw "Fake charity" from the report form.
      await page.getByRole('button', { name: 'Sửa Từ thiện giả' }).click();
      await page.getByTestId('category-form').getByLabel('Người dân được chọn loại này trên mẫu báo cáo').uncheck();
      await saveScreenshot(page, 'console-settings-taxonomy-edit');
      await page.getByTestId('category-form').getByRole('button', { name: 'Lưu' }).click();
      await page.locator('[data-code="fake_charity"]').getByText('Không được chọn').waitFor();
      await saveScreenshot(page, 'console-settings-taxonomy');

      const taxonomy = (await (await page.request.get(`${server.url}/api/v1/taxonomy`)).json()) as { items: { code: string; name: { en: string }; active: boolean }[] };
      expect(taxonomy.items.find((c) => c.code === 'loan')?.name.en).toBe('Loan sharks');
      expect(taxonomy.items.find((c) => c.code === 'fake_charity')?.active).toBe(false);

      // Facebook's deadline to 12 h, behind a confirmation; a warning not before the deadline is refused in the dialog.
      const nav = page.getByRole('navigation', { name: 'Các mục cài đặt' });
      await nav.getByRole('link', { name: 'Thời hạn của nền tảng' }).click();
      await page.getByTestId('deadline-row').first().waitFor();
      await page.getByTestId('deadline-defaults').getByText('24 giờ').waitFor();
      await page.getByRole('button', { name: 'Sửa thời hạn của Facebook' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Số giờ để xử lý').fill('12');
      await dialog.getByLabel('Cảnh báo trước hạn bao nhiêu giờ').fill('12');
      await dialog.getByRole('button', { name: 'Đổi thời hạn' }).click();
      await dialog.locator('#deadline-due-soon-error').waitFor();
      await dialog.getByLabel('Cảnh báo trước hạn bao nhiêu giờ').fill('3');
      await dialog.getByRole('button', { name: 'Đổi thời hạn' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('settings-done').getByText('Thời hạn của Facebook nay là 12 giờ.').waitFor();
      await expect.poll(() => page.locator('[data-platform="facebook"] [data-testid="deadline-hours"]').textContent()).toBe('12 giờ');
      await page.getByTestId('deadline-history').getByText('Facebook: mặc định → 12 giờ (cảnh báo trước 3 giờ)').waitFor();
      expect(await settingsAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'console-settings-deadlines');

      // The audit log: the chain verified, then filtered to the category changes and to Facebook's deadline.
      await nav.getByRole('link', { name: 'Nhật ký kiểm toán' }).click();
      const chain = page.getByTestId('chain-status');
      await page.locator('[data-testid="chain-status"][data-state="ok"]').waitFor({ timeout: 60_000 });
      expect(await chain.textContent()).toContain('Chuỗi còn nguyên vẹn');
      await page.getByLabel('Hành động').fill('fraud_category.*');
      await page.getByRole('button', { name: 'Áp dụng bộ lọc' }).click();
      await page.waitForURL(/action=fraud_category/);
      await expect.poll(() => page.getByTestId('audit-row').count()).toBe(2);
      expect([await page.getByTestId('audit-row').nth(0).getAttribute('data-subject'), await page.getByTestId('audit-row').nth(1).getAttribute('data-subject')]).toEqual(['fake_charity', 'loan']);
      await page.getByTestId('audit-row').nth(1).getByRole('button', { name: /Chi tiết bản ghi số/ }).click();
      const detail = page.getByTestId('audit-detail');
      await detail.getByText('"nameEn": "Loan sharks"').waitFor();
      await detail.getByText('"nameEn": "Loans"').waitFor();
      await detail.locator('code.settings-hash').nth(1).getByText(/^[0-9a-f]{64}$/).waitFor();
      expect(await settingsAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'console-settings-audit');

      await page.getByLabel('Hành động').fill('deadline_policy.set');
      await page.getByLabel('Mã đối tượng').fill('facebook');
      await page.getByRole('button', { name: 'Áp dụng bộ lọc' }).click();
      await page.waitForURL(/subjectId=facebook/);
      await expect.poll(() => page.getByTestId('audit-row').count()).toBe(1);
      expect(await page.getByTestId('audit-row').getAttribute('data-action')).toBe('deadline_policy.set');

      // A filter the server refuses shows its complaint on the field.
      await page.getByLabel('Hành động').fill('Not an action');
      await page.getByRole('button', { name: 'Áp dụng bộ lọc' }).click();
      await page.locator('#audit-action-error').waitFor();

      // Tablet width: everything reachable without sideways scrolling of the page.
      await page.setViewportSize(TABLET);
      await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
      await page.getByTestId('audit-row').first().waitFor();
      await noHorizontalScroll(page);
      await saveScreenshot(page, 'console-settings-audit-tablet');
      await nav.getByRole('link', { name: 'Loại lừa đảo' }).click();
      await page.getByTestId('category-row').first().waitFor();
      await noHorizontalScroll(page);

      // In English: the renamed category under its new name, the withdrawn one marked.
      await page.setViewportSize(DESKTOP);
      await page.getByRole('group', { name: 'Ngôn ngữ' }).getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 2, name: 'Fraud categories' }).waitFor();
      await page.getByRole('button', { name: 'Edit Loan sharks' }).waitFor();
      await page.locator('[data-code="fake_charity"]').getByText('Not offered').waitFor();
      expect(await settingsAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'console-settings-taxonomy-en');
    } finally {
      await context.close();
    }
  });

  it('a supervisor reads the audit log but not the taxonomy or deadlines; a platform operator gets none of it', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await signIn(page, server.url, server.users.supervisor);
      await page.getByRole('navigation', { name: 'Điều hướng bảng điều khiển' }).getByRole('link', { name: 'Cấu hình & nhật ký' }).click();
      await page.waitForURL(/\/console\/settings\/audit/);
      expect(await page.getByRole('navigation', { name: 'Các mục cài đặt' }).getByRole('link').count()).toBe(1);
      await page.getByText('Chỉ quản trị viên mới chạy được việc kiểm tra chuỗi.').waitFor();
      await page.getByTestId('audit-row').first().waitFor();
      await page.goto(`${server.url}/console/settings/taxonomy`);
      await page.getByTestId('not-allowed').waitFor();
      await page.goto(`${server.url}/console/settings/deadlines`);
      await page.getByTestId('not-allowed').waitFor();
      expect((await page.request.patch(`${server.url}/api/v1/taxonomy/loan`, { data: { nameEn: 'No' } })).status()).toBe(403);
    } finally {
      await context.close();
    }

    const operatorContext = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await operatorContext.newPage();
      await signIn(page, server.url, server.users.platform_operator);
      expect(await page.getByRole('navigation', { name: 'Điều hướng bảng điều khiển' }).getByRole('link', { name: 'Cấu hình & nhật ký' }).count()).toBe(0);
      for (const path of ['/console/settings/audit', '/console/settings/taxonomy', '/console/settings/deadlines']) {
        await page.goto(`${server.url}${path}`);
        await page.getByTestId('not-allowed').waitFor();
      }
      expect(await page.getByTestId('audit-row').count()).toBe(0);
      expect((await page.request.get(`${server.url}/api/v1/audit`)).status()).toBe(403);
      expect((await page.request.get(`${server.url}/api/v1/taxonomy/usage`)).status()).toBe(403);
    } finally {
      await operatorContext.close();
    }
  });
});
