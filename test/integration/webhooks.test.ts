import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOrganization } from '../../src/app/accounts.ts';
import { createApiKey } from '../../src/app/api-keys.ts';
import { systemCaller, type Caller } from '../../src/app/caller.ts';
import { listIdentifier } from '../../src/app/indicators.ts';
import { createSubscription } from '../../src/app/webhooks.ts';
import { outboxBatchHandlers, outboxHandlers } from '../../src/jobs/outbox-handlers.ts';
import { OutboxWorker } from '../../src/jobs/outbox-worker.ts';
import { WebhookDispatcher } from '../../src/jobs/webhook-dispatcher.ts';
import { queryRows } from '../../src/store/connection.ts';
import { enqueue } from '../../src/store/outbox.ts';
import { claimDueDeliveries, insertDelivery } from '../../src/store/webhooks.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

/** A real HTTP receiver: records every request; answers with the next status scripted for the path (200 when none). */
class Receiver {
  readonly requests: { headers: http.IncomingHttpHeaders; body: string; path: string }[] = [];
  script: Record<string, number[]> = {};
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), path: req.url ?? '' });
      const status = this.script[req.url ?? '']?.shift() ?? 200;
      // `/slow…` paths answer after 1.5 s (within the 2 s timeout).
      if ((req.url ?? '').startsWith('/slow')) return void setTimeout(() => res.end('ok'), 1500);
      if (status === 302) res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
      else res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status >= 400 ? `failure ${'x'.repeat(3000)}` : 'ok');
    });
  });
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  bodiesFor(path: string): { type: string; data: Record<string, unknown> }[] {
    return this.requests.filter((r) => r.path === path).map((r) => JSON.parse(r.body));
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const REASONS = { ground: 'investment', legalBasis: 'Decree 147/2024/ND-CP', evidence: ['citizen_reports'], sourceType: 'agency' };
const SETTINGS = { timeoutMs: 2000, retryBaseMs: 1000, retryMaxMs: 60_000, retryWindowMs: 24 * 3_600_000, allowPrivateTargets: true };

let server: TestServer;
let receiver: Receiver;
let base: string;
let orgs: Record<string, string>;
let admin: Session;
let analyst: Session;
let bankKey: string;
let bankKeyNoScope: string;
let otherBankKey: string;
const system = systemCaller('webhook-test');
const adminCaller = (): Caller => system;
/** The dispatcher's clock: moved by hand, never behind the real one. */
let clock = Date.now() + 1000;
let dispatcher: WebhookDispatcher;
let outbox: OutboxWorker;

async function pump(): Promise<void> {
  while ((await outbox.drainOnce()) > 0);
  clock = Math.max(clock, Date.now());
  // One delivery per subscription at a time: drain until nothing is due.
  while ((await dispatcher.drainOnce()) > 0);
}

async function listed(value: string, verdict: 'suspected' | 'confirmed' = 'suspected', tlp: 'green' | 'amber' | 'red' = 'green') {
  return listIdentifier(server.database.db, adminCaller(), { value, verdict, tlp, reasons: REASONS }, server.context.config.indicators);
}

async function subscribe(organizationId: string, path: string, eventTypes: string[], routing: 'concerned' | 'all' = 'concerned') {
  return createSubscription(server.database.db, system, { organizationId, url: `${base}${path}`, eventTypes, routing }, { allowPrivateTargets: true, secretGraceMs: 3_600_000 });
}

beforeAll(async () => {
  server = await startTestServer({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
  receiver = new Receiver();
  base = await receiver.start();
  const users = await seedUsers(server.database);
  orgs = users.orgs;
  const db = server.database.db;
  for (const o of [
    { slug: 'viettel', name: 'Viettel', kind: 'telco' as const },
    { slug: 'mobifone', name: 'MobiFone', kind: 'telco' as const },
  ]) {
    orgs[o.slug] = (await createOrganization(db, system, o)).id;
    await db.execute(sql`update organizations set network = ${o.slug} where id = ${orgs[o.slug]}`);
  }
  await db.execute(sql`insert into partner_trust (organization_id, bins) values (${orgs['bank-a']}, '{970436}'), (${orgs['bank-b']}, '{970418}')`);
  bankKey = (await createApiKey(db, system, { organizationId: orgs['bank-a']!, name: 'hooks', scopes: ['webhooks:manage'] })).key;
  bankKeyNoScope = (await createApiKey(db, system, { organizationId: orgs['bank-a']!, name: 'lookups', scopes: ['lookup'] })).key;
  otherBankKey = (await createApiKey(db, system, { organizationId: orgs['bank-b']!, name: 'hooks', scopes: ['webhooks:manage'] })).key;
  admin = await signInAs(server.app, 'admin@test.example');
  analyst = await signInAs(server.app, 'analyst@test.example');
  // As the server runs it: webhook topics fanned out in batches (serve.ts).
  outbox = new OutboxWorker(db, { handlers: outboxHandlers(pino({ level: 'silent' }), { db }), batchHandlers: outboxBatchHandlers(pino({ level: 'silent' }), { db }) });
  dispatcher = new WebhookDispatcher(db, { settings: SETTINGS, now: () => new Date(clock), random: () => 0.5 });
});

afterAll(async () => {
  await receiver?.close();
  await server?.close();
});

beforeEach(async () => {
  // Each test starts with an empty queue and no subscriptions of earlier tests.
  await pump();
  await server.database.db.execute(sql`delete from webhook_subscriptions`);
  receiver.requests.length = 0;
  receiver.script = {};
});

describe('webhook subscriptions over HTTP', () => {
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });

  it('a key with webhooks:manage registers a receiver for its organization; the secret is shown once', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: auth(bankKey), payload: { url: `${base}/a`, eventTypes: ['indicator.listed'], description: 'fraud engine' } });
    expect(res.statusCode).toBe(201);
    const { subscription, secret } = res.json();
    expect(secret).toMatch(/^whsec_/);
    expect(subscription).toMatchObject({ organizationId: orgs['bank-a'], status: 'active', routing: 'concerned', eventTypes: ['indicator.listed'] });
    const got = await server.app.inject({ method: 'GET', url: `/api/v1/webhooks/${subscription.id}`, headers: auth(bankKey) });
    expect(got.statusCode).toBe(200);
    expect(got.body).not.toContain('whsec_');
    // Stored encrypted: a copy of the database does not sign webhooks.
    const [stored] = await queryRows<{ secret: string }>(server.database.db, sql`select secret from webhook_subscriptions where id = ${subscription.id}`);
    expect(stored!.secret).toMatch(/^v1\./);
    expect(stored!.secret).not.toContain(secret.slice(6));
    const audit = await queryRows<{ action: string }>(server.database.db, sql`select action from audit_log where subject_id = ${subscription.id}`);
    expect(audit.map((a) => a.action)).toEqual(['webhook.created']);
  });

  it('anonymous 401, a user without the role 403, a key without the scope 403, an unknown event type 400', async () => {
    expectProblem(await server.app.inject({ method: 'GET', url: '/api/v1/webhooks' }), 401);
    expectProblem(await server.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: analyst.headers }), 403);
    expectProblem(await server.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: auth(bankKeyNoScope) }), 403);
    expectProblem(await server.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: auth(bankKey), payload: { url: `${base}/a`, eventTypes: ['indicator.eaten'] } }), 400);
  });

  it('an organization can neither see nor change another organization’s subscriptions or deliveries', async () => {
    const { subscription } = await subscribe(orgs['bank-a']!, '/a', ['indicator.listed']);
    await listed('bank:970436:1111000001');
    await pump();
    const [delivery] = (await server.app.inject({ method: 'GET', url: `/api/v1/webhooks/${subscription.id}/deliveries`, headers: auth(bankKey) })).json().items;
    expect(delivery).toMatchObject({ status: 'delivered', eventType: 'indicator.listed' });
    for (const [method, url] of [
      ['GET', `/api/v1/webhooks/${subscription.id}`],
      ['PATCH', `/api/v1/webhooks/${subscription.id}`],
      ['DELETE', `/api/v1/webhooks/${subscription.id}`],
      ['POST', `/api/v1/webhooks/${subscription.id}/rotate-secret`],
      ['GET', `/api/v1/webhooks/${subscription.id}/deliveries`],
      ['GET', `/api/v1/webhooks/${subscription.id}/deliveries/${delivery.id}`],
      ['POST', `/api/v1/webhooks/${subscription.id}/deliveries/${delivery.id}/replay`],
    ] as const) {
      const res = await server.app.inject({ method, url, headers: auth(otherBankKey), ...(method === 'PATCH' ? { payload: { status: 'paused' } } : {}) });
      expectProblem(res, 404);
    }
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: auth(otherBankKey) })).json().items).toEqual([]);
    // The agency's administrator sees every organization's.
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: admin.headers })).json().items.map((s: { id: string }) => s.id)).toEqual([subscription.id]);
  });

  it('update pauses (deliveries queue) and resumes; delete removes the queue', async () => {
    const { subscription } = await subscribe(orgs['bank-a']!, '/p', ['indicator.listed']);
    const paused = await server.app.inject({ method: 'PATCH', url: `/api/v1/webhooks/${subscription.id}`, headers: auth(bankKey), payload: { status: 'paused', eventTypes: ['indicator.listed', 'indicator.cleared'] } });
    expect(paused.json()).toMatchObject({ status: 'paused', eventTypes: ['indicator.listed', 'indicator.cleared'] });
    await listed('bank:970436:1111000002');
    await pump();
    expect(receiver.requests).toHaveLength(0);
    await server.app.inject({ method: 'PATCH', url: `/api/v1/webhooks/${subscription.id}`, headers: admin.headers, payload: { status: 'active' } });
    await pump();
    expect(receiver.bodiesFor('/p').map((b) => b.data.indicator)).toEqual(['bank:970436:1111000002']);
    expect((await server.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${subscription.id}`, headers: auth(bankKey) })).statusCode).toBe(204);
    expectProblem(await server.app.inject({ method: 'GET', url: `/api/v1/webhooks/${subscription.id}`, headers: auth(bankKey) }), 404);
  });
});

describe('signing', () => {
  it('every delivery verifies with the standardwebhooks reference library', async () => {
    const { secret } = await subscribe(orgs['bank-a']!, '/s', ['indicator.listed', 'indicator.confirmed']);
    await listed('bank:970436:2222000001', 'confirmed');
    await pump();
    const [request] = receiver.requests;
    expect(request!.headers['webhook-id']).toMatch(/^msg_cg\d+$/);
    const event = new Webhook(secret).verify(request!.body, request!.headers as Record<string, string>) as { type: string; data: Record<string, unknown> };
    expect(event).toMatchObject({ type: 'indicator.confirmed', data: { indicator: 'bank:970436:2222000001', kind: 'bank', verdict: 'confirmed', previousVerdict: null, concerns: { bins: ['970436'] } } });
  });

  it('the listings of one report batch travel as one outbox message and arrive as one signed event each', async () => {
    const { secret } = await subscribe(orgs['agency']!, '/batch', ['indicator.listed'], 'all');
    const identifiers = ['bank:970436:1313000001', '0961 234 913', 'https://batch-listing.example/pay'];
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { category: 'online_shopping', narrative: 'Paid a deposit to a seller who then blocked me.', identifiers },
    });
    expect(res.statusCode).toBe(201);
    const messages = await queryRows<{ id: number; payload: { changes: { indicator: string }[] } }>(
      server.database.db,
      sql`select id, payload from outbox where topic = 'indicator.verdicts_changed' order by id desc limit 1`,
    );
    expect(messages[0]!.payload.changes.map((c) => c.indicator).sort()).toEqual(res.json().identifiers.map((i: { indicator: string }) => i.indicator).sort());
    await pump();
    const requests = receiver.requests.filter((r) => r.path === '/batch');
    expect(requests).toHaveLength(3);
    const ids = requests.map((r) => String(r.headers['webhook-id']));
    // One webhook-id per event, numbered within the message: receivers deduplicate on it.
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(new RegExp(`^msg_cg${messages[0]!.id}_[0-2]$`));
    const events = requests.map((r) => new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as { type: string; data: { indicator: string; verdict: string } });
    expect(events.map((e) => e.type)).toEqual(['indicator.listed', 'indicator.listed', 'indicator.listed']);
    expect(events.map((e) => e.data.indicator).sort()).toEqual(messages[0]!.payload.changes.map((c) => c.indicator).sort());
    expect(events.every((e) => e.data.verdict === 'suspected')).toBe(true);
  });

  it('after a rotation each message carries two signatures, valid for the new and the old secret', async () => {
    const { subscription, secret: old } = await subscribe(orgs['bank-a']!, '/r', ['indicator.listed']);
    const res = await server.app.inject({ method: 'POST', url: `/api/v1/webhooks/${subscription.id}/rotate-secret`, headers: { authorization: `Bearer ${bankKey}` } });
    const { secret: fresh, subscription: rotated } = res.json();
    expect(fresh).not.toBe(old);
    expect(rotated.previousSecretValidUntil).not.toBeNull();
    await listed('bank:970436:2222000002');
    await pump();
    const [request] = receiver.requests;
    expect(String(request!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [fresh, old]) expect(() => new Webhook(secret).verify(request!.body, request!.headers as Record<string, string>)).not.toThrow();
  });

  it('a test event is queued, signed and logged like any other', async () => {
    const { subscription, secret } = await subscribe(orgs['bank-a']!, '/ping', ['indicator.listed']);
    const res = await server.app.inject({ method: 'POST', url: `/api/v1/webhooks/${subscription.id}/test`, headers: { authorization: `Bearer ${bankKey}` } });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ eventType: 'webhook.test', status: 'pending' });
    await pump();
    const [request] = receiver.requests;
    expect(new Webhook(secret).verify(request!.body, request!.headers as Record<string, string>)).toMatchObject({ type: 'webhook.test', data: { subscriptionId: subscription.id } });
    expectProblem(await server.app.inject({ method: 'POST', url: `/api/v1/webhooks/${subscription.id}/test`, headers: { authorization: `Bearer ${otherBankKey}` } }), 404);
  });
});

describe('routing to whom events concern', () => {
  it('banks by BIN, telcos by network, platforms by platform; TLP:AMBER only to the concerned, `all` gets green', async () => {
    await subscribe(orgs['bank-a']!, '/bank-a', ['indicator.listed']);
    await subscribe(orgs['bank-b']!, '/bank-b', ['indicator.listed']);
    await subscribe(orgs['viettel']!, '/viettel', ['indicator.listed']);
    await subscribe(orgs['mobifone']!, '/mobifone', ['indicator.listed'], 'all');
    await subscribe(orgs['meta']!, '/meta', ['indicator.listed']);
    await subscribe(orgs['zalo']!, '/zalo', ['indicator.listed']);
    await listed('bank:970436:3333000001', 'suspected', 'amber');
    await listed('0961 234 001', 'suspected', 'amber');
    await listed('https://facebook.com/profile.php?id=100012345678901', 'suspected', 'amber');
    await listed('0912 345 001', 'suspected', 'green');
    await pump();
    const got = (path: string) => receiver.bodiesFor(path).map((b) => b.data.indicator);
    expect(got('/bank-a')).toEqual(['bank:970436:3333000001']);
    expect(got('/bank-b')).toEqual([]);
    expect(got('/viettel')).toEqual(['phone:+84961234001']);
    // MobiFone asked for everything: it gets the green VinaPhone number, not the amber ones.
    expect(got('/mobifone')).toEqual(['phone:+84912345001']);
    expect(got('/meta')).toHaveLength(1);
    expect(got('/meta')[0]).toMatch(/^fb:/);
    expect(got('/zalo')).toEqual([]);
  });

  it('a telco names its network when it is added; only telcos, only known networks', async () => {
    const add = (payload: Record<string, unknown>) => server.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: admin.headers, payload });
    const res = await add({ slug: 'vinaphone', name: 'VinaPhone', kind: 'telco', network: 'vinaphone' });
    expect(res.statusCode).toBe(201);
    expect(res.json().network).toBe('vinaphone');
    expect(expectProblem(await add({ slug: 'bank-x', name: 'Bank X', kind: 'bank', network: 'viettel' }), 400).errors?.[0]?.field).toBe('/network');
    expect(expectProblem(await add({ slug: 'telco-x', name: 'Telco X', kind: 'telco', network: 'nokia' }), 400).errors?.[0]?.field).toBe('/network');
    await subscribe(res.json().id, '/vinaphone', ['indicator.listed']);
    await listed('0912 345 009', 'suspected', 'amber');
    await pump();
    expect(receiver.bodiesFor('/vinaphone').map((b) => b.data.indicator)).toEqual(['phone:+84912345009']);
  });

  it('an escalation event goes only to the platform it is addressed to', async () => {
    await subscribe(orgs['meta']!, '/meta', ['escalation.created']);
    await subscribe(orgs['zalo']!, '/zalo', ['escalation.created'], 'all');
    await server.database.db.transaction(async (tx) => {
      await enqueue(tx, 'escalation.created', {
        escalationId: '00000000-0000-4000-8000-000000000001', caseReference: 'CG-2026-000001', platform: 'facebook', organizationId: orgs['meta'],
        status: 'open', fraudCategory: 'investment', dueAt: new Date().toISOString(), breachedAt: null, action: null, subjects: ['fb:100012345678901'],
      });
    });
    await pump();
    expect(receiver.bodiesFor('/meta').map((b) => b.type)).toEqual(['escalation.created']);
    expect(receiver.bodiesFor('/zalo')).toEqual([]);
  });
});

describe('delivery', () => {
  it('retries with backoff against a receiver that fails then recovers; every attempt is logged', async () => {
    const { subscription } = await subscribe(orgs['bank-a']!, '/flaky', ['indicator.listed']);
    receiver.script = { '/flaky': [500, 503, 200] };
    await listed('bank:970436:4444000001');
    await pump();
    expect(receiver.requests).toHaveLength(1);
    // Not due again before the backoff (base 1 s, jitter 0.5 → 750 ms), due after.
    clock += 500;
    await dispatcher.drainOnce();
    expect(receiver.requests).toHaveLength(1);
    clock += 300;
    await dispatcher.drainOnce();
    expect(receiver.requests).toHaveLength(2);
    clock += 1000; // second delay: 2 s · 0.75 = 1.5 s
    await dispatcher.drainOnce();
    expect(receiver.requests).toHaveLength(2);
    clock += 600;
    await dispatcher.drainOnce();
    expect(receiver.requests).toHaveLength(3);
    expect(new Set(receiver.requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const [delivery] = (await server.app.inject({ method: 'GET', url: `/api/v1/webhooks/${subscription.id}/deliveries`, headers: admin.headers })).json().items;
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 });
    const detail = (await server.app.inject({ method: 'GET', url: `/api/v1/webhooks/${subscription.id}/deliveries/${delivery.id}`, headers: admin.headers })).json();
    expect(detail.log.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 503, 200]);
    expect(detail.log[0].error).toBe('HTTP 500');
    expect(detail.log[0].responseBody.length).toBe(1000);
    expect(detail.log[0].durationMs).toBeGreaterThanOrEqual(0);
  });

  it('in order per subscription: a failing delivery holds back its own subscription only', async () => {
    await subscribe(orgs['bank-a']!, '/ordered', ['indicator.listed']);
    await subscribe(orgs['viettel']!, '/other', ['indicator.listed']);
    receiver.script = { '/ordered': [500] };
    for (const n of [1, 2, 3]) await listed(`bank:970436:555500000${n}`);
    await listed('0961 234 002');
    await pump();
    // The first bank event failed; the other two wait. The telco's event went through.
    expect(receiver.bodiesFor('/ordered').map((b) => b.data.indicator)).toEqual(['bank:970436:5555000001']);
    expect(receiver.bodiesFor('/other')).toHaveLength(1);
    clock += 2000;
    for (let i = 0; i < 3; i++) await dispatcher.drainOnce();
    expect(receiver.bodiesFor('/ordered').map((b) => b.data.indicator)).toEqual(['bank:970436:5555000001', 'bank:970436:5555000001', 'bank:970436:5555000002', 'bank:970436:5555000003']);
  });

  it('running, a slow receiver keeps only its own subscription waiting', async () => {
    await subscribe(orgs['bank-a']!, '/slow', ['indicator.listed']);
    await subscribe(orgs['viettel']!, '/fast', ['indicator.listed']);
    await listed('bank:970436:5656000001');
    await listed('bank:970436:5656000002');
    for (const n of [1, 2, 3]) await listed(`0961 234 10${n}`);
    while ((await outbox.drainOnce()) > 0);
    const running = new WebhookDispatcher(server.database.db, { settings: SETTINGS, idleMs: 50 });
    running.start();
    try {
      const started = Date.now();
      while (receiver.bodiesFor('/fast').length < 3 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 20));
      // All three telco events went while the bank's first was still being answered.
      expect(receiver.bodiesFor('/fast')).toHaveLength(3);
      expect(receiver.requests.filter((r) => r.path === '/slow')).toHaveLength(1);
      while (receiver.requests.filter((r) => r.path === '/slow').length < 2 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 20));
      expect(receiver.bodiesFor('/slow').map((b) => b.data.indicator)).toEqual(['bank:970436:5656000001', 'bank:970436:5656000002']);
    } finally {
      await running.stop();
    }
  });

  it('claimers racing (several connections on PostgreSQL) never take one delivery twice, nor two of one subscription', async () => {
    const db = server.database.db;
    const subscriptions: string[] = [];
    for (let i = 0; i < 12; i++) subscriptions.push((await subscribe(orgs['bank-a']!, `/race${i}`, ['indicator.listed'])).subscription.id);
    const at = new Date(clock - 1000);
    for (const n of [1, 2, 3]) for (const subscriptionId of subscriptions) await insertDelivery(db, { subscriptionId, messageId: `msg_race_${n}`, eventType: 'indicator.listed', payload: {}, at });
    const claims = await Promise.all([1, 2, 3, 4].map(() => claimDueDeliveries(db, 12, new Date(clock), 60_000)));
    const claimed = claims.flat();
    expect(new Set(claimed.map((d) => d.id)).size).toBe(claimed.length);
    expect(new Set(claimed.map((d) => d.subscriptionId)).size).toBe(claimed.length);
    expect(claimed.length).toBe(12);
    expect(claimed.every((d) => d.messageId === 'msg_race_1')).toBe(true);
  });

  it('a redirect is not followed and counts as a failure', async () => {
    const { subscription } = await subscribe(orgs['bank-a']!, '/moved', ['indicator.listed']);
    receiver.script = { '/moved': [302] };
    await listed('bank:970436:6666000001');
    await pump();
    const [delivery] = (await server.app.inject({ method: 'GET', url: `/api/v1/webhooks/${subscription.id}/deliveries`, headers: admin.headers })).json().items;
    expect(delivery).toMatchObject({ status: 'pending', lastStatusCode: 302 });
    expect(delivery.lastError).toMatch(/redirect/);
    expect(receiver.requests.filter((r) => r.path === '/elsewhere')).toHaveLength(0);
  });

  it('replay sends a delivered event again, with the same webhook-id', async () => {
    const { subscription } = await subscribe(orgs['bank-a']!, '/replay', ['indicator.listed']);
    await listed('bank:970436:7777000001');
    await pump();
    const [delivery] = (await server.app.inject({ method: 'GET', url: `/api/v1/webhooks/${subscription.id}/deliveries`, headers: admin.headers })).json().items;
    const res = await server.app.inject({ method: 'POST', url: `/api/v1/webhooks/${subscription.id}/deliveries/${delivery.id}/replay`, headers: { authorization: `Bearer ${bankKey}` } });
    expect(res.statusCode).toBe(202);
    expect(res.json().status).toBe('pending');
    await pump();
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]!.headers['webhook-id']).toBe(receiver.requests[0]!.headers['webhook-id']);
  });

  it('a subscription whose deliveries fail for 24 hours is disabled, with an audit record and an e-mail', async () => {
    const { subscription } = await subscribe(orgs['bank-a']!, '/dead', ['indicator.listed']);
    receiver.script = { '/dead': Array(50).fill(500) };
    await listed('bank:970436:8888000001');
    await listed('bank:970436:8888000002');
    await pump();
    clock += 12 * 3_600_000;
    await dispatcher.drainOnce();
    clock += 12 * 3_600_000 + 1000;
    await dispatcher.drainOnce();
    const view = (await server.app.inject({ method: 'GET', url: `/api/v1/webhooks/${subscription.id}`, headers: admin.headers })).json();
    expect(view.status).toBe('disabled');
    expect(view.disabledReason).toMatch(/failed/);
    const deliveries = (await server.app.inject({ method: 'GET', url: `/api/v1/webhooks/${subscription.id}/deliveries`, headers: admin.headers })).json().items;
    expect(deliveries.map((d: { status: string }) => d.status)).toEqual(['pending', 'failed']);
    const audit = await queryRows<{ action: string }>(server.database.db, sql`select action from audit_log where subject_id = ${subscription.id} order by seq`);
    expect(audit.map((a) => a.action)).toContain('webhook.disabled');
    const mails = await queryRows<{ payload: { subject: string } }>(server.database.db, sql`select payload from outbox where topic = 'email.send' and payload->>'subject' like '%was disabled%'`);
    expect(mails.length).toBeGreaterThan(0);
    // Nothing more goes out while disabled; no new events are queued for it.
    const sent = receiver.requests.length;
    clock += 3_600_000;
    await listed('bank:970436:8888000003');
    await pump();
    expect(receiver.requests.length).toBe(sent);
  });
});

describe('privacy', () => {
  it('payloads never contain reporters’ personal data', async () => {
    await subscribe(orgs['agency']!, '/agency', ['indicator.listed', 'indicator.confirmed'], 'all');
    await subscribe(orgs['bank-a']!, '/bank', ['indicator.listed', 'indicator.confirmed']);
    const contact = { name: 'Nguyễn Văn Báo', email: 'nguoi.bao@example.vn', phone: '0903 111 222' };
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'impersonating_bank',
        narrative: 'Someone called pretending to be my bank and asked me to transfer money to this account.',
        identifiers: ['bank:970436:9999000001', '0961 234 003'],
        contact,
        consentToContact: true,
      },
    });
    expect(res.statusCode).toBe(201);
    // The agency confirms the reported account and the phone number: events about what was reported.
    await listed('bank:970436:9999000001', 'confirmed');
    await listed('0961 234 003', 'confirmed');
    await pump();
    expect(receiver.bodiesFor('/bank').map((b) => b.type)).toContain('indicator.confirmed');
    expect(receiver.bodiesFor('/agency').length).toBeGreaterThanOrEqual(2);
    const everything = JSON.stringify(receiver.requests);
    for (const value of [contact.name, contact.email, contact.phone, '0903111222', '+84903111222', res.json().trackingCode]) expect(everything).not.toContain(value);
    const stored = await queryRows<{ payload: unknown }>(server.database.db, sql`select payload from webhook_deliveries`);
    expect(JSON.stringify(stored)).not.toContain(contact.email);
  });
});

describe('the log’s retention', () => {
  // Last in the file: it moves the dispatcher's clock a month ahead.
  it('finished deliveries are purged after 30 days; pending ones never', async () => {
    await subscribe(orgs['bank-a']!, '/kept', ['indicator.listed']);
    await subscribe(orgs['viettel']!, '/stuck', ['indicator.listed']);
    receiver.script = { '/stuck': Array(10).fill(500) };
    await listed('bank:970436:1212000001');
    await listed('0961 234 012');
    await pump();
    const count = async (status: string) => Number((await queryRows<{ n: string | number }>(server.database.db, sql`select count(*) as n from webhook_deliveries where status = ${status}`))[0]!.n);
    expect(await count('delivered')).toBe(1);
    expect(await count('pending')).toBe(1);
    clock += 31 * 86_400_000;
    await dispatcher.drainOnce();
    expect(await count('delivered')).toBe(0);
    // The stuck one was still pending when the purge ran; it has just been given up (24 h passed).
    expect(await count('failed')).toBe(1);
  });
});
