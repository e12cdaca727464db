import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoUser } from './support/demo-credentials.ts';
import { DESKTOP, launchBrowser } from './support/browser.ts';
import { signIn } from './support/pages.ts';
import { seriousAxeViolations } from './support/portal.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';

const REASONS = { ground: 'investment', legalBasis: 'Nghị định 147/2024/NĐ-CP', evidence: ['citizen_reports'], sourceType: 'agency' };
const PAGES = ['https://www.facebook.com/queue.tools.e2e.mot', 'https://www.facebook.com/queue.tools.e2e.hai'];
const VIEW_NAME = 'Đã xác minh, mới nhất (e2e)';
const TABLET = { width: 820, height: 1180 } as const;

interface CaseRow {
  id: string;
  reference: string;
}

/** Signs in over the API (for set-up steps that are not what the test is about): a request context with the session and its CSRF token. */
async function apiAs(browser: Browser, baseUrl: string, user: DemoUser): Promise<{ context: BrowserContext; request: APIRequestContext; headers: Record<string, string> }> {
  const context = await browser.newContext();
  const answer = await context.request.post(`${baseUrl}/api/v1/auth/sign-in`, { data: { email: user.email, password: user.password } });
  expect(answer.status()).toBe(200);
  const { csrfToken } = (await answer.json()) as { csrfToken: string };
  return { context, request: context.request, headers: { 'x-csrf-token': csrfToken } };
}

describe('console queue tools: saved views, assign by name, bulk escalate', () => {
  let server: RunningServer;
  let browser: Browser;
  const cases: CaseRow[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // Two citizens report two fake investment pages; the supervisor verifies both cases (set-up, over the API).
    const citizen = await browser.newContext();
    const supervisor = await apiAs(browser, server.url, server.users.supervisor);
    try {
      for (const url of PAGES) {
        const receipt = await citizen.request.post(`${server.url}/api/v1/reports`, {
          multipart: { report: JSON.stringify({ category: 'investment', narrative: `Trang ${url} mời đầu tư lãi 3% mỗi ngày rồi chặn liên lạc.`, identifiers: [url] }) },
        });
        expect(receipt.status()).toBe(201);
        const { id } = (await receipt.json()) as { id: string };
        let caseId: string | null = null;
        for (let attempt = 0; attempt < 80 && !caseId; attempt += 1) {
          caseId = ((await (await supervisor.request.get(`${server.url}/api/v1/reports/${id}`)).json()) as { caseId: string | null }).caseId;
          if (!caseId) await new Promise((r) => setTimeout(r, 250));
        }
        if (!caseId) throw new Error('The report never became a case');
        for (const [step, body] of [['triage', {}], ['verify', { reasons: REASONS }]] as const) {
          const res = await supervisor.request.post(`${server.url}/api/v1/cases/${caseId}/${step}`, { data: body, headers: supervisor.headers });
          expect(res.status(), await res.text()).toBe(200);
        }
        const detail = (await (await supervisor.request.get(`${server.url}/api/v1/cases/${caseId}`)).json()) as CaseRow;
        cases.push({ id: caseId, reference: detail.reference });
      }
    } finally {
      await citizen.close();
      await supervisor.context.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a supervisor saves a view, applies it after a reload, assigns two cases by name and escalates them in bulk', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await signIn(page, server.url, server.users.supervisor);
      await page.goto(`${server.url}/console/queue`);
      await page.getByTestId('queue-row').first().waitFor();

      // Filters go into the address; back and forward move between them.
      await page.getByLabel('Trạng thái', { exact: true }).selectOption('verified');
      await page.waitForURL(/status=verified/);
      await page.getByLabel('Sắp xếp').selectOption('created');
      await page.waitForURL(/status=verified&sort=created/);
      await page.goBack();
      await page.waitForURL((url) => url.search === '?status=verified');
      expect(await page.getByLabel('Sắp xếp').inputValue()).toBe('updated');
      await page.goForward();
      await page.waitForURL(/sort=created/);
      expect(await page.getByLabel('Sắp xếp').inputValue()).toBe('created');

      // Save the filtering as a view shared with the agency.
      await page.getByTestId('views-toggle').click();
      await page.getByLabel('Tên chế độ xem').fill(VIEW_NAME);
      await page.getByLabel('Dùng chung với cả cơ quan').check();
      await page.getByRole('button', { name: 'Lưu', exact: true }).click();
      await page.getByText(`Đã lưu chế độ xem “${VIEW_NAME}”.`).waitFor();
      await page.getByTestId('views-list').getByRole('link', { name: VIEW_NAME }).waitFor();
      expect(await page.getByTestId('views-list').getByRole('link', { name: VIEW_NAME }).getAttribute('aria-current')).toBe('true');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'console-queue-views');

      // After a reload on the plain queue, the view is applied from the menu (a link: the filters come back into the address).
      await page.goto(`${server.url}/console/queue`);
      await page.getByTestId('queue-row').first().waitFor();
      await page.getByTestId('views-toggle').click();
      const link = page.getByTestId('views-list').getByRole('link', { name: VIEW_NAME });
      expect(await link.getAttribute('aria-current')).toBeNull();
      await link.click();
      await page.waitForURL(/status=verified&sort=created/);
      await page.getByTestId('views-toggle').getByText(VIEW_NAME).waitFor();
      for (const c of cases) await page.getByRole('link', { name: c.reference }).waitFor();

      // Assign both to the analyst by name.
      for (const c of cases) await page.getByRole('checkbox', { name: `Chọn ${c.reference}` }).check();
      await page.getByRole('button', { name: 'Giao cho…' }).click();
      const assignDialog = page.getByRole('dialog');
      await assignDialog.getByLabel('Tìm theo tên').fill('phan tich');
      await assignDialog.getByRole('radio', { name: /Lê Phân Tích/ }).check();
      expect(await assignDialog.getByRole('radio').count()).toBe(1);
      await assignDialog.getByRole('button', { name: 'Giao việc' }).click();
      await page.getByTestId('bulk-outcome').getByText('2 thành công').waitFor();
      for (const c of cases) await page.getByRole('row', { name: new RegExp(c.reference) }).getByRole('cell', { name: 'Lê Phân Tích' }).waitFor();

      // Escalate both to the platforms in one go; the counts follow at once.
      const escalatedBefore = Number(await page.locator('[data-status-count="escalated"]').textContent());
      for (const c of cases) await page.getByRole('checkbox', { name: `Chọn ${c.reference}` }).check();
      await page.getByRole('button', { name: 'Chuyển nền tảng…' }).click();
      const escalateDialog = page.getByRole('dialog');
      await escalateDialog.getByRole('checkbox', { name: 'Facebook' }).waitFor();
      await escalateDialog.getByLabel('Căn cứ pháp lý').fill('Nghị định 147/2024/NĐ-CP, Điều 23');
      await escalateDialog.getByLabel('Lời nhắn cho nền tảng').fill('Đề nghị gỡ các trang lừa đảo đầu tư này.');
      await escalateDialog.getByRole('button', { name: 'Chuyển', exact: true }).click();
      const outcome = page.getByTestId('bulk-outcome');
      await outcome.getByText('2 thành công').waitFor();
      for (const c of cases) await outcome.getByTestId('bulk-outcome-item').filter({ hasText: c.reference }).getByText('đã chuyển tới Facebook').waitFor();
      await expect.poll(async () => Number(await page.locator('[data-status-count="escalated"]').textContent()), { timeout: 5_000 }).toBe(escalatedBefore + 2);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'console-queue-bulk-escalate');
    } finally {
      await context.close();
    }
  });

  it('the analyst sees the two cases assigned to them (on a tablet)', async () => {
    const context = await browser.newContext({ viewport: TABLET });
    try {
      const page = await context.newPage();
      await signIn(page, server.url, server.users.analyst);
      await page.goto(`${server.url}/console/queue?assignee=me`);
      expect(await page.getByLabel('Người phụ trách').inputValue()).toBe('me');
      for (const c of cases) {
        const row = page.getByRole('row', { name: new RegExp(c.reference) });
        await row.getByRole('cell', { name: 'Tôi', exact: true }).waitFor();
        await row.getByText('Đã chuyển nền tảng').waitFor();
      }
      // The shared view is listed to them, but is not theirs to delete.
      await page.getByTestId('views-toggle').click();
      await page.getByTestId('views-list').getByText('của Trần Giám Sát').waitFor();
      expect(await page.getByTestId('views-list').getByRole('button').count()).toBe(0);
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a platform operator cannot list the agency\'s people', async () => {
    const operator = await apiAs(browser, server.url, server.users.platform_operator);
    try {
      expect((await operator.request.get(`${server.url}/api/v1/assignees`)).status()).toBe(403);
      expect((await operator.request.get(`${server.url}/api/v1/saved-views`)).status()).toBe(403);
    } finally {
      await operator.context.close();
    }
  });
});
