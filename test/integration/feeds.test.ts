import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/api-keys.ts';
import { settle } from '../../src/app/feeds-sharing.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { validateStixObject } from '../../src/domain/stix/validator.ts';
import { queryRows } from '../../src/store/connection.ts';
import { putIndicator } from '../helpers/indicators.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;
let bankKey: string;
let platformKey: string;
let noFeedKey: string;

const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const lines = (body: string) => body.split('\n').filter(Boolean).map((l) => JSON.parse(l));

beforeAll(async () => {
  settle.ms = 0; // the tests read their own writes at once (the lag has its own test)
  server = await startTestServer();
  users = await seedUsers(server.database);
  const caller = systemCaller('test');
  bankKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['bank-a']!, name: 'feeds', scopes: ['feeds:read'] })).key;
  platformKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['meta']!, name: 'feeds', scopes: ['feeds:read'] })).key;
  noFeedKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['bank-a']!, name: 'lookups', scopes: ['lookup'] })).key;
  const db = server.database.db;
  await putIndicator(db, { indicator: 'domain:lua-dao.example', verdict: 'confirmed', tlp: 'clear', fraudTypes: ['investment'] });
  await putIndicator(db, { indicator: 'url:https://dang-nhap.example/vcb', verdict: 'suspected', tlp: 'green', fraudTypes: ['phishing_link'] });
  await putIndicator(db, { indicator: 'phone:+84912345001', verdict: 'confirmed', tlp: 'amber' });
  await putIndicator(db, { indicator: 'domain:secret.example', verdict: 'confirmed', tlp: 'red' });
  await putIndicator(db, { indicator: 'domain:old.example', verdict: 'cleared', tlp: 'green' });
});
afterAll(async () => server?.close());

describe('who may read feeds', () => {
  it('refuses the public (401) and keys without feeds:read (403)', async () => {
    expectProblem(await get('/api/v1/feeds/indicators.jsonl'), 401);
    expectProblem(await get('/api/v1/feeds/indicators.jsonl', bearer(noFeedKey)), 403);
  });
});

describe('full and incremental exports by cursor', () => {
  it('exports what is listed and shared with a partner (TLP up to amber, never red, nothing cleared)', async () => {
    const res = await get('/api/v1/feeds/indicators.jsonl', bearer(bankKey));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/jsonl');
    expect(res.headers['x-feed-mode']).toBe('full');
    const items = lines(res.body);
    expect(items.map((i) => i.indicator).sort()).toEqual(['domain:lua-dao.example', 'phone:+84912345001', 'url:https://dang-nhap.example/vcb']);
    expect(items.every((i) => i.action === 'add')).toBe(true);
  });

  it('lowers an organization\'s level when the agency sets it, and the agency sees red', async () => {
    const admin = await signInAs(server.app, users.admin.email);
    const set = await server.app.inject({ method: 'PUT', url: `/api/v1/organizations/${users.orgs['meta']}/sharing`, headers: admin.headers, payload: { maxTlp: 'green', confirmOwnSubjects: true } });
    expect(set.statusCode, set.body).toBe(200);
    const platform = lines((await get('/api/v1/feeds/indicators.jsonl', bearer(platformKey))).body);
    expect(platform.map((i) => i.tlp).sort()).toEqual(['clear', 'green']);
    const agency = lines((await get('/api/v1/feeds/indicators.jsonl', admin.headers)).body);
    expect(agency.map((i) => i.indicator)).toContain('domain:secret.example');
  });

  it('gives a cursor that returns only later changes, with delisted indicators as removals', async () => {
    const full = await get('/api/v1/feeds/indicators.csv', bearer(bankKey));
    const cursor = full.headers['x-next-cursor'] as string;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const nothing = await get(`/api/v1/feeds/indicators.jsonl?cursor=${cursor}`, bearer(bankKey));
    expect(nothing.headers['x-feed-mode']).toBe('incremental');
    expect(nothing.body).toBe('');
    await putIndicator(server.database.db, { indicator: 'domain:lua-dao.example', verdict: 'cleared', tlp: 'clear' });
    await putIndicator(server.database.db, { indicator: 'domain:moi.example', verdict: 'suspected', tlp: 'green' });
    const changes = await get(`/api/v1/feeds/indicators.jsonl?cursor=${cursor}`, bearer(bankKey));
    const items = lines(changes.body);
    expect(items.map((i) => [i.indicator, i.action])).toEqual([
      ['domain:lua-dao.example', 'remove'],
      ['domain:moi.example', 'add'],
    ]);
    const after = await get(`/api/v1/feeds/indicators.jsonl?cursor=${changes.headers['x-next-cursor']}`, bearer(bankKey));
    expect(after.body).toBe('');
  });

  it('stops a few seconds short of now, so a change committed late is not stepped over', async () => {
    const before = await get('/api/v1/feeds/indicators.jsonl', bearer(bankKey));
    settle.ms = 60_000;
    try {
      await putIndicator(server.database.db, { indicator: 'domain:vua-moi.example', verdict: 'confirmed', tlp: 'green' });
      const recent = await get(`/api/v1/feeds/indicators.jsonl?cursor=${before.headers['x-next-cursor']}`, bearer(bankKey));
      expect(recent.body).not.toContain('vua-moi.example');
      // The cursor handed out stays before the recent change…
      settle.ms = 0;
      const later = await get(`/api/v1/feeds/indicators.jsonl?cursor=${recent.headers['x-next-cursor']}`, bearer(bankKey));
      // …so the next read gets it.
      expect(lines(later.body).map((i) => i.indicator)).toContain('domain:vua-moi.example');
    } finally {
      settle.ms = 0;
    }
  });

  it('refuses a cursor it did not give', async () => {
    expectProblem(await get('/api/v1/feeds/indicators.jsonl?cursor=bm90LWEtY3Vyc29y', bearer(bankKey)), 400);
  });

  it('writes CSV with a header, quoting and no formula cells', async () => {
    await putIndicator(server.database.db, { indicator: 'email:=cmd@mail.example', verdict: 'confirmed', tlp: 'green' });
    await server.database.db.execute(sql`update indicators set display = '=cmd@mail.example' where indicator = 'email:=cmd@mail.example'`);
    const csv = (await get('/api/v1/feeds/indicators.csv', bearer(bankKey))).body.split('\r\n');
    expect(csv[0]).toBe('action,id,indicator,kind,display,verdict,confidence,tlp,fraud_types,first_seen_at,updated_at,expires_at');
    expect(csv.some((l) => l.includes(",'=cmd@mail.example,"))).toBe(true);
  });
});

describe('blocker lists', () => {
  it('serves domains as a hosts file, an Adblock list and an RPZ zone, and refuses a cursor', async () => {
    const hosts = (await get('/api/v1/feeds/indicators.hosts', bearer(bankKey))).body;
    expect(hosts).toContain('0.0.0.0 moi.example\n');
    expect(hosts).not.toContain('secret.example');
    expect(hosts).not.toContain('lua-dao.example');
    const adblock = (await get('/api/v1/feeds/indicators.adblock', bearer(bankKey))).body;
    expect(adblock.startsWith('[Adblock Plus 2.0]')).toBe(true);
    expect(adblock).toContain('||moi.example^\n');
    expect(adblock).toContain('|https://dang-nhap.example/vcb|\n');
    const rpz = await get('/api/v1/feeds/indicators.rpz', bearer(bankKey));
    expect(rpz.body).toMatch(/@ IN SOA .+ \( \d+ /);
    expect(rpz.body).toContain('moi.example CNAME .\n*.moi.example CNAME .\n');
    const cursor = (await get('/api/v1/feeds/indicators.jsonl', bearer(bankKey))).headers['x-next-cursor'];
    expectProblem(await get(`/api/v1/feeds/indicators.hosts?cursor=${cursor}`, bearer(bankKey)), 400);
  });
});

describe('STIX bundle export', () => {
  it('streams a bundle whose every object passes the STIX 2.1 rules, including sightings and revoked versions', async () => {
    const [{ id }] = (await queryRows<{ id: string }>(server.database.db, sql`select id from indicators where indicator = 'phone:+84912345001'`)) as [{ id: string }];
    await server.database.db.execute(sql`insert into sightings (indicator_id, organization_id, type, count, observed_at) values (${id}::uuid, ${users.orgs['bank-b']!}::uuid, 'seen', 3, now())`);
    const res = await get('/api/v1/feeds/indicators.stix', bearer(bankKey));
    expect(res.headers['content-type']).toContain('application/stix+json');
    const bundle = res.json();
    expect(bundle.type).toBe('bundle');
    for (const o of bundle.objects) expect(validateStixObject(o), JSON.stringify(o)).toEqual([]);
    expect(bundle.objects.some((o: { type: string }) => o.type === 'sighting')).toBe(true);
    // Sightings say how often partners saw it, not which partner.
    expect(JSON.stringify(bundle)).not.toContain(users.orgs['bank-b']);
    const cursor = res.headers['x-next-cursor'];
    await putIndicator(server.database.db, { indicator: 'domain:moi.example', verdict: 'cleared', tlp: 'green' });
    const delta = (await get(`/api/v1/feeds/indicators.stix?cursor=${cursor}`, bearer(bankKey))).json();
    const revoked = delta.objects.find((o: { type: string; x_canhgiac_indicator?: string }) => o.type === 'indicator' && o.x_canhgiac_indicator === 'domain:moi.example');
    expect(revoked.revoked).toBe(true);
  });

  it('links indicators of one scam network related-to its first visible member', async () => {
    const network = '5d6c7b8a-0000-4000-8000-00000000abcd';
    await putIndicator(server.database.db, { indicator: 'phone:+84912345601', verdict: 'confirmed', tlp: 'green' });
    await putIndicator(server.database.db, { indicator: 'phone:+84912345602', verdict: 'confirmed', tlp: 'green' });
    await putIndicator(server.database.db, { indicator: 'phone:+84912345603', verdict: 'confirmed', tlp: 'red' });
    await server.database.db.execute(sql`update indicators set network_id = ${network}::uuid where indicator in ('phone:+84912345601', 'phone:+84912345602', 'phone:+84912345603')`);
    const bundle = (await get('/api/v1/feeds/indicators.stix', bearer(bankKey))).json();
    const links = bundle.objects.filter((o: { type: string; relationship_type?: string }) => o.type === 'relationship' && o.relationship_type === 'related-to');
    expect(links).toHaveLength(1);
    for (const o of links) expect(validateStixObject(o)).toEqual([]);
    const ids = new Set(bundle.objects.map((o: { id: string }) => o.id));
    expect(ids.has(links[0].source_ref) && ids.has(links[0].target_ref)).toBe(true);
  });
});
