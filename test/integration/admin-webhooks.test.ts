import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;
let admin: Session;
let supervisor: Session;

beforeAll(async () => {
  // Nothing is delivered here (no dispatcher runs in the test server); the address only has to pass the SSRF check.
  server = await startTestServer({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
  users = await seedUsers(server.database);
  admin = await signInAs(server.app, users.admin.email);
  supervisor = await signInAs(server.app, users.supervisor.email);
});
afterAll(async () => server?.close());

describe('webhook delivery log filter', () => {
  it('lists only the deliveries of the asked status', async () => {
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: admin.headers,
      payload: { organizationId: users.orgs['bank-a'], url: 'http://127.0.0.1:9/hook', eventTypes: ['indicator.listed'] },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().subscription.id as string;
    const deliveries: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const test = await server.app.inject({ method: 'POST', url: `/api/v1/webhooks/${id}/test`, headers: admin.headers });
      expect(test.statusCode).toBe(202);
      deliveries.push(test.json().id);
    }
    await server.database.db.execute(sql`update webhook_deliveries set status = 'failed', attempts = 4, last_status_code = 500 where id = ${deliveries[0]}`);
    await server.database.db.execute(sql`update webhook_deliveries set status = 'delivered', attempts = 1, last_status_code = 200 where id = ${deliveries[1]}`);

    const list = async (query: string) =>
      ((await server.app.inject({ method: 'GET', url: `/api/v1/webhooks/${id}/deliveries${query}`, headers: admin.headers })).json().items as { id: number; status: string }[]).map((d) => d.id);
    expect(await list('?status=failed')).toEqual([deliveries[0]]);
    expect(await list('?status=delivered')).toEqual([deliveries[1]]);
    expect(await list('?status=pending')).toEqual([deliveries[2]]);
    expect(await list('')).toEqual([...deliveries].reverse());
    expect(await list(`?status=failed&before=${deliveries[0]}`)).toEqual([]);
    expectProblem(await server.app.inject({ method: 'GET', url: `/api/v1/webhooks/${id}/deliveries?status=lost`, headers: admin.headers }), 400);

    expectProblem(await server.app.inject({ method: 'GET', url: `/api/v1/webhooks/${id}/deliveries?status=failed`, headers: supervisor.headers }), 403);
    expectProblem(await server.app.inject({ method: 'GET', url: `/api/v1/webhooks/${id}/deliveries?status=failed` }), 401);
  });
});
