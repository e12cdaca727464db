import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/api-keys.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { queryRows } from '../../src/store/connection.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;
let bankKey: string;
let metaKey: string;
let readOnlyKey: string;
let agencyKey: string;
let admin: Session;
let analyst: Session;

const push = (key: string, payload: object) => server.app.inject({ method: 'POST', url: '/api/v1/partner/indicators', headers: { authorization: `Bearer ${key}` }, payload });

beforeAll(async () => {
  server = await startTestServer();
  users = await seedUsers(server.database);
  const caller = systemCaller('test');
  bankKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['bank-a']!, name: 'mules', scopes: ['indicators:write'] })).key;
  metaKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['meta']!, name: 'takedowns', scopes: ['indicators:write'] })).key;
  readOnlyKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['bank-a']!, name: 'reader', scopes: ['feeds:read'] })).key;
  agencyKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['agency']!, name: 'agency', scopes: ['indicators:write'] })).key;
  admin = await signInAs(server.app, users.admin.email);
  analyst = await signInAs(server.app, users.analyst.email);
});
afterAll(async () => server?.close());

describe('who may push and set trust', () => {
  it('refuses keys without indicators:write, the agency\'s own keys, and the public', async () => {
    expectProblem(await push(readOnlyKey, { items: [{ identifier: '0912345678', fraudType: 'loan' }] }), 403);
    const agency = await push(agencyKey, { items: [{ identifier: '0912345678', fraudType: 'loan' }] });
    expect(agency.statusCode).toBe(403);
    expectProblem(await server.app.inject({ method: 'POST', url: '/api/v1/partner/indicators', payload: { items: [] } }), 401);
  });

  it('lets only admins and supervisors set trust, checks BINs, and audits the change', async () => {
    const url = `/api/v1/organizations/${users.orgs['bank-a']}/sharing`;
    expectProblem(await server.app.inject({ method: 'PUT', url, headers: analyst.headers, payload: { maxTlp: 'amber', confirmOwnSubjects: true } }), 403);
    expectProblem(await server.app.inject({ method: 'PUT', url, headers: admin.headers, payload: { maxTlp: 'amber', confirmOwnSubjects: true, bins: ['97043'] } }), 400);
    const ok = await server.app.inject({ method: 'PUT', url, headers: admin.headers, payload: { maxTlp: 'amber', confirmOwnSubjects: true, bins: ['970436'] } });
    expect(ok.json()).toMatchObject({ maxTlp: 'amber', confirmOwnSubjects: true, bins: ['970436'] });
    const audit = await queryRows<{ action: string }>(server.database.db, sql`select action from audit_log where action = 'partner_trust.set'`);
    expect(audit).toHaveLength(1);
    // A partner reads its own setting, not another's.
    const own = await server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${bankKey}` } });
    expect(own.json().bins).toEqual(['970436']);
    expect((await server.app.inject({ method: 'GET', url: `/api/v1/organizations/${users.orgs['meta']}/sharing`, headers: { authorization: `Bearer ${bankKey}` } })).statusCode).toBe(404);
    await server.app.inject({ method: 'PUT', url: `/api/v1/organizations/${users.orgs['meta']}/sharing`, headers: admin.headers, payload: { maxTlp: 'amber', confirmOwnSubjects: true } });
  });
});

describe('pushes enter as suspected, or confirmed where the partner is trusted', () => {
  it('confirms a bank\'s accounts at its own BINs, lists the rest as suspected, with the bank as source and a statement of reasons', async () => {
    const res = await push(bankKey, {
      items: [
        { identifier: '970436:0011004560001', fraudType: 'investment', reference: 'MULE-1' },
        { identifier: '970422:1234567890', fraudType: 'investment' },
        { identifier: '0912 345 111', fraudType: 'loan' },
        { identifier: 'not an identifier at all ###', fraudType: 'loan' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json().results;
    expect(results.slice(0, 3).map((r: { outcome: string; trusted: boolean; indicator: { verdict: string } }) => [r.outcome, r.trusted, r.indicator.verdict])).toEqual([
      ['listed', true, 'confirmed'],
      ['listed', false, 'suspected'],
      ['listed', false, 'suspected'],
    ]);
    expect(results[3]).toMatchObject({ ok: false, error: { status: 400 } });
    expect(results[3].error.errors[0].field).toMatch(/^\/items\/3\//);

    const detail = (await server.app.inject({ method: 'GET', url: `/api/v1/indicators/${results[0].indicator.id}`, headers: analyst.headers })).json();
    expect(detail.sources).toEqual([expect.objectContaining({ sourceType: 'bank', organization: { id: users.orgs['bank-a'], name: 'Bank A' } })]);
    expect(detail.history[0].reasons).toMatchObject({ sourceType: 'bank', evidence: ['bank_confirmation'], decidedBy: { type: 'organization', organizationId: users.orgs['bank-a'] } });
    expect(detail.history[0].reasons.explanation).toContain('MULE-1');
  });

  it('confirms a platform\'s own accounts, and never lowers or overrides a listing', async () => {
    const fb = await push(metaKey, { items: [{ identifier: 'https://www.facebook.com/profile.php?id=100012345678901', fraudType: 'romance' }, { identifier: '0912 345 111', fraudType: 'loan' }] });
    const [own, phone] = fb.json().results;
    expect(own).toMatchObject({ outcome: 'listed', trusted: true, indicator: { indicator: 'fb:id:100012345678901', verdict: 'confirmed' } });
    // The phone was suspected already; Meta is not trusted for phone numbers: it only adds its word.
    expect(phone).toMatchObject({ outcome: 'contributed', trusted: false, indicator: { verdict: 'suspected' } });
    // A trusted bank push confirms a suspected account at its BIN.
    await server.app.inject({ method: 'PUT', url: `/api/v1/organizations/${users.orgs['bank-a']}/sharing`, headers: admin.headers, payload: { maxTlp: 'amber', confirmOwnSubjects: true, bins: ['970436', '970422'] } });
    const upgrade = (await push(bankKey, { items: [{ identifier: '970422:1234567890', fraudType: 'investment' }] })).json().results[0];
    expect(upgrade).toMatchObject({ outcome: 'confirmed', trusted: true, indicator: { verdict: 'confirmed' } });
    const audit = await queryRows<{ n: string }>(server.database.db, sql`select count(*) as n from audit_log where action = 'partner_push.recorded'`);
    expect(Number(audit[0]!.n)).toBe(6);
  });
});

describe('retries', () => {
  it('answers a retried push with the same Idempotency-Key from the first answer, recording it once', async () => {
    const payload = { items: [{ identifier: '0912 345 222', fraudType: 'loan', reference: 'RETRY-1' }] };
    const headers = { authorization: `Bearer ${bankKey}`, 'idempotency-key': 'push-retry-0001' };
    const first = await server.app.inject({ method: 'POST', url: '/api/v1/partner/indicators', headers, payload });
    const second = await server.app.inject({ method: 'POST', url: '/api/v1/partner/indicators', headers, payload });
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    const audit = await queryRows<{ n: string }>(server.database.db, sql`select count(*) as n from audit_log where action = 'partner_push.recorded' and after->>'reference' = 'RETRY-1'`);
    expect(Number(audit[0]!.n)).toBe(1);
  });
});
