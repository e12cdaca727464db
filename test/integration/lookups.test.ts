import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/api-keys.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { canonicalize } from '../../src/domain/identifiers/index.ts';
import { IndexFollower } from '../../src/jobs/index-follower.ts';
import { expectProblem, seedUsers, startTestServer, type TestServer } from '../helpers/server.ts';
import { putIndicator, putLegitimate, removeLegitimate } from '../helpers/indicators.ts';

let server: TestServer;
let follower: IndexFollower;
let partnerKey: string;
let lookupOnlyKey: string;
let feedsKey: string;

const canon = (raw: string): string => {
  const c = canonicalize(raw);
  if (!c.ok) throw new Error(`${raw}: ${c.error.message}`);
  return c.value.indicator;
};

async function get(url: string, key?: string) {
  return server.app.inject({ method: 'GET', url, headers: key ? { authorization: `Bearer ${key}` } : {} });
}

async function lookupAs(q: string, key?: string) {
  const res = await get(`/api/v1/lookup?q=${encodeURIComponent(q)}`, key);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  // A PII key is required on PostgreSQL (the same on every node); harmless on PGlite.
  server = await startTestServer({ PII_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') });
  const users = await seedUsers(server.database);
  const caller = systemCaller('test');
  partnerKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['bank-a']!, name: 'lookups', scopes: ['lookup', 'lookup:batch'] })).key;
  lookupOnlyKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['bank-b']!, name: 'single', scopes: ['lookup'] })).key;
  feedsKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['bank-b']!, name: 'feeds', scopes: ['feeds:read'] })).key;
  follower = new IndexFollower(server.database.db, server.app.lookupIndex, { gapMinAgeMs: 200 });
  await follower.startFrom(server.app.lookupIndex.version);
});

afterAll(async () => {
  await server?.close();
});

// One raw input per kind, as people type them.
const EVERY_KIND: [string, string][] = [
  ['phone', '0912 345 678'],
  ['bank', 'VCB 0011004567890'],
  ['url', 'https://login-vcb.example.net/verify'],
  ['domain', 'vcb-hotro.vn'],
  ['fb', 'https://www.facebook.com/scam.page.55'],
  ['email', 'hotro@vcb-hotro.vn'],
  ['zalo', 'zalo:0987654321'],
  ['telegram', 'https://t.me/scamhandle'],
  ['tiktok', 'https://www.tiktok.com/@scamtok'],
  ['instagram', 'https://www.instagram.com/scamgram/'],
  ['x', 'https://x.com/scamx'],
  ['youtube', 'https://www.youtube.com/@scamtube'],
  ['crypto', '0x52908400098527886E0F7030069857D2E4169EE7'],
];

describe('GET /api/v1/lookup', () => {
  it('answers listed for a confirmed identifier of every kind, from its raw form', async () => {
    for (const [kind, raw] of EVERY_KIND) {
      const c = canonicalize(raw);
      expect(c.ok, raw).toBe(true);
      if (!c.ok) continue;
      expect(c.value.kind === kind || kind === 'zalo').toBe(true);
      await putIndicator(server.database.db, { indicator: c.value.indicator, verdict: 'confirmed', confidence: 90, reportCount: 7, fraudTypes: ['investment', 'phishing_link'] });
    }
    await follower.pollOnce();
    for (const [, raw] of EVERY_KIND) {
      const body = await lookupAs(raw);
      expect(body.state, raw).toBe('listed');
      expect(body.matchedOn).toEqual({ indicator: body.indicator, relation: 'exact' });
      expect(body.listing).toMatchObject({ verdict: 'confirmed', confidence: 90, reportCount: 7, fraudTypes: ['investment', 'phishing_link'], tlp: 'green' });
      expect(body.listing.lastSeenOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(body.advice.action).toBe('warn');
      expect(body.advice.vi.length).toBeGreaterThan(10);
      expect(body.advice.en.length).toBeGreaterThan(10);
    }
  });

  it('answers not_listed (never "safe") and verified_legitimate with the owner', async () => {
    const res = await get(`/api/v1/lookup?q=${encodeURIComponent('0903 000 111')}`);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({ state: 'not_listed', indicator: 'phone:+84903000111', matchedOn: null });
    expect(JSON.stringify(body).toLowerCase()).not.toMatch(/"safe"|state":"safe/);
    expect(body.advice.en).toContain('does not make it safe');

    await putLegitimate(server.database.db, 'phone:+8419001234', 'Vietcombank', 'bank');
    await follower.pollOnce();
    const legit = await lookupAs('1900 1234', undefined);
    if (legit.indicator === 'phone:+8419001234') {
      expect(legit).toMatchObject({ state: 'verified_legitimate', owner: { name: 'Vietcombank', category: 'bank' } });
      expect(legit.advice.en).toContain('Vietcombank');
    }
    const byIndicator = await lookupAs('phone:+8419001234');
    expect(byIndicator).toMatchObject({ state: 'verified_legitimate', owner: { name: 'Vietcombank' }, advice: { action: 'none' } });
    expect(byIndicator.advice.vi).toContain('Vietcombank');
  });

  it('shows the public only confirmed TLP clear/green listings; partners also suspected, disputed and amber', async () => {
    const db = server.database.db;
    await putIndicator(db, { indicator: 'phone:+84911000001', verdict: 'suspected', confidence: 65 });
    await putIndicator(db, { indicator: 'phone:+84911000002', verdict: 'disputed', confidence: 85 });
    await putIndicator(db, { indicator: 'phone:+84911000003', verdict: 'confirmed', tlp: 'amber', confidence: 95 });
    await putIndicator(db, { indicator: 'phone:+84911000004', verdict: 'confirmed', tlp: 'red' });
    await putIndicator(db, { indicator: 'phone:+84911000005', verdict: 'cleared' });
    await putIndicator(db, { indicator: 'phone:+84911000006', verdict: 'confirmed', tlp: 'clear', confidence: 70 });
    await follower.pollOnce();
    const expectations: [string, string, string | null][] = [
      // [indicator, public state, partner action or null when not listed]
      ['phone:+84911000001', 'not_listed', 'confirm_with_user'],
      ['phone:+84911000002', 'not_listed', 'confirm_with_user'],
      ['phone:+84911000003', 'not_listed', 'block'],
      ['phone:+84911000004', 'not_listed', null],
      ['phone:+84911000005', 'not_listed', null],
      ['phone:+84911000006', 'listed', 'delay'],
    ];
    for (const [indicator, publicState, partnerAction] of expectations) {
      const pub = await lookupAs(indicator);
      expect(pub.state, indicator).toBe(publicState);
      if (publicState === 'not_listed') expect(pub.listing).toBeUndefined();
      const partner = await lookupAs(indicator, partnerKey);
      expect(partner.state, indicator).toBe(partnerAction ? 'listed' : 'not_listed');
      if (partnerAction) expect(partner.advice.action, indicator).toBe(partnerAction);
    }
  });

  it('matches a URL on its Safe Browsing expressions and registrable domain, and says which', async () => {
    const db = server.database.db;
    await putIndicator(db, { indicator: 'url:http://evil.example.org/phish/', verdict: 'confirmed' });
    await putIndicator(db, { indicator: 'domain:lua-dao.vn', verdict: 'confirmed' });
    await follower.pollOnce();
    const byPrefix = await lookupAs('https://a.evil.example.org/phish/login.html?u=1');
    expect(byPrefix).toMatchObject({ state: 'listed', matchedOn: { indicator: 'url:http://evil.example.org/phish/', relation: 'url_expression' } });
    const otherPath = await lookupAs('https://evil.example.org/other');
    expect(otherPath.state).toBe('not_listed');
    const byDomain = await lookupAs('https://shop.lua-dao.vn/thanh-toan');
    expect(byDomain).toMatchObject({ state: 'listed', matchedOn: { indicator: 'domain:lua-dao.vn', relation: 'domain' } });
  });

  it('matches a Facebook post on its owner, and a URL on a registered domain only on that domain itself', async () => {
    const db = server.database.db;
    await putIndicator(db, { indicator: 'fb:user:johnsmith55', verdict: 'confirmed' });
    await putLegitimate(db, 'domain:vietcombank.com.vn', 'Vietcombank', 'bank');
    await putLegitimate(db, 'domain:facebook.com', 'Meta', 'platform');
    await follower.pollOnce();
    const post = await lookupAs('https://www.facebook.com/john.smith.55/posts/999');
    expect(post).toMatchObject({ indicator: 'fb:post:999', state: 'listed', matchedOn: { indicator: 'fb:user:johnsmith55', relation: 'related' } });
    // A page on facebook.com is not "verified legitimate" because facebook.com is.
    const page = await lookupAs('https://www.facebook.com/some.unknown.page');
    expect(page.state).toBe('not_listed');
    const bank = await lookupAs('https://www.vietcombank.com.vn/dang-nhap');
    expect(bank).toMatchObject({ state: 'verified_legitimate', matchedOn: { indicator: 'domain:vietcombank.com.vn', relation: 'domain' }, owner: { name: 'Vietcombank' } });
    const sub = await lookupAs('https://vietcombank.com.vn.lua-dao.vn/');
    expect(sub.state).toBe('listed');
  });

  it('refuses a value it cannot read with a 400 problem naming the identifier error code', async () => {
    const p = expectProblem(await get('/api/v1/lookup?q=%40who'), 400);
    expect(p.errors?.[0]).toMatchObject({ field: 'querystring:/q', code: 'unknown_kind' });
    const forced = expectProblem(await get('/api/v1/lookup?q=123&kind=phone'), 400);
    expect(forced.errors?.[0]?.field).toBe('querystring:/q');
    expectProblem(await get('/api/v1/lookup'), 400);
    expectProblem(await get('/api/v1/lookup?q=x&kind=nope'), 400);
  });

  it('refuses an API key without the lookup scope, and a wrong key', async () => {
    expectProblem(await get('/api/v1/lookup?q=0912345678', feedsKey), 403);
    expectProblem(await get('/api/v1/lookup?q=0912345678', 'cg_00000000_notakeynotakeynotakeynotakeynotakeynotake'), 401);
  });
});

describe('repeated look-ups (the answer cache)', () => {
  it('answers a repeated query with the same bytes, and follows every change to what the answer read', async () => {
    const db = server.database.db;
    const q = 'https://pay.cache-test.example/checkout/step2?order=77';
    const first = await get(`/api/v1/lookup?q=${encodeURIComponent(q)}`);
    const second = await get(`/api/v1/lookup?q=${encodeURIComponent(q)}`);
    expect(first.json().state).toBe('not_listed');
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(second.headers['cache-control']).toBe('no-store');

    // A listing of one of its URL expressions shows at once on the same query…
    await putIndicator(db, { indicator: 'url:https://pay.cache-test.example/checkout/', verdict: 'confirmed' });
    await follower.pollOnce();
    expect(await lookupAs(q)).toMatchObject({ state: 'listed', matchedOn: { indicator: 'url:https://pay.cache-test.example/checkout/', relation: 'url_expression' } });
    // …and so does its clearing, then a listing of its registrable domain.
    await putIndicator(db, { indicator: 'url:https://pay.cache-test.example/checkout/', verdict: 'cleared' });
    await follower.pollOnce();
    expect((await lookupAs(q)).state).toBe('not_listed');
    await putIndicator(db, { indicator: 'domain:cache-test.example', verdict: 'confirmed' });
    await follower.pollOnce();
    expect(await lookupAs(q)).toMatchObject({ state: 'listed', matchedOn: { relation: 'domain' } });
  });

  it('keeps the tiers apart: a suspected listing is shown to partners only, asked in turns', async () => {
    await putIndicator(server.database.db, { indicator: 'phone:+84911000321', verdict: 'suspected' });
    await follower.pollOnce();
    for (let round = 0; round < 2; round++) {
      expect((await lookupAs('0911 000 321')).state).toBe('not_listed');
      expect((await lookupAs('0911 000 321', partnerKey)).state).toBe('listed');
    }
  });

  it('follows the verified-legitimate registry on a repeated query', async () => {
    const q = 'https://www.cache-bank.test/dang-nhap';
    expect((await lookupAs(q)).state).toBe('not_listed');
    await putLegitimate(server.database.db, 'domain:cache-bank.test', 'Ngân hàng Ví dụ', 'bank');
    await follower.pollOnce();
    expect(await lookupAs(q)).toMatchObject({ state: 'verified_legitimate', owner: { name: 'Ngân hàng Ví dụ' } });
    await removeLegitimate(server.database.db, 'domain:cache-bank.test');
    await follower.pollOnce();
    expect((await lookupAs(q)).state).toBe('not_listed');
  });
});

describe('POST /api/v1/lookup/batch', () => {
  const batch = (items: unknown, key?: string) =>
    server.app.inject({ method: 'POST', url: '/api/v1/lookup/batch', payload: { items }, headers: key ? { authorization: `Bearer ${key}` } : {} });

  it('answers one result per value, in order, with errors per item', async () => {
    const res = await batch(['0912 345 678', '@who', 'phone:+84911000001', 'not a thing', '0903 000 111'], partnerKey);
    expect(res.statusCode, res.body).toBe(200);
    const { results, actions } = res.json();
    expect(results).toHaveLength(5);
    // Actions per item, their texts once per call.
    expect(results[0].advice).toEqual({ action: 'block' }); // confirmed, confidence 90
    expect(actions.block.vi.length).toBeGreaterThan(10);
    expect(actions.none.en).toContain('does not make it safe');
    expect(results[0]).toMatchObject({ query: '0912 345 678', state: 'listed' });
    expect(results[1]).toMatchObject({ query: '@who', error: { code: 'unknown_kind' } });
    expect(results[2]).toMatchObject({ state: 'listed', listing: { verdict: 'suspected' } });
    expect(results[3].error).toBeDefined();
    expect(results[4]).toMatchObject({ state: 'not_listed' });
  });

  it('takes 10,000 values and refuses 10,001', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => `09${String(10_000_000 + i)}`);
    const ok = await batch(items, partnerKey);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().results).toHaveLength(10_000);
    const p = expectProblem(await batch([...items, '0912345678'], partnerKey), 400);
    expect(JSON.stringify(p)).toMatch(/items/);
    expectProblem(await batch([], partnerKey), 400);
  });

  it('needs an API key with the lookup:batch scope', async () => {
    expectProblem(await batch(['0912345678']), 401);
    expectProblem(await batch(['0912345678'], lookupOnlyKey), 403);
    expectProblem(await batch(['0912345678'], feedsKey), 403);
  });
});

describe('GET /api/v1/range/:prefix', () => {
  it('returns the public-tier suffixes of a range, padded to a fixed size with decoys', async () => {
    const { indicatorSha256 } = await import('../../src/domain/indicators/hashing.ts');
    const listed = indicatorSha256('phone:+84911000006');
    const hidden = indicatorSha256('phone:+84911000001'); // suspected: not public
    const legit = indicatorSha256('phone:+8419001234');
    const a = await get(`/api/v1/range/${listed.slice(0, 5)}`);
    expect(a.statusCode).toBe(200);
    const body = a.json();
    expect(body.entries).toHaveLength(64);
    expect(body.entries).toContain(`${listed.slice(5)}:L`);
    for (const e of body.entries) expect(e).toMatch(/^[0-9a-f]{59}:[LV]$/);
    const h = (await get(`/api/v1/range/${hidden.slice(0, 5).toUpperCase()}`)).json();
    expect(h.entries).toHaveLength(64);
    expect(h.entries.some((e: string) => e.startsWith(hidden.slice(5)))).toBe(false);
    const l = await get(`/api/v1/range/${legit.slice(0, 5)}`);
    expect(l.json().entries).toContain(`${legit.slice(5)}:V`);
    // The size of the answer reveals nothing about how many real entries a range holds.
    expect(l.body.length).toBe(a.body.length);
    expect((await get(`/api/v1/range/${legit.slice(0, 5)}`)).body).toBe(l.body);
  });

  it('refuses a prefix that is not 5 hex digits', async () => {
    expectProblem(await get('/api/v1/range/abcd'), 400);
    expectProblem(await get('/api/v1/range/abcdeg'), 400);
  });
});

describe('the index follower', () => {
  it('applies changes and removals, and tolerates a rolled-back sequence number', async () => {
    const db = server.database.db;
    await putIndicator(db, { indicator: 'phone:+84911000099', verdict: 'confirmed' });
    await follower.pollOnce();
    expect((await lookupAs('phone:+84911000099')).state).toBe('listed');
    await putIndicator(db, { indicator: 'phone:+84911000099', verdict: 'cleared' });
    await removeLegitimate(db, 'domain:vietcombank.com.vn');
    // A transaction that takes a seq and rolls back leaves a gap.
    await db
      .transaction(async (tx) => {
        const { sql } = await import('drizzle-orm');
        await tx.execute(sql`insert into index_changes (indicator) values ('phone:+84911000098')`);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await putIndicator(db, { indicator: 'phone:+84911000097', verdict: 'confirmed' });
    await follower.pollOnce();
    expect((await lookupAs('phone:+84911000099')).state).toBe('not_listed');
    expect((await lookupAs('phone:+84911000097')).state).toBe('listed');
    expect((await lookupAs('https://www.vietcombank.com.vn/')).state).toBe('not_listed');
    const stuck = server.app.lookupIndex.version;
    await new Promise((r) => setTimeout(r, 300));
    await follower.pollOnce();
    expect(server.app.lookupIndex.version).toBeGreaterThan(stuck);
  });
});

describe('the client procedure of docs/lookups.md', () => {
  const sha256Hex = async (s: string) => (await import('node:crypto')).createHash('sha256').update(s, 'utf8').digest('hex');

  /** What an app does: canonicalize, hash, fetch the range, compare suffixes locally. */
  async function checkPrivately(raw: string): Promise<'listed' | 'verified_legitimate' | 'not_listed'> {
    const c = canonicalize(raw);
    if (!c.ok) throw new Error(c.error.message);
    const h = await sha256Hex(c.value.indicator);
    const res = await get(`/api/v1/range/${h.slice(0, 5)}`);
    const hit = (res.json().entries as string[]).find((e) => e.slice(0, 59) === h.slice(5));
    return hit === undefined ? 'not_listed' : hit.endsWith(':L') ? 'listed' : 'verified_legitimate';
  }

  it('checks by range without sending the identifier, and keeps an offline snapshot current with deltas', async () => {
    const db = server.database.db;
    expect(await checkPrivately('0911 000 006')).toBe('listed');
    expect(await checkPrivately('0911 000 001')).toBe('not_listed'); // suspected: not public
    expect(await checkPrivately('phone:+8419001234')).toBe('verified_legitimate');
    expect(await checkPrivately('0903 000 111')).toBe('not_listed');

    // Full snapshot: a set of 8-byte truncated hashes.
    const snap = (await get('/api/v1/snapshot')).json();
    expect(snap.hashBytes).toBe(8);
    const bytes = Buffer.from(snap.listed.hashes, 'base64');
    expect(bytes.length).toBe(snap.listed.count * 8);
    const offline = new Set<string>();
    for (let i = 0; i < bytes.length; i += 8) offline.add(bytes.subarray(i, i + 8).toString('hex'));
    const t = async (indicator: string) => (await sha256Hex(indicator)).slice(0, 16);
    expect(offline.has(await t('phone:+84911000006'))).toBe(true);
    expect(offline.has(await t('phone:+84911000001'))).toBe(false);
    expect(offline.has(await t('phone:+84911000003'))).toBe(false); // amber

    // Changes on the server, then a delta since the snapshot's version.
    await putIndicator(db, { indicator: 'phone:+84922000001', verdict: 'confirmed' });
    await putIndicator(db, { indicator: 'phone:+84911000006', verdict: 'cleared' });
    await putIndicator(db, { indicator: 'phone:+84922000002', verdict: 'suspected' });
    await follower.pollOnce();
    const delta = (await get(`/api/v1/snapshot/delta?since=${snap.version}`)).json();
    expect(delta.version).toBeGreaterThan(snap.version);
    for (const h of delta.listed.added) offline.add(h);
    for (const h of delta.listed.removed) offline.delete(h);
    expect(offline.has(await t('phone:+84922000001'))).toBe(true);
    expect(offline.has(await t('phone:+84911000006'))).toBe(false);
    // A non-public change is not revealed, not even as "removed".
    const suspected = await t('phone:+84922000002');
    expect([...delta.listed.added, ...delta.listed.removed]).not.toContain(suspected);
    // An offline hit is confirmed by range before warning (8 bytes may, rarely, collide).
    expect(await checkPrivately('0922 000 001')).toBe('listed');
    expect(await checkPrivately('0911 000 006')).toBe('not_listed');

    // Up to date: an empty delta at the same version.
    const none = (await get(`/api/v1/snapshot/delta?since=${delta.version}`)).json();
    expect(none).toMatchObject({ version: delta.version, listed: { added: [], removed: [] } });
  });

  it('answers 410 Gone to a delta older than the node can describe', async () => {
    const { LookupIndex } = await import('../../src/app/lookup-index.ts');
    const { snapshotDelta } = await import('../../src/app/hashed-lookups.ts');
    const late = new LookupIndex();
    await late.load(server.database.db);
    expect(late.loadedVersion).toBeGreaterThan(0);
    // The bulk load gives the same entries as the follower's re-reads.
    const live = server.app.lookupIndex;
    for (const indicator of ['phone:+84922000001', 'phone:+84911000006', 'phone:+84911000003', canon('VCB 0011004567890'), 'phone:+84933999999']) {
      // (Except the sticky "was public" bit, which only the live node saw on 000006.)
      expect({ ...late.get(indicator), flagged: null }, indicator).toEqual({ ...live.get(indicator), flagged: null });
    }
    expect(late.get(canon('VCB 0011004567890'))).toMatchObject({ verdict: 'confirmed', confidence: 90, reportCount: 7, fraudMask: 0b10001 });
    expect(late.legitimateOwner('phone:+8419001234')?.ownerName).toBe('Vietcombank');
    late.version = late.loadedVersion + 1;
    await expect(snapshotDelta(server.database.db, late, 0)).rejects.toMatchObject({ status: 410 });
    expectProblem(await get('/api/v1/snapshot/delta?since=-1'), 400);
  });
});
