import { PNG } from 'pngjs';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser } from './support/browser.ts';
import { signIn } from './support/pages.ts';
import { seriousAxeViolations } from './support/portal.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';

// The case workspace's tools and the platform inbox's bulk work: redaction boxes drawn by mouse
// (the platform's copy is covered where they were drawn), merging two cases, expanding the
// network; Meta's operator exports CSV, imports answers (one bad row) and answers two at once;
// Zalo's operator sees none of Meta's escalations.

const SIZE = { width: 200, height: 150 } as const;
const LEGAL_BASIS = 'Nghị định 147/2024/NĐ-CP, Điều 23';
const PAGE_URL = 'https://www.facebook.com/quatang.tritan.e2e';
const SHARED_PHONE = '0900 000 212';

/** A screenshot stand-in: no pure-black pixel anywhere, so black inside a box can only be the redaction. */
function evidencePng(): Buffer {
  // pngjs writes its defaults into the options object it is given: pass a copy.
  const png = new PNG({ ...SIZE });
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const i = (png.width * y + x) << 2;
      png.data[i] = 230;
      png.data[i + 1] = 90 + (x % 100);
      png.data[i + 2] = 60 + (y % 120);
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

interface CaseRow {
  id: string;
  reference: string;
  reportCount: number;
  indicators?: { indicator: string }[];
}

async function report(request: APIRequestContext, baseUrl: string, identifiers: string[], withScreenshot = false): Promise<string> {
  const body = { category: 'online_shopping', narrative: 'Trang hứa tặng quà tri ân, bắt chuyển phí vận chuyển rồi chặn liên lạc.', amountLostVnd: 1_500_000, identifiers };
  const response = withScreenshot
    ? await request.post(`${baseUrl}/api/v1/reports`, { multipart: { report: JSON.stringify(body), evidence: { name: 'tin-nhan.png', mimeType: 'image/png', buffer: evidencePng() } } })
    : await request.post(`${baseUrl}/api/v1/reports`, { data: body });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function csrf(page: Page, baseUrl: string): Promise<Record<string, string>> {
  const me = (await (await page.request.get(`${baseUrl}/api/v1/auth/me`)).json()) as { csrfToken: string };
  return { 'x-csrf-token': me.csrfToken };
}

async function caseOfReport(page: Page, baseUrl: string, reportId: string): Promise<CaseRow> {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const r = (await (await page.request.get(`${baseUrl}/api/v1/reports/${reportId}`)).json()) as { caseId?: string | null };
    if (r.caseId) return (await (await page.request.get(`${baseUrl}/api/v1/cases/${r.caseId}`)).json()) as CaseRow;
    await page.waitForTimeout(250);
  }
  throw new Error('The report never became a case');
}

/** Triages and verifies a case; escalateByApi also escalates its Facebook subjects through the API (the UI path is covered elsewhere). */
async function verify(page: Page, baseUrl: string, caseId: string): Promise<void> {
  const headers = await csrf(page, baseUrl);
  expect((await page.request.post(`${baseUrl}/api/v1/cases/${caseId}/triage`, { headers, data: {} })).status()).toBe(200);
  const response = await page.request.post(`${baseUrl}/api/v1/cases/${caseId}/verify`, {
    headers,
    data: { reasons: { ground: 'online_shopping', legalBasis: LEGAL_BASIS, evidence: ['citizen_reports'], sourceType: 'agency' } },
  });
  expect(response.status()).toBe(200);
}

async function escalateByApi(page: Page, baseUrl: string, caseId: string): Promise<void> {
  await verify(page, baseUrl, caseId);
  const detail = (await (await page.request.get(`${baseUrl}/api/v1/cases/${caseId}`)).json()) as { indicators: { id: string; kind: string }[] };
  const response = await page.request.post(`${baseUrl}/api/v1/cases/${caseId}/escalations`, {
    headers: await csrf(page, baseUrl),
    data: { subjects: detail.indicators.filter((i) => i.kind === 'fb').map((i) => i.id), fraudCategory: 'online_shopping', legalBasis: LEGAL_BASIS },
  });
  expect(response.status()).toBe(201);
}

describe('console: redaction, merging, network expansion and the inbox in bulk', () => {
  let server: RunningServer;
  let browser: Browser;
  let main: CaseRow;
  let duplicate: CaseRow;
  let others: CaseRow[] = [];
  let metaEscalationIds: string[] = [];
  let boxes: { x: number; y: number; width: number; height: number }[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const citizen = await browser.newContext();
    try {
      // The main case: a Facebook page and a phone, with a screenshot.
      const mainReport = await report(citizen.request, server.url, [PAGE_URL, '0900 000 211'], true);
      // A second case about another phone; a third report names both phones, so the two cases share it.
      const duplicateReport = await report(citizen.request, server.url, [SHARED_PHONE]);
      await report(citizen.request, server.url, ['0900 000 211', SHARED_PHONE]);
      // Two more Facebook pages, escalated to Meta through the API, for the bulk answer.
      const more = [await report(citizen.request, server.url, ['https://www.facebook.com/khuyenmai.a.e2e']), await report(citizen.request, server.url, ['https://www.facebook.com/khuyenmai.b.e2e'])];
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await signIn(page, server.url, server.users.analyst);
        main = await caseOfReport(page, server.url, mainReport);
        duplicate = await caseOfReport(page, server.url, duplicateReport);
        others = [await caseOfReport(page, server.url, more[0]!), await caseOfReport(page, server.url, more[1]!)];
        for (const c of others) await escalateByApi(page, server.url, c.id);
      } finally {
        await context.close();
      }
    } finally {
      await citizen.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an analyst merges the duplicate, expands the network and escalates with two boxes drawn on the screenshot', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await signIn(page, server.url, server.users.analyst);
      await page.goto(`${server.url}/console/cases/${main.id}`);
      await page.getByRole('heading', { level: 1, name: `Vụ việc ${main.reference}` }).waitFor();
      const dialog = page.getByRole('dialog');

      // Merge: the duplicate is suggested (it holds the shared phone); finding it by reference works too.
      await page.locator('.case-actions__row').getByRole('button', { name: 'Gộp vụ việc' }).click();
      const candidates = dialog.getByTestId('merge-candidates');
      await candidates.getByText(duplicate.reference).waitFor();
      await candidates.getByText(/chung: .*212/).waitFor();
      await dialog.getByLabel('Tìm theo mã vụ việc').fill(duplicate.reference.toLowerCase());
      await dialog.getByRole('button', { name: 'Tìm', exact: true }).click();
      await candidates.getByText(`Kết quả cho ${duplicate.reference.toLowerCase()}`).waitFor();
      await candidates.getByRole('radio', { name: new RegExp(duplicate.reference) }).check();
      // Without a reason the server refuses and names the field.
      await dialog.getByRole('button', { name: 'Gộp vào vụ việc này' }).click();
      await dialog.getByTestId('problem').waitFor();
      await dialog.getByLabel('Lý do gộp').fill('Cùng một số điện thoại nhận tiền; cùng một nhóm lừa đảo.');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'console-merge');
      await dialog.getByRole('button', { name: 'Gộp vào vụ việc này' }).click();
      await page.getByTestId('action-done').getByText(`Đã gộp vụ việc ${duplicate.reference} vào vụ việc này.`).waitFor();
      const merged = (await (await page.request.get(`${server.url}/api/v1/cases/${duplicate.id}`)).json()) as { status: string; mergedIntoCaseId: string };
      expect(merged).toMatchObject({ status: 'merged', mergedIntoCaseId: main.id });
      // The merged case points to this one.
      await page.goto(`${server.url}/console/cases/${duplicate.id}`);
      await page.getByTestId('merged-into').getByRole('link', { name: main.reference }).click();
      await page.getByRole('heading', { level: 1, name: `Vụ việc ${main.reference}` }).waitFor();

      // The network: drawn, listed with how many of its members are shown, and expandable from a member by keyboard.
      const indicator = page.getByTestId('case-indicator').filter({ hasText: '212' }).first();
      await indicator.getByRole('button', { name: 'Mạng liên kết' }).click();
      await indicator.getByTestId('network-graph').locator('canvas').first().waitFor();
      await indicator.getByTestId('network-shown').getByText('Đang hiện 3 trên 3 thông tin').waitFor();
      // From the middle phone: it is linked to both the page and the shared phone.
      const expand = indicator.getByRole('button', { name: /^Mở rộng mạng từ .*211/ });
      await expand.focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => expand.textContent()).toBe('Đã mở rộng');
      expect(await indicator.getByTestId('network-announcement').textContent()).toMatch(/2 thông tin liên kết trực tiếp/);

      // Verify, then escalate sharing the screenshot with two boxes drawn by mouse.
      await verify(page, server.url, main.id);
      await page.reload();
      await page.getByTestId('case-status').getByText('Đã xác minh').waitFor();
      await page.locator('.case-actions__row').getByRole('button', { name: 'Chuyển nền tảng' }).click();
      await dialog.getByLabel('Căn cứ pháp lý').fill(LEGAL_BASIS);
      await dialog.getByLabel('Lời nhắn cho nền tảng').fill('Trang giả danh chương trình tri ân; đề nghị gỡ bỏ.');
      await dialog.getByRole('checkbox', { name: 'Tệp 1 (image/png)' }).check();
      const surface = dialog.getByTestId('redaction-surface');
      // The editor works in image pixels once the image has loaded: "Add a box" is enabled then.
      await expect.poll(async () => dialog.getByRole('button', { name: 'Thêm ô che' }).isEnabled()).toBe(true);
      await surface.scrollIntoViewIfNeeded();
      const area = (await surface.boundingBox())!;
      const drag = async (from: [number, number], to: [number, number]) => {
        await page.mouse.move(area.x + area.width * from[0], area.y + area.height * from[1]);
        await page.mouse.down();
        await page.mouse.move(area.x + area.width * to[0], area.y + area.height * to[1], { steps: 6 });
        await page.mouse.up();
      };
      await drag([0.1, 0.1], [0.45, 0.3]); // the victim's name
      await drag([0.55, 0.6], [0.9, 0.85]); // the balance
      await dialog.getByTestId('redaction-count').getByText('2 ô che').waitFor();
      expect(await dialog.getByTestId('redaction-preview').locator('.redaction__cover').count()).toBe(2);
      // The keyboard path: add a box, move it, delete it.
      await dialog.getByRole('button', { name: 'Thêm ô che' }).click();
      const third = dialog.getByRole('button', { name: /^Ô che 3:/ });
      await expect.poll(async () => page.evaluate('document.activeElement?.getAttribute("aria-label") ?? ""')).toMatch(/^Ô che 3:/);
      await third.waitFor();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Delete');
      await dialog.getByTestId('redaction-count').getByText('2 ô che').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'console-redaction');

      const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/v1/cases/${main.id}/escalations`));
      await dialog.getByRole('button', { name: 'Chuyển nền tảng' }).click();
      const body = (await sent).postDataJSON() as { evidence: { sha256: string; redactions: typeof boxes }[] };
      boxes = body.evidence[0]!.redactions;
      expect(boxes).toHaveLength(2);
      // Where the mouse drew them, in the image's own pixels (a pixel or two of rounding).
      expect(boxes[0]!.x).toBeGreaterThanOrEqual(18);
      expect(boxes[0]!.x).toBeLessThanOrEqual(22);
      expect(boxes[1]!.y).toBeGreaterThanOrEqual(88);
      expect(boxes[1]!.y).toBeLessThanOrEqual(92);
      await page.getByTestId('case-status').getByText('Đã chuyển nền tảng').waitFor();
      const record = page.getByTestId('escalation-record').first();
      await record.getByTestId('shared-redacted').getByText('Bản đã che (2 ô)').waitFor();
      await record.getByTestId('shared-message').getByText('Trang giả danh chương trình tri ân', { exact: false }).waitFor();
      await record.getByTestId('platform-answer').getByText('Chưa trả lời').waitFor();
    } finally {
      await context.close();
    }
  });

  it("Meta's operator gets only the covered copy, exports CSV, imports answers with a bad row and answers two at once", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
    try {
      const page = await context.newPage();
      await signIn(page, server.url, server.users.platform_operator);
      await page.goto(`${server.url}/console/inbox`);
      await page.getByRole('heading', { level: 1, name: 'Hộp yêu cầu của nền tảng' }).waitFor();
      // The demo data holds older escalations too: the open ones are this test's three.
      await page.getByLabel('Trạng thái', { exact: true }).selectOption('open');
      for (const c of [main, ...others]) await page.getByTestId('inbox-row').filter({ hasText: c.reference }).waitFor();

      // The shared file is the redacted copy: every pixel inside both boxes is black, the rest is not.
      await page.getByRole('button', { name: main.reference }).click();
      const panel = page.getByTestId('escalation-panel');
      const link = panel.getByRole('link', { name: 'Tệp 1 (image/png)' });
      await panel.getByText('Đã che thông tin').waitFor();
      const file = await page.request.get(`${server.url}${await link.getAttribute('href')}`);
      expect(file.status()).toBe(200);
      const png = PNG.sync.read(await file.body());
      expect({ width: png.width, height: png.height }).toEqual({ width: SIZE.width, height: SIZE.height });
      const pixel = (x: number, y: number) => [...png.data.subarray((png.width * y + x) << 2, ((png.width * y + x) << 2) + 3)];
      for (const b of boxes) {
        for (let y = b.y; y < b.y + b.height; y += 1) for (let x = b.x; x < b.x + b.width; x += 1) expect(pixel(x, y)).toEqual([0, 0, 0]);
      }
      expect(pixel(2, 2)).not.toEqual([0, 0, 0]);
      expect(pixel(SIZE.width - 2, SIZE.height - 2)).not.toEqual([0, 0, 0]);
      await panel.getByRole('button', { name: 'Đóng' }).click();

      // CSV export: every escalation of theirs, one line each.
      const downloading = page.waitForEvent('download');
      await page.getByTestId('csv-export').click();
      const csv = await (await downloading).createReadStream().then(async (stream) => {
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString('utf8');
      });
      const lines = csv.trim().split(/\r?\n/);
      expect(lines[0]).toMatch(/^escalation_id,case_reference,platform,status/);
      // The export follows the filter in force (open): every line is an open Facebook escalation.
      expect(lines.slice(1).every((l) => /^[0-9a-f-]{36},CG-\d{4}-\d+,facebook,open,/.test(l))).toBe(true);
      const idOf = (reference: string) => lines.find((l) => l.includes(reference))!.split(',')[0]!;
      metaEscalationIds = [main, ...others].map((c) => idOf(c.reference));
      expect(metaEscalationIds.every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);

      // CSV import: the main case's answer, and a row with an action that does not exist.
      const upload = ['escalation_id,action,note,reference', `${idOf(main.reference)},removed,Đã gỡ trang giả danh.,META-CSV-1`, `${idOf(others[0]!.reference)},deleted_forever,,`].join('\r\n');
      await page.getByLabel('Tệp CSV chứa câu trả lời').setInputFiles({ name: 'tra-loi.csv', mimeType: 'text/csv', buffer: Buffer.from(upload) });
      await page.getByRole('button', { name: 'Nhập câu trả lời' }).click();
      const results = page.getByTestId('row-results');
      await results.getByText('1 đã trả lời, 1 không thành công.').waitFor();
      expect(await results.locator('[data-ok="true"]').textContent()).toContain('Dòng 2');
      expect(await results.locator('[data-ok="false"]').textContent()).toMatch(/Dòng 3 .*không thành công.*\/action/);

      // Bulk: the two still open, answered "restricted" at once.
      for (const c of others) await page.getByRole('checkbox', { name: `Chọn ${c.reference}` }).check();
      await page.getByTestId('inbox-selected').getByText('Đã chọn 2 yêu cầu').waitFor();
      await page.getByRole('button', { name: 'Trả lời 2 yêu cầu đã chọn' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('radio', { name: 'Đã hạn chế' }).check();
      await dialog.getByLabel('Mã xử lý của nền tảng (không bắt buộc)').fill('META-BULK-7');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Gửi trả lời cho 2 yêu cầu' }).click();
      await results.getByText('2 đã trả lời, 0 không thành công.').waitFor();
      // Answered, they leave the "open" list.
      for (const c of [main, ...others]) await page.getByTestId('inbox-row').filter({ hasText: c.reference }).waitFor({ state: 'detached' });
      for (const id of metaEscalationIds.slice(1)) {
        expect(await (await page.request.get(`${server.url}/api/v1/escalations/${id}`)).json()).toMatchObject({ status: 'actioned', action: 'restricted', platformReference: 'META-BULK-7' });
      }
      // Every status again: the three answered rows beside the results.
      await page.getByLabel('Trạng thái', { exact: true }).selectOption('');
      await page.getByTestId('inbox-row').filter({ hasText: others[0]!.reference }).getByText('Đã hạn chế').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'console-inbox-bulk');
    } finally {
      await context.close();
    }

    // The analyst reads on the case what was shared and what Meta answered.
    const agency = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await agency.newPage();
      await signIn(page, server.url, server.users.analyst);
      await page.goto(`${server.url}/console/cases/${main.id}`);
      const record = page.getByTestId('escalation-record').first();
      await record.getByTestId('platform-answer').getByText('Đã gỡ bỏ').waitFor();
      await record.getByTestId('platform-note').getByText('Đã gỡ trang giả danh.').waitFor();
      await record.getByTestId('platform-reference').getByText('META-CSV-1').waitFor();
    } finally {
      await agency.close();
    }
  });

  it("another platform's operator sees none of Meta's escalations", async () => {
    const admin = await browser.newContext();
    let zalo = { email: '', password: '' };
    try {
      const page = await admin.newPage();
      await signIn(page, server.url, server.users.admin);
      const orgs = (await (await page.request.get(`${server.url}/api/v1/organizations`)).json()) as { items: { id: string; slug: string }[] };
      const created = await page.request.post(`${server.url}/api/v1/users`, {
        headers: await csrf(page, server.url),
        data: { organizationId: orgs.items.find((o) => o.slug === 'zalo')!.id, email: 'van-hanh@zalo-e2e.example', name: 'Vận hành Zalo', role: 'platform_operator' },
      });
      expect(created.status()).toBe(201);
      zalo = { email: 'van-hanh@zalo-e2e.example', password: ((await created.json()) as { password: string }).password };
    } finally {
      await admin.close();
    }
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await signIn(page, server.url, { role: 'platform_operator', ...zalo });
      await page.goto(`${server.url}/console/inbox`);
      await page.getByRole('heading', { level: 1, name: 'Hộp yêu cầu của nền tảng' }).waitFor();
      await page.getByTestId('inbox-row').first().or(page.getByText('Không có yêu cầu nào.')).first().waitFor();
      const shown = (await page.locator('main').textContent()) ?? '';
      for (const c of [main, ...others]) expect(shown).not.toContain(c.reference);
      const listed = (await (await page.request.get(`${server.url}/api/v1/escalations?limit=200`)).json()) as { items: { id: string; platform: string }[] };
      expect(listed.items.every((e) => e.platform === 'zalo')).toBe(true);
      expect(listed.items.some((e) => metaEscalationIds.includes(e.id))).toBe(false);
      const exported = await (await page.request.get(`${server.url}/api/v1/escalations/export.csv`)).text();
      for (const c of [main, ...others]) expect(exported).not.toContain(c.reference);
      // Meta's escalations by id are 404 to them, not 403: their ids do not leak.
      for (const id of metaEscalationIds) expect((await page.request.get(`${server.url}/api/v1/escalations/${id}`)).status()).toBe(404);
      expect(metaEscalationIds).toHaveLength(3);
    } finally {
      await context.close();
    }
  });
});
