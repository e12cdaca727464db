import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser } from './support/browser.ts';
import { signIn, textOf } from './support/pages.ts';
import { seriousAxeViolations } from './support/portal.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';

const TABLET = { width: 820, height: 1180 } as const;
/** An A4 page at 96 dpi: the print view's first page, as the PDF shows it. */
const A4 = { width: 794, height: 1123 } as const;

/** The previous month in Vietnam time: what the monthly report page opens on. */
function previousMonth(): string {
  const local = new Date(Date.now() + 7 * 3_600_000);
  const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

async function downloaded(page: Page, testId: string): Promise<{ download: Download; body: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await download.path();
  return { download, body: await readFile(path) };
}

describe('console: dashboards and the monthly platform report', () => {
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

  it('an analyst reads the dashboards, filters them, and the charts and tables follow', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await signIn(page, server.url, server.users.analyst);
      await page.getByRole('navigation', { name: 'Điều hướng bảng điều khiển' }).getByRole('link', { name: 'Báo cáo thống kê' }).click();
      await page.getByRole('heading', { level: 1, name: 'Bảng số liệu' }).waitFor();
      // The demo history gives every chart something to draw.
      for (const chart of ['chart-volume', 'chart-verify', 'chart-on-time', 'chart-platforms', 'chart-fraud-types', 'chart-money']) await page.getByTestId(chart).locator('canvas').waitFor();
      const allReports = await textOf(page, 'tile-reports');
      expect(Number(allReports.replace(/\D/g, ''))).toBeGreaterThan(200);
      const platformRows = page.getByTestId('table-platforms').locator('tbody tr');
      expect(await platformRows.count()).toBe(3);
      // Weekly by default: 13 or 14 weeks over 90 days.
      expect(await page.getByTestId('table-volume').locator('tbody tr').count()).toBeGreaterThanOrEqual(13);
      await saveScreenshot(page, 'console-dashboards');
      expect(await seriousAxeViolations(page)).toEqual([]);

      // Only Facebook, by day: fewer reports, one platform row, daily rows.
      await page.getByLabel('Nền tảng', { exact: true }).selectOption('facebook');
      await page.getByLabel('Gộp theo').selectOption('day');
      await expect.poll(() => page.url()).toMatch(/platform=facebook/);
      await expect.poll(() => page.getByTestId('table-platforms').locator('tbody tr').count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => page.getByTestId('table-volume').locator('tbody tr').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(90);
      const facebookReports = Number((await textOf(page, 'tile-reports')).replace(/\D/g, ''));
      expect(facebookReports).toBeGreaterThan(0);
      expect(facebookReports).toBeLessThan(Number(allReports.replace(/\D/g, '')));
      await page.getByTestId('fig-platforms').getByText('Xem bảng số liệu').click();
      await page.getByTestId('table-platforms').getByRole('rowheader', { name: 'Facebook' }).waitFor();
      await page.getByTestId('chart-volume').locator('canvas').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);

      // A fraud type too; then clearing the filters brings everything back.
      await page.getByLabel('Loại lừa đảo', { exact: true }).selectOption('investment');
      await expect.poll(() => page.url()).toMatch(/fraudType=investment/);
      // The table is folded away (details): read its row headers without opening it.
      await expect.poll(() => page.getByTestId('table-fraud-types').locator('tbody th').allTextContents()).toEqual(['Đầu tư, tiền ảo']);
      await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
      await expect.poll(() => textOf(page, 'tile-reports')).toBe(allReports);

      // The same page at tablet width, in English: no horizontal scroll.
      await page.setViewportSize(TABLET);
      await page.getByRole('group', { name: 'Ngôn ngữ' }).getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dashboards' }).waitFor();
      await page.getByTestId('chart-money').locator('canvas').waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      await saveScreenshot(page, 'console-dashboards-tablet');
    } finally {
      await context.close();
    }
  });

  it('a supervisor previews the monthly report and downloads it as PDF, XLSX and CSV', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
    try {
      const page = await context.newPage();
      await signIn(page, server.url, server.users.supervisor);
      await page.goto(`${server.url}/console/dashboards`);
      await page.getByRole('link', { name: 'Báo cáo tháng' }).click();
      await page.getByRole('heading', { level: 1, name: 'Báo cáo tháng theo nền tảng' }).waitFor();
      const month = previousMonth();
      expect(await page.getByLabel('Tháng', { exact: true }).inputValue()).toBe(month);
      await page.getByTestId('monthly-preview').getByRole('heading', { name: `Facebook — tháng ${month}` }).waitFor();
      await page.getByTestId('monthly-summary').getByRole('rowheader', { name: 'Yêu cầu xử lý đã gửi' }).waitFor();
      await saveScreenshot(page, 'console-dashboards-monthly-report');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByLabel('Nền tảng', { exact: true }).selectOption('zalo');
      await page.getByTestId('monthly-preview').getByRole('heading', { name: `Zalo — tháng ${month}` }).waitFor();
      await page.getByLabel('Nền tảng', { exact: true }).selectOption('facebook');
      await page.getByTestId('monthly-preview').getByRole('heading', { name: `Facebook — tháng ${month}` }).waitFor();

      const pdf = await downloaded(page, 'download-pdf');
      expect(pdf.download.suggestedFilename()).toBe(`canhgiac-facebook-${month}-vi.pdf`);
      expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.body.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThan(0);

      await page.getByLabel('Ngôn ngữ của tệp').selectOption('en');
      const xlsx = await downloaded(page, 'download-xlsx');
      expect(xlsx.download.suggestedFilename()).toBe(`canhgiac-facebook-${month}-en.xlsx`);
      expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
      expect(book.getWorksheet('Summary')!.getRow(2).getCell(1).value).toBe('Escalations sent');
      expect(Number(book.getWorksheet('Summary')!.getRow(2).getCell(2).value)).toBeGreaterThan(0);

      const csv = await downloaded(page, 'download-csv');
      const text = csv.body.toString('utf8');
      expect(text.startsWith('\uFEFFMonthly report on fraud cooperation')).toBe(true);
      expect(text).toContain('Escalations sent,');

      // The print view, as the PDF's first page shows it.
      const print = await context.newPage();
      await print.setViewportSize(A4);
      await print.goto(`${server.url}/api/v1/dashboards/monthly-report?platform=facebook&month=${month}&format=html&lang=vi`);
      await print.getByRole('heading', { level: 1, name: 'Báo cáo tháng về phối hợp xử lý lừa đảo' }).waitFor();
      await print.evaluate('document.fonts.ready');
      const { mkdir } = await import('node:fs/promises');
      const directory = new URL('../../docs/screenshots/', import.meta.url);
      await mkdir(directory, { recursive: true });
      await print.screenshot({ path: new URL('console-dashboards-monthly-report-pdf-page1.png', directory).pathname, fullPage: false });
    } finally {
      await context.close();
    }
  }, 120_000);

  it('a platform operator may not open the dashboards, and reads only its own platform\'s monthly report', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await signIn(page, server.url, server.users.platform_operator);
      expect(await page.getByRole('navigation', { name: 'Điều hướng bảng điều khiển' }).getByRole('link', { name: 'Báo cáo thống kê' }).count()).toBe(0);
      await page.goto(`${server.url}/console/dashboards`);
      await page.getByTestId('not-allowed').getByRole('heading', { name: 'Không được phép' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect((await page.request.get(`${server.url}/api/v1/dashboards/figures`)).status()).toBe(403);

      await page.goto(`${server.url}/console/dashboards/monthly-report?platform=zalo`);
      // The platform is fixed to its own.
      await page.getByTestId('monthly-preview').getByRole('heading', { name: /^Facebook — tháng/ }).waitFor();
      expect(await page.getByLabel('Nền tảng', { exact: true }).isDisabled()).toBe(true);
      expect((await page.request.get(`${server.url}/api/v1/dashboards/monthly-report?platform=zalo`)).status()).toBe(403);
      expect((await page.request.get(`${server.url}/api/v1/dashboards/monthly-report?platform=facebook`)).status()).toBe(200);
    } finally {
      await context.close();
    }
  });
});
