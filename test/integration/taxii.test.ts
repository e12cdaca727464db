import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/api-keys.ts';
import { settle } from '../../src/app/feeds-sharing.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { validateStixObject } from '../../src/domain/stix/validator.ts';
import { putIndicator } from '../helpers/indicators.ts';
import { seedUsers, signInAs, startTestServer, type TestServer } from '../helpers/server.ts';

const TAXII = 'application/taxii+json;version=2.1';
const SHARED_AT = '2026-11-20T08:00:00.123456Z';
const N_SHARED = 2100;

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;
let readKey: string;
let writeKey: string;
let noTaxiiKey: string;
let confirmedId: string;

const headers = (key: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${key}`, accept: TAXII, ...extra });
const get = (url: string, h: Record<string, string>) => server.app.inject({ method: 'GET', url, headers: h });

beforeAll(async () => {
  settle.ms = 0; // the tests read their own writes at once (the lag has its own test)
  server = await startTestServer();
  users = await seedUsers(server.database);
  const caller = systemCaller('test');
  readKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['bank-a']!, name: 'opencti', scopes: ['taxii:read'] })).key;
  writeKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['bank-b']!, name: 'misp push', scopes: ['taxii:write', 'taxii:read'] })).key;
  noTaxiiKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['bank-a']!, name: 'lookups', scopes: ['lookup'] })).key;
  // Thousands of objects changed at one instant (a bulk import), set-based.
  await server.database.db.execute(sql`
    insert into indicators (indicator, kind, display, sha256, range_prefix, verdict, tlp, confidence, fraud_types, first_seen_at, updated_at)
    select 'domain:n' || g || '.bulk.example', 'domain', 'n' || g || '.bulk.example', encode(sha256(('domain:n' || g || '.bulk.example')::bytea), 'hex'), 0,
           'confirmed', 'green', 90, '{investment}', ${SHARED_AT}::timestamptz - interval '1 day', ${SHARED_AT}::timestamptz
    from generate_series(1, ${N_SHARED}) g`);
  await putIndicator(server.database.db, { indicator: 'phone:+84912345001', verdict: 'suspected', tlp: 'green' });
  await putIndicator(server.database.db, { indicator: 'bank:970436:0011004567890', verdict: 'confirmed', tlp: 'amber' });
  await putIndicator(server.database.db, { indicator: 'domain:red-only.example', verdict: 'confirmed', tlp: 'red' });
  const collections = (await get('/taxii2/api/collections/', headers(readKey))).json();
  confirmedId = collections.collections.find((c: { alias: string }) => c.alias === 'confirmed').id;
});
afterAll(async () => server?.close());

describe('discovery, API root and collections', () => {
  it('answers discovery with the TAXII media type, to a Bearer key and to HTTP Basic with the key as password', async () => {
    const bearer = await get('/taxii2/', headers(readKey));
    expect(bearer.statusCode).toBe(200);
    expect(bearer.headers['content-type']).toBe(TAXII);
    expect(bearer.json()).toMatchObject({ title: expect.any(String), default: expect.stringMatching(/\/taxii2\/api\/$/), api_roots: [expect.stringMatching(/\/taxii2\/api\/$/)] });
    const basic = await get('/taxii2/', { authorization: `Basic ${Buffer.from(`opencti:${readKey}`).toString('base64')}`, accept: TAXII });
    expect(basic.statusCode).toBe(200);
    const root = (await get('/taxii2/api/', headers(readKey))).json();
    expect(root.versions).toEqual([TAXII]);
  });

  it('lists confirmed, suspected and submissions with ids that never change', async () => {
    const a = (await get('/taxii2/api/collections/', headers(readKey))).json();
    const b = (await get('/taxii2/api/collections/', headers(readKey))).json();
    expect(a).toEqual(b);
    expect(a.collections.map((c: { alias: string }) => c.alias)).toEqual(['confirmed', 'suspected', 'submissions']);
    for (const c of a.collections) expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const one = await get(`/taxii2/api/collections/${confirmedId}/`, headers(readKey));
    expect(one.json()).toMatchObject({ id: confirmedId, can_read: true, can_write: false, media_types: ['application/stix+json;version=2.1'] });
  });
});

describe('media types, credentials and TAXII errors', () => {
  it('answers 401 with a TAXII error resource and a WWW-Authenticate challenge without credentials or with a wrong key', async () => {
    for (const h of [{ accept: TAXII } as Record<string, string>, { accept: TAXII, authorization: `Basic ${Buffer.from('x:cg_00000000_nope').toString('base64')}` }]) {
      const res = await get('/taxii2/', h);
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toBe(TAXII);
      expect(res.headers['www-authenticate']).toContain('Basic');
      expect(res.json()).toMatchObject({ title: 'Unauthorized', http_status: '401' });
    }
  });

  it('answers 403 to a key without a TAXII scope', async () => {
    const res = await get('/taxii2/api/collections/', headers(noTaxiiKey));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ http_status: '403' });
  });

  it('answers 406 when Accept names only other media types', async () => {
    for (const accept of ['application/json', 'application/taxii+json;version=2.0', 'text/html']) {
      const res = await get('/taxii2/api/collections/', { authorization: `Bearer ${readKey}`, accept });
      expect(res.statusCode, accept).toBe(406);
    }
  });

  it('answers 415 to a POST whose body is not TAXII JSON, and 404 (TAXII error) for an unknown collection', async () => {
    const res = await server.app.inject({ method: 'POST', url: `/taxii2/api/collections/${confirmedId}/objects/`, headers: headers(writeKey, { 'content-type': 'application/json' }), payload: JSON.stringify({ objects: [] }) });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toBe(TAXII);
    const missing = await get('/taxii2/api/collections/00000000-0000-4000-8000-000000000000/objects/', headers(readKey));
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ http_status: '404' });
  });
});

async function walk(collectionId: string, limit: number, h: Record<string, string>, query = '') {
  const seen: string[] = [];
  const objects: Record<string, unknown>[] = [];
  let next: string | undefined;
  let pages = 0;
  for (;;) {
    const url = `/taxii2/api/collections/${collectionId}/objects/?limit=${limit}${query}${next ? `&next=${encodeURIComponent(next)}` : ''}`;
    const res = await get(url, h);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    pages++;
    expect(body.objects.length).toBeLessThanOrEqual(Math.min(limit, 1000));
    if (body.objects.length) {
      expect(res.headers['x-taxii-date-added-first']).toMatch(/Z$/);
      expect(res.headers['x-taxii-date-added-last']).toMatch(/Z$/);
    }
    for (const o of body.objects) {
      seen.push(o.id);
      objects.push(o);
    }
    if (!body.more) {
      expect(body.next).toBeUndefined();
      return { seen, objects, pages };
    }
    next = body.next;
  }
}

describe('pagination over thousands of objects that share one date added', () => {
  it('serves every object exactly once, 1,000 at most per page, even with a larger limit', async () => {
    const { seen, objects, pages } = await walk(confirmedId, 5000, headers(readKey));
    // 2,100 bulk rows + the amber bank account; the red one never leaves the agency.
    const rows = N_SHARED + 1;
    expect(seen.length).toBe(rows * 3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil((rows * 3) / 1000));
    expect(objects.some((o) => o.x_canhgiac_indicator === 'domain:red-only.example')).toBe(false);
    for (const o of objects) expect(validateStixObject(o), JSON.stringify(o)).toEqual([]);
  });

  it('splits an indicator\'s objects across pages with an odd limit without losing or repeating any', async () => {
    const first = await walk(confirmedId, 97, headers(readKey), `&added_after=${encodeURIComponent('2026-11-20T08:00:00.123455Z')}`);
    expect(first.seen.length).toBe(N_SHARED * 3 + 3);
    expect(new Set(first.seen).size).toBe(first.seen.length);
  }, 120_000);

  it('treats added_after as exclusive', async () => {
    const { seen } = await walk(confirmedId, 1000, headers(readKey), `&added_after=${encodeURIComponent(SHARED_AT)}`);
    // Only the bank account, changed after the bulk instant.
    expect(seen.length).toBe(3);
  });

  it('moves an object changed while a client pages to the end, as its new version', async () => {
    const page1 = (await get(`/taxii2/api/collections/${confirmedId}/objects/?limit=300`, headers(readKey))).json();
    const changed = page1.objects[0];
    await server.database.db.execute(sql`update indicators set verdict = 'cleared', updated_at = now() where id = ${changed.id.split('--')[1]}::uuid`);
    // A cleared indicator that was confirmed stays in the confirmed collection as a revoked version.
    await server.database.db.execute(sql`insert into verdict_changes (indicator_id, from_verdict, to_verdict, confidence, ground, legal_basis, evidence, decided_by, automated, source_type)
      values (${changed.id.split('--')[1]}::uuid, null, 'confirmed', 90, 'investment', 'test', '{investigation}', '{"type":"automated_rule","rule":"test"}', true, 'agency')`);
    const seen = new Set<string>(page1.objects.map((o: { id: string }) => o.id));
    let next = page1.next;
    const later: Record<string, unknown>[] = [];
    while (next) {
      const body = (await get(`/taxii2/api/collections/${confirmedId}/objects/?limit=1000&next=${encodeURIComponent(next)}`, headers(readKey))).json();
      later.push(...body.objects);
      next = body.more ? body.next : undefined;
    }
    for (const o of later) seen.add(o.id as string);
    expect(seen.size).toBe((N_SHARED + 1) * 3);
    const revoked = later.find((o) => o.id === changed.id)!;
    expect(revoked.revoked).toBe(true);
    expect(validateStixObject(revoked)).toEqual([]);
  });
});

describe('objects, versions and manifest', () => {
  it('serves one object by id, its versions and the manifest entries with dates added', async () => {
    const page = (await get(`/taxii2/api/collections/${confirmedId}/objects/?limit=3&match[type]=indicator`, headers(readKey))).json();
    expect(page.objects.every((o: { type: string }) => o.type === 'indicator')).toBe(true);
    const id = page.objects[0].id;
    const one = await get(`/taxii2/api/collections/${confirmedId}/objects/${id}/`, headers(readKey));
    expect(one.statusCode).toBe(200);
    expect(one.json().objects.map((o: { id: string }) => o.id)).toEqual([id]);
    const versions = (await get(`/taxii2/api/collections/${confirmedId}/objects/${id}/versions/`, headers(readKey))).json();
    expect(versions.versions).toEqual([page.objects[0].modified]);
    const manifest = (await get(`/taxii2/api/collections/${confirmedId}/manifest/?limit=2`, headers(readKey))).json();
    expect(manifest.objects[0]).toMatchObject({ id: expect.any(String), date_added: expect.stringMatching(/Z$/), version: expect.any(String), media_type: 'application/stix+json;version=2.1' });
    expect(manifest.more).toBe(true);
    const unknown = await get(`/taxii2/api/collections/${confirmedId}/objects/indicator--00000000-0000-4000-8000-000000000000/`, headers(readKey));
    expect(unknown.statusCode).toBe(404);
  });

  it('lets the agency see TLP red; agency users sign in with a session', async () => {
    const admin = await signInAs(server.app, users.admin.email);
    const { objects } = await walk(confirmedId, 1000, { ...admin.headers, accept: TAXII }, `&added_after=${encodeURIComponent(SHARED_AT)}`);
    expect(objects.some((o) => o.x_canhgiac_indicator === 'domain:red-only.example')).toBe(true);
  });
});

describe('adding objects', () => {
  it('confirms what a trusted partner pushes about its own subjects', async () => {
    const admin = await signInAs(server.app, users.admin.email);
    const set = await server.app.inject({ method: 'PUT', url: `/api/v1/organizations/${users.orgs['bank-b']}/sharing`, headers: admin.headers, payload: { maxTlp: 'amber', confirmOwnSubjects: true, bins: ['970415'] } });
    expect(set.statusCode).toBe(200);
    const submissions = (await get('/taxii2/api/collections/', headers(writeKey))).json().collections.find((c: { alias: string }) => c.alias === 'submissions').id;
    const body = { objects: [{ type: 'bank-account', spec_version: '2.1', id: 'bank-account--9b1f2d4e-3c1a-5e2b-8f4d-1a2b3c4d5e6f', account_number: '1010101010', x_canhgiac_bin: '970415' }] };
    const res = await server.app.inject({ method: 'POST', url: `/taxii2/api/collections/${submissions}/objects/`, headers: headers(writeKey, { 'content-type': TAXII }), payload: JSON.stringify(body) });
    expect(res.json().successes[0].message).toContain('bank:970415:1010101010: listed (confirmed)');
  });

  const envelope = {
    objects: [
      {
        type: 'indicator',
        spec_version: '2.1',
        id: 'indicator--0f5c0e1c-1e3a-4c9b-9c1e-7a7e2b9c0d11',
        created: '2026-11-27T10:00:00.000Z',
        modified: '2026-11-27T10:00:00.000Z',
        pattern: "[phone-number:value = '0912 345 777']",
        pattern_type: 'stix',
        valid_from: '2026-11-27T10:00:00.000Z',
        labels: ['job_task'],
      },
      { type: 'bank-account', spec_version: '2.1', id: 'bank-account--6b1f2d4e-3c1a-5e2b-8f4d-1a2b3c4d5e6f', account_number: '0011004567999', x_canhgiac_bin: '970436' },
      { type: 'malware', spec_version: '2.1', id: 'malware--1f2d4e6b-3c1a-4e2b-8f4d-1a2b3c4d5e6f', created: '2026-11-27T10:00:00.000Z', modified: '2026-11-27T10:00:00.000Z', name: 'x', is_family: false },
      { type: 'indicator', id: 'indicator--broken' },
    ],
  };

  it('takes indicators and observables from a partner, refuses the rest one by one, and keeps a status resource', async () => {
    const collections = (await get('/taxii2/api/collections/', headers(writeKey))).json();
    const submissions = collections.collections.find((c: { alias: string }) => c.alias === 'submissions').id;
    const res = await server.app.inject({ method: 'POST', url: `/taxii2/api/collections/${submissions}/objects/`, headers: headers(writeKey, { 'content-type': TAXII }), payload: JSON.stringify(envelope) });
    expect(res.statusCode, res.body).toBe(202);
    const status = res.json();
    expect(status).toMatchObject({ status: 'complete', total_count: 4, success_count: 2, failure_count: 2, pending_count: 0 });
    expect(status.successes.map((s: { message: string }) => s.message)).toEqual([expect.stringContaining('phone:+84912345777: listed (suspected)'), expect.stringContaining('bank:970436:0011004567999: listed (suspected)')]);
    const again = await get(`/taxii2/api/status/${status.id}/`, headers(writeKey));
    expect(again.json()).toEqual(status);
    // Another organization cannot read it.
    expect((await get(`/taxii2/api/status/${status.id}/`, headers(readKey))).statusCode).toBe(404);
    // Read-only collections refuse writes.
    const ro = await server.app.inject({ method: 'POST', url: `/taxii2/api/collections/${confirmedId}/objects/`, headers: headers(writeKey, { 'content-type': TAXII }), payload: JSON.stringify(envelope) });
    expect(ro.statusCode).toBe(403);
    // The submissions collection cannot be read.
    expect((await get(`/taxii2/api/collections/${submissions}/objects/`, headers(writeKey))).statusCode).toBe(403);
    // A key with read scope only may not write.
    const noWrite = await server.app.inject({ method: 'POST', url: `/taxii2/api/collections/${submissions}/objects/`, headers: headers(readKey, { 'content-type': TAXII }), payload: JSON.stringify(envelope) });
    expect(noWrite.statusCode).toBe(403);
  });
});
