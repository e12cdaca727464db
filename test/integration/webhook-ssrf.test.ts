import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/api-keys.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { createSubscription } from '../../src/app/webhooks.ts';
import { WebhookDispatcher } from '../../src/jobs/webhook-dispatcher.ts';
import { queryRows } from '../../src/store/connection.ts';
import { insertDelivery } from '../../src/store/webhooks.ts';
import { expectProblem, seedUsers, startTestServer, type TestServer } from '../helpers/server.ts';

/** Private targets are NOT allowed here (the production default). */
let server: TestServer;
let key: string;
let receiver: http.Server;
let receiverUrl: string;
let hits = 0;

beforeAll(async () => {
  server = await startTestServer();
  expect(server.context.config.webhooks.allowPrivateTargets).toBe(false);
  const { orgs } = await seedUsers(server.database);
  key = (await createApiKey(server.database.db, systemCaller('test'), { organizationId: orgs['bank-a']!, name: 'hooks', scopes: ['webhooks:manage'] })).key;
  receiver = http.createServer((_req, res) => {
    hits++;
    res.end('ok');
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  receiver?.close();
  await server?.close();
});

describe('webhook targets on private addresses', () => {
  it.each([
    'http://127.0.0.1/hook',
    'http://10.0.0.5/hook',
    'http://192.168.1.10/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/hook',
    'http://localhost:8080/hook',
    'ftp://hooks.example/x',
  ])('are refused at registration: %s', async (url) => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: { authorization: `Bearer ${key}` }, payload: { url, eventTypes: ['indicator.listed'] } });
    const problem = expectProblem(res, 400);
    expect(problem.errors?.[0]?.field).toBe('/url');
  });

  it('and at delivery time, on the address actually connected to (the URL was allowed when registered)', async () => {
    const db = server.database.db;
    const organizationId = (await queryRows<{ id: string }>(db, sql`select id from organizations where slug = 'bank-a'`))[0]!.id;
    // Registered while allowed (as if DNS had answered a public address then)…
    const { subscription } = await createSubscription(db, systemCaller('test'), { organizationId, url: receiverUrl, eventTypes: ['indicator.listed'] }, { allowPrivateTargets: true, secretGraceMs: 0 });
    await insertDelivery(db, { subscriptionId: subscription.id, messageId: 'msg_ssrf', eventType: 'indicator.listed', payload: { type: 'indicator.listed', data: {} }, at: new Date() });
    // …the dispatcher, with the production setting, refuses to connect.
    const dispatcher = new WebhookDispatcher(db, { settings: { ...server.context.config.webhooks } });
    expect(await dispatcher.drainOnce()).toBe(1);
    expect(hits).toBe(0);
    const [attempt] = await queryRows<{ error: string; status_code: number | null }>(db, sql`select error, status_code from webhook_attempts`);
    expect(attempt).toMatchObject({ status_code: null });
    expect(attempt!.error).toMatch(/refused/);
  });

  it('a host name resolving to loopback is refused when connecting, not only when registering', async () => {
    const db = server.database.db;
    await db.execute(sql`delete from webhook_subscriptions`);
    await db.execute(sql`delete from webhook_attempts`);
    const organizationId = (await queryRows<{ id: string }>(db, sql`select id from organizations where slug = 'bank-a'`))[0]!.id;
    const url = receiverUrl.replace('127.0.0.1', 'localhost');
    const { subscription } = await createSubscription(db, systemCaller('test'), { organizationId, url, eventTypes: ['indicator.listed'] }, { allowPrivateTargets: true, secretGraceMs: 0 });
    await insertDelivery(db, { subscriptionId: subscription.id, messageId: 'msg_dns', eventType: 'indicator.listed', payload: { type: 'indicator.listed', data: {} }, at: new Date() });
    await new WebhookDispatcher(db, { settings: { ...server.context.config.webhooks } }).drainOnce();
    expect(hits).toBe(0);
    const [attempt] = await queryRows<{ error: string }>(db, sql`select error from webhook_attempts`);
    expect(attempt!.error).toMatch(/refused: localhost resolves to/);
  });
});
