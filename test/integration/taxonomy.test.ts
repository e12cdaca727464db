import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/app/audit.ts';
import { FRAUD_TYPES } from '../../src/domain/fraud-types.ts';
import { queryRows } from '../../src/store/connection.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let admin: Session;
let supervisor: Session;
let analyst: Session;
let operator: Session;

const db = () => server.database.db;
const send = (method: 'GET' | 'PATCH', url: string, headers: Record<string, string> = {}, payload?: object) => server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const auditCount = async () => (await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from audit_log where subject_type = 'fraud_category'`))[0]!.n;

beforeAll(async () => {
  server = await startTestServer();
  const users = await seedUsers(server.database);
  admin = await signInAs(server.app, users.admin.email);
  supervisor = await signInAs(server.app, users.supervisor.email);
  analyst = await signInAs(server.app, users.analyst.email);
  operator = await signInAs(server.app, users.platform_operator.email);
});
afterAll(async () => server?.close());

describe('the fraud category taxonomy', () => {
  it('is public to read: every fixed code, seeded with the labels the web app showed, in order', async () => {
    const res = await send('GET', '/api/v1/taxonomy');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { code: string }) => i.code)).toEqual([...FRAUD_TYPES]);
    expect(items[0]).toMatchObject({ code: 'investment', name: { vi: 'Đầu tư, tiền ảo', en: 'Investment, crypto' }, active: true, position: 10 });
    expect(items[0].description.vi).toContain('hứa lãi cao');
    expect(items.at(-1)).toMatchObject({ code: 'other', name: { vi: 'Hình thức khác', en: 'Other' } });
  });

  it('admins rename, deactivate and reorder; only the changed fields are audited; the public read follows', async () => {
    const before = await auditCount();
    const renamed = await send('PATCH', '/api/v1/taxonomy/loan', admin.headers, { nameEn: '  Loan sharks  ', nameVi: 'Cho vay' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ code: 'loan', name: { vi: 'Cho vay', en: 'Loan sharks' }, active: true });
    const [record] = await queryRows<{ action: string; actor_id: string; before: unknown; after: unknown }>(db(), sql`select action, actor_id, before, after from audit_log where subject_type = 'fraud_category' order by seq desc limit 1`);
    // The Vietnamese name was sent unchanged, so only the English one is recorded.
    expect(record).toMatchObject({ action: 'fraud_category.change', before: { nameEn: 'Loans' }, after: { nameEn: 'Loan sharks' } });

    expect((await send('PATCH', '/api/v1/taxonomy/fake_charity', admin.headers, { active: false, position: 5 })).statusCode).toBe(200);
    const items = (await send('GET', '/api/v1/taxonomy')).json().items;
    expect(items[0]).toMatchObject({ code: 'fake_charity', active: false, position: 5 });
    expect(items.find((i: { code: string }) => i.code === 'loan').name.en).toBe('Loan sharks');
    expect(await auditCount()).toBe(before + 2);

    // Sending what is already there changes nothing and records nothing.
    expect((await send('PATCH', '/api/v1/taxonomy/loan', admin.headers, { nameEn: 'Loan sharks' })).statusCode).toBe(200);
    expect(await auditCount()).toBe(before + 2);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('bad input is a 400 per field and changes nothing', async () => {
    const cases: [object, string][] = [
      [{ nameEn: '   ' }, '/nameEn'],
      [{ nameVi: '' }, '/nameVi'],
      [{ nameEn: 'x'.repeat(81) }, '/nameEn'],
      [{ descriptionVi: 'x'.repeat(401) }, '/descriptionVi'],
      [{ position: 0 }, '/position'],
      [{ active: 'no' }, '/active'],
      [{ code: 'renamed' }, '/code'],
    ];
    const before = await auditCount();
    for (const [body, field] of cases) {
      const problem = expectProblem(await send('PATCH', '/api/v1/taxonomy/romance', admin.headers, body), 400);
      expect(problem.errors?.map((e) => e.field), JSON.stringify(body)).toContain(field);
    }
    expectProblem(await send('PATCH', '/api/v1/taxonomy/romance', admin.headers, {}), 400);
    // Both names wrong at once: both fields named, and the good field beside them is not stored.
    const two = expectProblem(await send('PATCH', '/api/v1/taxonomy/romance', admin.headers, { nameVi: ' ', nameEn: ' ', position: 7 }), 400);
    expect(two.errors?.map((e) => e.field).sort()).toEqual(['/nameEn', '/nameVi']);
    // "other" is the report form's last resort.
    expect(expectProblem(await send('PATCH', '/api/v1/taxonomy/other', admin.headers, { active: false }), 400).errors?.[0]?.field).toBe('/active');
    expectProblem(await send('PATCH', '/api/v1/taxonomy/crystal_healing', admin.headers, { nameEn: 'Crystals' }), 404);
    const romance = (await send('GET', '/api/v1/taxonomy')).json().items.find((i: { code: string }) => i.code === 'romance');
    expect(romance).toMatchObject({ name: { vi: 'Tình cảm, hẹn hò', en: 'Romance and dating' }, position: 90 });
    expect(await auditCount()).toBe(before);
  });

  it('counts the reports, cases and indicators that use each category', async () => {
    const receipt = await send('PATCH', '/api/v1/taxonomy/loan', admin.headers, { position: 80 });
    expect(receipt.statusCode).toBe(200);
    const report = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { category: 'job_task', narrative: 'Việc nhẹ lương cao, nạp tiền làm nhiệm vụ rồi mất.', identifiers: ['0912 000 111'] } });
    expect(report.statusCode, report.body).toBe(201);
    const usage = await send('GET', '/api/v1/taxonomy/usage', analyst.headers);
    expect(usage.statusCode).toBe(200);
    const items = usage.json().items as { code: string; reports: number; cases: number; indicators: number }[];
    expect(items).toHaveLength(FRAUD_TYPES.length);
    expect(items.find((i) => i.code === 'job_task')).toMatchObject({ reports: 1 });
    expect(items.find((i) => i.code === 'romance')).toEqual({ code: 'romance', reports: 0, cases: 0, indicators: 0 });
  });

  it('only admins change; supervisors, analysts and platforms are refused; anonymous callers must sign in', async () => {
    for (const session of [supervisor, analyst, operator]) expectProblem(await send('PATCH', '/api/v1/taxonomy/loan', session.headers, { nameEn: 'No' }), 403);
    expectProblem(await send('PATCH', '/api/v1/taxonomy/loan', {}, { nameEn: 'No' }), 401);
    expectProblem(await send('GET', '/api/v1/taxonomy/usage', operator.headers), 403);
    expectProblem(await send('GET', '/api/v1/taxonomy/usage'), 401);
    expect((await send('GET', '/api/v1/taxonomy')).json().items.find((i: { code: string }) => i.code === 'loan').name.en).toBe('Loan sharks');
  });
});
