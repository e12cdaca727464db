import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/api-keys.ts';
import { settle } from '../../src/app/feeds-sharing.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { putIndicator } from '../helpers/indicators.ts';
import { expectProblem, seedUsers, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let key: string;
const get = (url: string, headers: Record<string, string> = { authorization: `Bearer ${key}` }) => server.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  settle.ms = 0; // the tests read their own writes at once (the lag has its own test)
  server = await startTestServer();
  const users = await seedUsers(server.database);
  key = (await createApiKey(server.database.db, systemCaller('test'), { organizationId: users.orgs['bank-a']!, name: 'misp', scopes: ['feeds:read'] })).key;
  const db = server.database.db;
  await putIndicator(db, { indicator: 'url:https://dang-nhap.example/vcb', verdict: 'confirmed', tlp: 'green', fraudTypes: ['phishing_link'] });
  await putIndicator(db, { indicator: 'domain:dang-nhap.example', verdict: 'confirmed', tlp: 'green', fraudTypes: ['phishing_link'] });
  await putIndicator(db, { indicator: 'phone:+84912345001', verdict: 'suspected', tlp: 'green', fraudTypes: ['investment'] });
  await putIndicator(db, { indicator: 'bank:970436:0011004567890', verdict: 'confirmed', tlp: 'amber', fraudTypes: ['investment'] });
  await putIndicator(db, { indicator: 'crypto:btc:1BoatSLRHtKNngkdXEeobR76b53LETtpyT', verdict: 'confirmed', tlp: 'green', fraudTypes: ['investment'] });
  await putIndicator(db, { indicator: 'email:scam@mail.example', verdict: 'cleared', tlp: 'green', fraudTypes: ['phishing_link'] });
  await putIndicator(db, { indicator: 'domain:secret.example', verdict: 'confirmed', tlp: 'red', fraudTypes: ['phishing_link'] });
  await db.execute(sql`update indicators set first_seen_at = '2026-11-20T03:00:00Z'`);
});
afterAll(async () => server?.close());

describe('the MISP feed', () => {
  it('refuses the public', async () => {
    expectProblem(await get('/api/v1/feeds/misp/manifest.json', {}), 401);
  });

  it('lists one event per day, fraud type and TLP in manifest.json, with tlp and fraud-type tags', async () => {
    const manifest = (await get('/api/v1/feeds/misp/manifest.json')).json();
    const events = Object.entries(manifest) as [string, { info: string; date: string; timestamp: string; Orgc: { name: string; uuid: string }; Tag: { name: string }[] }][];
    // phishing_link/green, investment/green, investment/amber (red never leaves the agency).
    expect(events).toHaveLength(3);
    for (const [uuid, e] of events) {
      expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(e).toMatchObject({ date: '2026-11-20', timestamp: expect.stringMatching(/^\d+$/), Orgc: { name: 'Canh Giác', uuid: expect.any(String) } });
      expect(e.Tag.map((t) => t.name)).toEqual([expect.stringMatching(/^tlp:(clear|green|amber)$/), expect.stringMatching(/^canhgiac-fraud-type="[a-z_]+"$/)]);
    }
  });

  it('serves each event with MISP attribute types, and cleared identifiers as deleted attributes', async () => {
    const manifest = (await get('/api/v1/feeds/misp/manifest.json')).json();
    const attributes: Record<string, { type: string; category: string; value: string; to_ids: boolean; deleted: boolean; uuid: string }> = {};
    for (const uuid of Object.keys(manifest)) {
      const res = await get(`/api/v1/feeds/misp/${uuid}.json`);
      expect(res.statusCode, res.body).toBe(200);
      const event = res.json().Event;
      expect(event).toMatchObject({ uuid, info: manifest[uuid].info, date: '2026-11-20', published: true, Orgc: manifest[uuid].Orgc, Tag: manifest[uuid].Tag });
      for (const a of event.Attribute) attributes[a.value] = a;
    }
    expect(attributes['https://dang-nhap.example/vcb']).toMatchObject({ type: 'url', category: 'Network activity', to_ids: true });
    expect(attributes['dang-nhap.example']).toMatchObject({ type: 'domain', category: 'Network activity' });
    expect(attributes['+84912345001']).toMatchObject({ type: 'phone-number', category: 'Financial fraud', to_ids: false });
    expect(attributes['0011004567890']).toMatchObject({ type: 'bank-account-nr', category: 'Financial fraud' });
    expect(attributes['1BoatSLRHtKNngkdXEeobR76b53LETtpyT']).toMatchObject({ type: 'btc' });
    expect(attributes['scam@mail.example']).toMatchObject({ type: 'email-src', deleted: true, to_ids: false });
    expect(attributes['secret.example']).toBeUndefined();
    expect((await get('/api/v1/feeds/misp/00000000-0000-4000-8000-000000000000.json')).statusCode).toBe(404);

    const hashes = (await get('/api/v1/feeds/misp/hashes.csv')).body.trim().split('\n');
    expect(hashes).toHaveLength(Object.keys(attributes).length);
    const md5 = createHash('md5').update('dang-nhap.example').digest('hex');
    expect(hashes.some((l) => l.startsWith(`${md5},`) && Object.keys(manifest).includes(l.split(',')[1]!))).toBe(true);
  });
});
