import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/app/errors.ts';
import { ReportPrinter } from '../../src/app/monthly-platform-report-pdf.ts';
import { queryRows } from '../../src/store/connection.ts';
import { putIndicator } from '../helpers/indicators.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

/**
 * A known history at fixed instants (T = 2026-10-01T00:00Z), written as rows, and the exact
 * figures the dashboards and the monthly report must give for it. See docs/dashboards.md for
 * the definitions.
 */
let server: TestServer;
let analyst: Session;
let supervisor: Session;
let meta: Session;
let partner: Session;
let orgs: Record<string, string>;

const T = Date.parse('2026-10-01T00:00:00Z');
const H = 3_600_000;
const at = (hours: number) => new Date(T + hours * H).toISOString();
const LEGAL_A = 'Decree 147/2024/ND-CP, Article 23';
const LEGAL_B = 'Law on Cybersecurity 2018, Article 26';
const SECRET = 'SECRET-NARRATIVE-Nguyễn Thị Riêng Tư';

const db = () => server.database.db;
const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

async function indicator(value: string, firstSeen: number) {
  await putIndicator(db(), { indicator: value, verdict: 'confirmed' });
  const [row] = await queryRows<{ id: string }>(db(), sql`update indicators set first_seen_at = ${at(firstSeen)}::timestamptz where indicator = ${value} returning id`);
  return row!.id;
}

async function caseRow(ref: string, category: string, created: number, events: [string, number][], indicators: string[]) {
  const [c] = await queryRows<{ id: string }>(db(), sql`insert into cases (reference, category, created_at) values (${ref}, ${category}, ${at(created)}::timestamptz) returning id`);
  for (const [type, when] of [['created', created] as [string, number], ...events]) {
    await db().execute(sql`insert into case_events (case_id, type, actor_type, payload, created_at) values (${c!.id}, ${type}, 'system', '{}'::jsonb, ${at(when)}::timestamptz)`);
  }
  for (const i of indicators) await db().execute(sql`insert into case_indicators (case_id, indicator_id) values (${c!.id}, ${i})`);
  return c!.id;
}

async function reportRow(category: string, created: number, amount: number | null, indicators: string[], caseId: string) {
  const [r] = await queryRows<{ id: string }>(
    db(),
    sql`insert into reports (tracking_code, channel, category, narrative, amount_lost_vnd, created_at, case_id, reporter_contact_encrypted)
        values (${`T${Math.random().toString(36).slice(2, 10).toUpperCase()}`}, 'public', ${category}, ${SECRET}, ${amount}, ${at(created)}::timestamptz, ${caseId}, 'ZW5jcnlwdGVk')
        returning id`,
  );
  for (const i of indicators) await db().execute(sql`insert into report_indicators (report_id, indicator_id, raw_input) values (${r!.id}, ${i}, 'raw')`);
}

async function escalation(p: { caseId: string; platform: string; fraud: string; legal: string; created: number; due: number; ack?: number; acted?: number; action?: string; subjects: string[] }) {
  const org = p.platform === 'facebook' ? orgs['meta']! : orgs['zalo']!;
  const status = p.acted !== undefined ? 'actioned' : p.ack !== undefined ? 'acknowledged' : 'open';
  const [e] = await queryRows<{ id: string }>(
    db(),
    sql`insert into escalations (case_id, platform, organization_id, status, fraud_category, legal_basis, due_at, due_soon_at, acknowledged_at, actioned_at, action, created_at)
        values (${p.caseId}, ${p.platform}, ${org}, ${status}, ${p.fraud}, ${p.legal}, ${at(p.due)}::timestamptz, ${at(p.due - 4)}::timestamptz,
          ${p.ack === undefined ? null : at(p.ack)}::timestamptz, ${p.acted === undefined ? null : at(p.acted)}::timestamptz, ${p.action ?? null}, ${at(p.created)}::timestamptz)
        returning id`,
  );
  for (const s of p.subjects) await db().execute(sql`insert into escalation_subjects (escalation_id, indicator_id) values (${e!.id}, ${s})`);
  return e!.id;
}

beforeAll(async () => {
  server = await startTestServer();
  const users = await seedUsers(server.database);
  orgs = users.orgs;
  analyst = await signInAs(server.app, users.analyst.email);
  supervisor = await signInAs(server.app, users.supervisor.email);
  meta = await signInAs(server.app, users.platform_operator.email);
  partner = await signInAs(server.app, users.partner_admin.email);

  const fb1 = await indicator('fb:id:1001', 0);
  const fb2 = await indicator('fb:id:1002', 0);
  const fb3 = await indicator('fb:id:1003', -48);
  const zl = await indicator('zalo:+84900000001', 24);
  const ph = await indicator('phone:+84900000002', -48);

  const c1 = await caseRow('CG-T-1', 'investment', 1, [['triaged', 2], ['verified', 5], ['escalated', 6], ['actioned', 16], ['closed', 36]], [fb1]);
  const c2 = await caseRow('CG-T-2', 'investment', 3, [['triaged', 4], ['verified', 27], ['escalated', 28], ['acknowledged', 34], ['actioned', 56]], [fb2]);
  const c3 = await caseRow('CG-T-3', 'job_task', 25, [['triaged', 25.5], ['verified', 26], ['escalated', 27]], [zl]);
  const c4 = await caseRow('CG-T-4', 'loan', 49, [['triaged', 50], ['verified', 59]], [ph]);
  const c5 = await caseRow('CG-T-5', 'investment', -24, [['triaged', -23], ['verified', -22], ['escalated', -6], ['actioned', 1]], [ph, fb3]);
  const c6 = await caseRow('CG-T-6', 'other', 29, [['triaged', 29.5], ['rejected', 30], ['reopened', 49]], [ph]);

  await reportRow('investment', 0.5, 10_000_000, [fb1], c1);
  await reportRow('investment', 2, 5_000_000, [fb2], c2);
  await reportRow('job_task', 24.5, 0, [zl], c3);
  await reportRow('loan', 48.5, 2_000_000, [ph], c4);
  await reportRow('investment', -48, 99_000_000, [ph], c5);
  await reportRow('online_shopping', -47, null, [fb3], c5);
  await reportRow('investment', 50, null, [fb1], c1);
  await reportRow('other', 29, 1_000, [ph], c6);

  // E0 is sent on 1 October in Vietnam time (01:00), 30 September in UTC: in the monthly report, not in the UTC-day dashboard period.
  await escalation({ caseId: c5, platform: 'facebook', fraud: 'online_shopping', legal: LEGAL_A, created: -6, due: 18, acted: 1, action: 'removed', subjects: [fb3] });
  await escalation({ caseId: c1, platform: 'facebook', fraud: 'investment', legal: LEGAL_B, created: 6, due: 30, ack: 8, acted: 16, action: 'removed', subjects: [fb1] });
  await escalation({ caseId: c2, platform: 'facebook', fraud: 'investment', legal: LEGAL_A, created: 28, due: 52, ack: 34, acted: 56, action: 'restricted', subjects: [fb2] });
  await escalation({ caseId: c3, platform: 'zalo', fraud: 'job_task', legal: LEGAL_A, created: 27, due: 51, subjects: [zl] });
});

afterAll(() => server?.close());

const PERIOD = `from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(72))}`;

describe('dashboard figures', () => {
  it('gives volume, backlog, time to verify, on-time rate, medians, mitigation latency and money lost per day', async () => {
    const res = await get(`/api/v1/dashboards/figures?${PERIOD}&bucket=day`, analyst.headers);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f).toMatchObject({ from: at(0), to: at(72), bucket: 'day', filters: { platform: null, fraudType: null } });
    expect(f.buckets).toEqual([
      { start: at(0), end: at(24), reports: 2, cases: 2, backlog: 3, verified: 1, medianHoursToVerify: 4, escalations: 1, onTimeRate: 1 },
      { start: at(24), end: at(48), reports: 2, cases: 2, backlog: 3, verified: 2, medianHoursToVerify: 12.5, escalations: 2, onTimeRate: 0 },
      { start: at(48), end: at(72), reports: 2, cases: 1, backlog: 5, verified: 1, medianHoursToVerify: 10, escalations: 0, onTimeRate: null },
    ]);
    expect(f.totals).toEqual({ reports: 6, cases: 5, backlogAtEnd: 5 });
    expect(f.verification).toEqual({ cases: 4, medianHours: 7, p90Hours: 19.8 });
    expect(f.escalations.total).toEqual({ count: 3, answered: 2, onTime: 1, onTimeRate: 0.333, medianHoursToAcknowledge: 4, medianHoursToAct: 19, mitigation: { subjects: 1, medianHours: 15.5 } });
    expect(f.escalations.byPlatform).toEqual([
      { platform: 'facebook', count: 2, answered: 2, onTime: 1, onTimeRate: 0.5, medianHoursToAcknowledge: 4, medianHoursToAct: 19, mitigation: { subjects: 1, medianHours: 15.5 } },
      { platform: 'zalo', count: 1, answered: 0, onTime: 0, onTimeRate: 0, medianHoursToAcknowledge: null, medianHoursToAct: null, mitigation: { subjects: 0, medianHours: null } },
    ]);
    expect(f.escalations.byFraudType.map((r: { fraudType: string }) => r.fraudType)).toEqual(['investment', 'job_task']);
    expect(f.moneyLost).toEqual({
      totalVnd: 17_001_000,
      reportsWithLoss: 4,
      byFraudType: [
        { fraudType: 'investment', reportsWithLoss: 2, amountVnd: 15_000_000 },
        { fraudType: 'loan', reportsWithLoss: 1, amountVnd: 2_000_000 },
        { fraudType: 'other', reportsWithLoss: 1, amountVnd: 1_000 },
      ],
    });
  });

  it('filters by platform and by fraud type', async () => {
    const fb = (await get(`/api/v1/dashboards/figures?${PERIOD}&platform=facebook`, supervisor.headers)).json();
    expect(fb.buckets.map((b: { reports: number }) => b.reports)).toEqual([2, 0, 1]);
    expect(fb.buckets.map((b: { cases: number }) => b.cases)).toEqual([2, 0, 0]);
    // C1 and C2 name Facebook accounts; C5 (before the period) too, and is still open.
    expect(fb.buckets.map((b: { backlog: number }) => b.backlog)).toEqual([3, 2, 2]);
    expect(fb.escalations.total).toMatchObject({ count: 2, onTimeRate: 0.5 });
    expect(fb.escalations.byPlatform.map((r: { platform: string }) => r.platform)).toEqual(['facebook']);
    expect(fb.moneyLost).toMatchObject({ totalVnd: 15_000_000, reportsWithLoss: 2 });

    const job = (await get(`/api/v1/dashboards/figures?${PERIOD}&fraudType=job_task`, analyst.headers)).json();
    expect(job.buckets.map((b: { reports: number }) => b.reports)).toEqual([0, 1, 0]);
    expect(job.verification).toEqual({ cases: 1, medianHours: 1, p90Hours: 1 });
    expect(job.escalations.total).toMatchObject({ count: 1, answered: 0, onTimeRate: 0 });
    expect(job.moneyLost).toEqual({ totalVnd: 0, reportsWithLoss: 0, byFraudType: [] });

    const none = (await get(`/api/v1/dashboards/figures?${PERIOD}&platform=nowhere`, analyst.headers)).json();
    expect(none.totals).toEqual({ reports: 0, cases: 0, backlogAtEnd: 0 });
  });

  it('buckets by week and reads dates in Vietnam time', async () => {
    // 2026-10-01 Vietnam midnight is 2026-09-30T17:00Z; to=2026-10-03 includes that whole day.
    const f = (await get('/api/v1/dashboards/figures?from=2026-10-01&to=2026-10-03&bucket=week', analyst.headers)).json();
    expect(f).toMatchObject({ from: '2026-09-30T17:00:00.000Z', to: '2026-10-03T17:00:00.000Z', bucket: 'week' });
    expect(f.buckets).toHaveLength(1);
    expect(f.buckets[0]).toMatchObject({ reports: 6, cases: 5, escalations: 4, backlog: 5 });
  });

  it('refuses a bad period with a problem naming the field', async () => {
    const reversed = expectProblem(await get(`/api/v1/dashboards/figures?from=${encodeURIComponent(at(10))}&to=${encodeURIComponent(at(0))}`, analyst.headers), 400);
    expect(reversed.errors?.[0]?.field).toBe('querystring:/from');
    expect(expectProblem(await get('/api/v1/dashboards/figures?from=yesterday', analyst.headers), 400).errors?.[0]?.field).toBe('querystring:/from');
    expect(expectProblem(await get('/api/v1/dashboards/figures?to=2026-02-30', analyst.headers), 400).errors?.[0]?.field).toBe('querystring:/to');
    expectProblem(await get('/api/v1/dashboards/figures?bucket=hour', analyst.headers), 400);
    expectProblem(await get('/api/v1/dashboards/figures?from=2020-01-01&to=2026-01-01', analyst.headers), 400);
  });

  it('is for the agency only', async () => {
    expectProblem(await get('/api/v1/dashboards/figures', meta.headers), 403);
    expectProblem(await get('/api/v1/dashboards/figures', partner.headers), 403);
    expectProblem(await get('/api/v1/dashboards/figures'), 401);
  });
});

describe('monthly platform report', () => {
  const url = (q: string) => `/api/v1/dashboards/monthly-report?${q}`;

  it('sums up a platform\'s month in Vietnam time', async () => {
    const res = await get(url('platform=facebook&month=2026-10'), supervisor.headers);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ platform: 'facebook', month: '2026-10', from: '2026-09-30T17:00:00.000Z', to: '2026-10-31T17:00:00.000Z' });
    expect(r.summary).toEqual({
      escalations: 3,
      subjects: 3,
      acknowledged: 2,
      acknowledgedOnTime: 2,
      answered: 3,
      actedOnTime: 2,
      onTimeRate: 0.667,
      overdue: 1,
      medianHoursToAcknowledge: 4,
      medianHoursToAct: 10,
    });
    expect(r.byFraudType).toEqual([
      { fraudType: 'investment', escalations: 2, answered: 2, actedOnTime: 1, onTimeRate: 0.5, medianHoursToAcknowledge: 4, medianHoursToAct: 19 },
      { fraudType: 'online_shopping', escalations: 1, answered: 1, actedOnTime: 1, onTimeRate: 1, medianHoursToAcknowledge: null, medianHoursToAct: 7 },
    ]);
    expect(r.byLegalBasis).toEqual([
      { legalBasis: LEGAL_A, escalations: 2 },
      { legalBasis: LEGAL_B, escalations: 1 },
    ]);
    expect(r.outcomes).toEqual([
      { outcome: 'removed', escalations: 2 },
      { outcome: 'restricted', escalations: 1 },
    ]);
    // fb:id:1003 first reported at T-47h, removed at T+1h (48 h); fb:id:1001 at T+0.5h, removed at T+16h (15.5 h).
    expect(r.mitigation).toEqual({ subjects: 2, medianHours: 31.75, p90Hours: 44.75 });
    expect(r.overdue).toHaveLength(1);
    expect(r.overdue[0]).toMatchObject({ caseReference: 'CG-T-2', fraudType: 'investment', dueAt: at(52), actionedAt: at(56), action: 'restricted', hoursLate: 4, subjects: ['fb:id:1002'] });

    const zalo = (await get(url('platform=zalo&month=2026-10'), analyst.headers)).json();
    expect(zalo.summary).toMatchObject({ escalations: 1, answered: 0, overdue: 1, onTimeRate: 0 });
    expect(zalo.outcomes).toEqual([{ outcome: 'unanswered', escalations: 1 }]);
    expect(zalo.overdue[0].hoursLate).toBeGreaterThan(24 * 50);

    const empty = (await get(url('platform=facebook&month=2026-08'), analyst.headers)).json();
    expect(empty.summary).toMatchObject({ escalations: 0, onTimeRate: null, medianHoursToAct: null });
  });

  it('exports CSV, XLSX and the print HTML in Vietnamese and English, with no reporter data', async () => {
    const csv = await get(url('platform=facebook&month=2026-10&format=csv'), meta.headers);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="canhgiac-facebook-2026-10-vi.csv"');
    expect(csv.body.startsWith('\uFEFFBáo cáo tháng')).toBe(true);
    expect(csv.body).toContain('Yêu cầu xử lý đã gửi,3');
    expect(csv.body).toContain('CG-T-2,Đầu tư, tiền ảo'.replace('Đầu tư, tiền ảo', '"Đầu tư, tiền ảo"'));

    const en = await get(url('platform=facebook&month=2026-10&format=csv&lang=en'), meta.headers);
    expect(en.body).toContain('Escalations sent,3');
    expect(en.body).toContain('On-time rate (%),66.7');

    const xlsx = await get(url('platform=facebook&month=2026-10&format=xlsx&lang=en'), analyst.headers);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Monthly report on fraud coopera', 'Summary', 'By fraud type', 'By legal basis', 'Outcomes', 'Time from first report to remov', 'Overdue escalations']);
    expect(book.getWorksheet('Summary')!.getRow(2).values).toEqual([undefined, 'Escalations sent', 3]);
    expect(book.getWorksheet('Overdue escalations')!.getRow(2).getCell(1).value).toBe('CG-T-2');

    const html = await get(url('platform=facebook&month=2026-10&format=html'), analyst.headers);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toContain('<html lang="vi">');
    expect(html.body).toContain('Danh sách quá hạn');

    for (const body of [csv.body, en.body, html.body, JSON.stringify((await get(url('platform=facebook&month=2026-10'), meta.headers)).json())]) {
      expect(body).not.toContain('SECRET-NARRATIVE');
      expect(body).not.toContain('ZW5jcnlwdGVk');
    }
  });

  it('prints the PDF with Chromium', async () => {
    const pdf = await get(url('platform=facebook&month=2026-10&format=pdf&lang=en'), analyst.headers);
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBeGreaterThan(0);
  }, 60_000);

  it('says 503 (problem+json through the error handler) when Chromium is not there', async () => {
    // A second server on a fresh database would cost ~20 s here; the printer raises the AppError the handler maps.
    const failure = await new ReportPrinter('/nonexistent/chromium').print('<p>x</p>').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ status: 503, code: 'printer_unavailable' });
    expect((failure as AppError).message).toContain('/nonexistent/chromium');
  });

  it('lets a platform operator read its own platform only; partners and the public not at all', async () => {
    expect((await get(url('platform=facebook&month=2026-10'), meta.headers)).statusCode).toBe(200);
    expectProblem(await get(url('platform=zalo&month=2026-10'), meta.headers), 403);
    expectProblem(await get(url('platform=facebook&month=2026-10'), partner.headers), 403);
    expectProblem(await get(url('platform=facebook&month=2026-10')), 401);
  });

  it('refuses a bad month', async () => {
    expect(expectProblem(await get(url('platform=facebook&month=2026-13'), analyst.headers), 400).errors?.[0]?.field).toBe('querystring:/month');
    expectProblem(await get(url('platform=facebook&month=October'), analyst.headers), 400);
    // Without a platform: the operator's own, for the agency Facebook's.
    expect((await get(url('month=2026-10'), analyst.headers)).json()).toMatchObject({ platform: 'facebook', summary: { escalations: 3 } });
    expect((await get(url('month=2026-10'), meta.headers)).json()).toMatchObject({ platform: 'facebook' });
    expectProblem(await get(url('platform=facebook&format=docx'), analyst.headers), 400);
  });
});
