import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser } from './support/browser.ts';
import { signIn } from './support/pages.ts';
import { seriousAxeViolations } from './support/portal.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';

const TABLET = { width: 820, height: 1180 } as const;

// The reporter's contact details: the agency may read them, a platform never.
const REPORTER = { name: 'Trần Thị Báo Cáo E2E', email: 'nguoi-bao-cao@e2e.example', phone: '0900 000 777' } as const;
const PAGE_URL = 'https://www.facebook.com/dautu.laicao.e2e';

function evidencePng(): Buffer {
  const png = new PNG({ width: 160, height: 120 });
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const i = (png.width * y + x) << 2;
      png.data[i] = 200;
      png.data[i + 1] = 60 + (x % 80);
      png.data[i + 2] = 40 + (y % 90);
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

interface CaseRow {
  id: string;
  reference: string;
}

async function waitForCase(page: Page, baseUrl: string): Promise<CaseRow> {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const answer = (await (await page.request.get(`${baseUrl}/api/v1/cases?limit=5`)).json()) as { items: CaseRow[] };
    if (answer.items[0]) return answer.items[0];
    await page.waitForTimeout(250);
  }
  throw new Error('The report never became a case');
}

describe('console: the queue, the case workspace, escalations and the platform inbox', () => {
  let server: RunningServer;
  let browser: Browser;
  let caseRow: CaseRow;

  beforeAll(async () => {
    // Without the demo's 90-day history: the queue then holds this test's case and the demo's few.
    server = await startServer({ demoHistory: false });
    browser = await launchBrowser();
    // A citizen reports a fake investment page with a screenshot, leaving contact details.
    const citizen = await browser.newContext();
    try {
      const response = await citizen.request.post(`${server.url}/api/v1/reports`, {
        multipart: {
          report: JSON.stringify({
            category: 'investment',
            narrative: 'Trang Facebook mời đầu tư lãi 5% mỗi ngày; tôi chuyển 20 triệu đồng thì bị chặn liên lạc.',
            amountLostVnd: 20_000_000,
            paymentMethod: 'bank_transfer',
            identifiers: [PAGE_URL, '0900 000 555'],
            contact: REPORTER,
            consentToContact: true,
          }),
          evidence: { name: 'chup-man-hinh.png', mimeType: 'image/png', buffer: evidencePng() },
        },
      });
      expect(response.status()).toBe(201);
    } finally {
      await citizen.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an analyst works the case from the queue to verified and escalated', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await signIn(page, server.url, server.users.analyst);
      caseRow = await waitForCase(page, server.url);

      await page.getByRole('navigation', { name: 'Điều hướng bảng điều khiển' }).getByRole('link', { name: 'Hàng đợi vụ việc' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hàng đợi vụ việc' }).waitFor();
      await page.getByTestId('queue-row').first().waitFor();
      expect(await page.locator('[data-status-count="new"]').textContent()).toBe('1');
      await page.getByRole('cell', { name: 'Đầu tư, tiền ảo' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'console-queue');

      // Filters: assigned to me hides it, "any" brings it back.
      await page.getByLabel('Người phụ trách').selectOption('me');
      await page.getByText('Không có vụ việc nào khớp bộ lọc.').waitFor();
      await page.getByLabel('Người phụ trách').selectOption('');
      await page.getByTestId('queue-row').first().waitFor();

      // Bulk: take the case through POST /api/v1/cases/bulk.
      await page.getByRole('checkbox', { name: `Chọn ${caseRow.reference}` }).check();
      await page.getByRole('button', { name: 'Giao cho tôi' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Giao cho tôi' }).click();
      await page.getByTestId('bulk-outcome').getByText('1 thành công').waitFor();
      await page.getByRole('cell', { name: 'Tôi', exact: true }).waitFor();

      // Keyboard: ? opens the help, / goes to the filters, j then Enter opens the case.
      await page.locator('body').press('?');
      await page.getByTestId('shortcuts-help').getByText('Mở vụ việc').waitFor();
      await page.getByTestId('shortcuts-help').getByRole('button', { name: 'Đóng' }).click();
      await page.locator('body').press('/');
      expect(await page.evaluate('document.activeElement?.id')).toBe('q-status');
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('j');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: `Vụ việc ${caseRow.reference}` }).waitFor();

      // The workspace: the narrative, the evidence viewer, the indicator and its history.
      await page.getByText('lãi 5% mỗi ngày', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Ảnh chứng cứ số 1' }).click();
      const viewer = page.getByTestId('evidence-viewer');
      await viewer.getByRole('button', { name: 'Phóng to' }).click();
      await viewer.getByText('150%').waitFor();
      await viewer.getByRole('button', { name: 'Đóng' }).click();
      await page.getByTestId('case-indicator').first().getByRole('button', { name: 'Lịch sử kết luận' }).click();
      await page.getByRole('list', { name: /Lịch sử kết luận của/ }).waitFor();
      // The two identifiers named together form a network: drawn (Cytoscape, lazy) and listed.
      await page.getByTestId('case-indicator').first().getByRole('button', { name: 'Mạng liên kết' }).click();
      await page.getByTestId('network-graph').locator('canvas').first().waitFor();
      expect(await page.getByRole('list', { name: 'Các thông tin trong mạng' }).getByRole('listitem').count()).toBe(2);
      expect(await seriousAxeViolations(page)).toEqual([]);

      const actions = page.locator('.case-actions__row');
      const dialog = page.getByRole('dialog');
      // Triage.
      await actions.getByRole('button', { name: 'Phân loại' }).click();
      await dialog.getByLabel('Mức ưu tiên').selectOption('2');
      await dialog.getByRole('button', { name: 'Phân loại' }).click();
      await page.getByTestId('case-status').getByText('Đã phân loại').waitFor();

      // Verify: without a legal basis the server refuses, naming the field; then with one.
      await actions.getByRole('button', { name: 'Xác minh' }).click();
      await dialog.getByRole('button', { name: 'Xác minh' }).click();
      await dialog.getByTestId('problem').waitFor();
      expect(await dialog.getByTestId('problem').textContent()).toContain('/reasons/legalBasis');
      await saveScreenshot(page, 'console-verify-dialog');
      await dialog.getByLabel('Căn cứ pháp lý').fill('Nghị định 147/2024/NĐ-CP, Điều 23');
      await dialog.getByRole('checkbox', { name: 'Ảnh chụp màn hình' }).check();
      await dialog.getByRole('button', { name: 'Xác minh' }).click();
      await page.getByTestId('case-status').getByText('Đã xác minh').waitFor();
      await page.getByTestId('case-indicator').first().locator('[data-verdict="confirmed"]').first().waitFor();

      // Escalate the Facebook page to Meta.
      await actions.getByRole('button', { name: 'Chuyển nền tảng' }).click();
      await dialog.getByLabel('Căn cứ pháp lý').fill('Nghị định 147/2024/NĐ-CP, Điều 23');
      await dialog.getByLabel('Lời nhắn cho nền tảng').fill('Trang giả mạo sàn đầu tư; đề nghị gỡ bỏ.');
      await dialog.getByRole('checkbox', { name: 'Tệp 1 (image/png)' }).check();
      await dialog.getByRole('button', { name: 'Chuyển nền tảng' }).click();
      await page.getByTestId('case-status').getByText('Đã chuyển nền tảng').waitFor();
      await page.getByTestId('case-escalations').getByTestId('escalation-record').getByText('Facebook', { exact: true }).waitFor();
      await page.getByTestId('timeline').locator('[data-event="escalated"]').waitFor();
      await saveScreenshot(page, 'console-case');

      // The board: Facebook's column with a countdown.
      await page.getByRole('link', { name: 'Chuyển nền tảng' }).click();
      await page.getByRole('heading', { level: 1, name: 'Theo dõi yêu cầu gửi nền tảng' }).waitFor();
      const item = page.locator('[data-platform="facebook"]').getByTestId('board-item').first();
      await item.getByText(caseRow.reference).waitFor();
      expect(await item.locator('[data-deadline]').getAttribute('data-deadline')).toBe('on-time');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'console-escalations');
    } finally {
      await context.close();
    }
  });

  it('the platform operator acknowledges and answers in the inbox, and never sees the reporter', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      const apiBodies: string[] = [];
      page.on('response', (response) => {
        if (response.url().includes('/api/')) void response.text().then((text) => apiBodies.push(text), () => undefined);
      });
      await signIn(page, server.url, server.users.platform_operator);
      await page.getByRole('link', { name: 'Hộp yêu cầu' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hộp yêu cầu của nền tảng' }).waitFor();
      await page.getByRole('button', { name: caseRow.reference }).click();
      const panel = page.getByTestId('escalation-panel');
      await panel.getByTestId('escalation-message').getByText('Trang giả mạo sàn đầu tư').waitFor();
      // Facebook ignores dots in user names; the subject is shown as its canonical link.
      await panel.getByTestId('escalation-subjects').getByText(/dautu\.?laicao/).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'console-inbox');

      // The screenshot the analyst chose is shared through the escalation; the agency's own
      // evidence route stays closed to the platform.
      const shared = panel.getByRole('link', { name: 'Tệp 1 (image/png)' });
      const href = (await shared.getAttribute('href')) ?? '';
      expect(href).toMatch(/^\/api\/v1\/escalations\/[0-9a-f-]+\/evidence\/[0-9a-f]{64}$/);
      expect((await page.request.get(`${server.url}${href}`)).status()).toBe(200);
      expect((await page.request.get(`${server.url}/api/v1/evidence/${href.split('/').pop()}`)).status()).toBe(403);

      const dialog = page.getByRole('dialog');
      await panel.getByRole('button', { name: 'Xác nhận đã nhận' }).click();
      await dialog.getByRole('button', { name: 'Xác nhận đã nhận' }).click();
      await page.getByTestId('inbox-status').getByText('Nền tảng đã nhận').waitFor();

      await panel.getByRole('button', { name: 'Trả lời' }).click();
      await dialog.getByRole('radio', { name: 'Đã gỡ bỏ' }).check();
      await dialog.getByLabel('Ghi chú').fill('Đã gỡ trang vì lừa đảo đầu tư.');
      await dialog.getByLabel('Mã xử lý của nền tảng (không bắt buộc)').fill('META-E2E-1');
      await dialog.getByRole('button', { name: 'Gửi trả lời' }).click();
      await page.getByTestId('inbox-status').getByText('Đã trả lời').waitFor();

      const seen = `${await page.content()}\n${apiBodies.join('\n')}`;
      for (const secret of [REPORTER.name, REPORTER.email, REPORTER.phone, '0900000777', 'lãi 5% mỗi ngày']) expect(seen).not.toContain(secret);

      // The analysts' screens are not theirs: the page says so and the API answers 403.
      await page.goto(`${server.url}/console/queue`);
      await page.getByTestId('not-allowed').getByRole('heading', { name: 'Không được phép' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Điều hướng bảng điều khiển' }).getByRole('link', { name: 'Hàng đợi vụ việc' }).count()).toBe(0);
      await page.goto(`${server.url}/console/cases/${caseRow.id}`);
      await page.getByTestId('not-allowed').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect((await page.request.get(`${server.url}/api/v1/cases`)).status()).toBe(403);
      expect((await page.request.get(`${server.url}/api/v1/cases/${caseRow.id}`)).status()).toBe(403);
    } finally {
      await context.close();
    }

    // The analyst sees the platform's answer on the case.
    const agency = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await agency.newPage();
      await signIn(page, server.url, server.users.analyst);
      await page.goto(`${server.url}/console/cases/${caseRow.id}`);
      await page.getByTestId('case-status').getByText('Nền tảng đã xử lý').waitFor();
      await page.getByTestId('case-escalations').getByTestId('platform-answer').getByText('Đã gỡ bỏ', { exact: false }).waitFor();
    } finally {
      await agency.close();
    }
  });

  it('copy-pasted reports flag their case for a human: the workspace shows why, with the risk score', async () => {
    const story = 'Shop này lừa đảo, tôi chuyển tiền rồi bị chặn. Mọi người tránh xa!';
    let reportId = '';
    for (let n = 0; n < 3; n += 1) {
      const response = await (await browser.newContext()).request.post(`${server.url}/api/v1/reports`, {
        data: { category: 'online_shopping', narrative: story, identifiers: ['0987 000 911'] },
      });
      expect(response.status()).toBe(201);
      reportId = ((await response.json()) as { id: string }).id;
    }
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await signIn(page, server.url, server.users.analyst);
      const report = (await (await page.request.get(`${server.url}/api/v1/reports/${reportId}`)).json()) as { caseId: string };
      await page.goto(`${server.url}/console/cases/${report.caseId}`);
      const notice = page.getByTestId('case-coordination');
      await notice.waitFor();
      expect(await notice.textContent()).toContain('3 báo cáo kể cùng một câu chuyện, giống hệt từng chữ');
      expect(await page.getByTestId('case-risk').textContent()).toMatch(/^\d+$/);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'console-case-coordinated');
    } finally {
      await context.close();
    }
  });

  it('fits a tablet: the queue and the case page without sideways scrolling of the page', async () => {
    const context = await browser.newContext({ viewport: TABLET, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await signIn(page, server.url, server.users.supervisor);
      await page.goto(`${server.url}/console/queue`);
      await page.getByTestId('queue-row').first().waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      await saveScreenshot(page, 'console-queue-tablet');
      // The same screen in English.
      await page.getByRole('group', { name: 'Ngôn ngữ' }).getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Case queue' }).waitFor();
      await page.getByRole('button', { name: /^Actioned \d+$/ }).waitFor();
      await page.getByRole('cell', { name: 'Investment, crypto', exact: false }).first().waitFor();
      await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Tiếng Việt' }).click();
      await page.goto(`${server.url}/console/cases/${caseRow.id}`);
      await page.getByTestId('timeline').waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'console-case-tablet');
    } finally {
      await context.close();
    }
  });
});
