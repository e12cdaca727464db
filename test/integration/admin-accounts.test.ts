import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/store/connection.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;
let admin: Session;
let partner: Session;
let supervisor: Session;

beforeAll(async () => {
  server = await startTestServer();
  users = await seedUsers(server.database);
  admin = await signInAs(server.app, users.admin.email);
  partner = await signInAs(server.app, users.partner_admin.email);
  supervisor = await signInAs(server.app, users.supervisor.email);
});
afterAll(async () => server?.close());

const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, session?: Session, payload?: object) =>
  server.app.inject({ method, url, headers: session?.headers ?? {}, ...(payload ? { payload } : {}) });

async function auditActions(subjectId: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(server.database.db, sql`select action from audit_log where subject_id = ${subjectId} order by seq`);
  return rows.map((r) => r.action);
}

async function addUser(organizationId: string, email: string, role: string): Promise<{ id: string; password: string }> {
  const res = await inject('POST', '/api/v1/users', admin, { organizationId, email, name: email, role });
  expect(res.statusCode).toBe(201);
  return { id: res.json().user.id, password: res.json().password };
}

describe('users: filters', () => {
  it('filters by organization, role and active, combined', async () => {
    const disabled = await addUser(users.orgs['agency']!, 'filter-disabled@test.example', 'analyst');
    expect((await inject('PATCH', `/api/v1/users/${disabled.id}`, admin, { disabled: true })).statusCode).toBe(200);

    const analysts = (await inject('GET', '/api/v1/users?role=analyst', admin)).json().items as { email: string; role: string }[];
    expect(analysts.every((u) => u.role === 'analyst')).toBe(true);
    expect(analysts.map((u) => u.email)).toContain('filter-disabled@test.example');
    const active = (await inject('GET', '/api/v1/users?role=analyst&active=true', admin)).json().items as { email: string }[];
    expect(active.map((u) => u.email)).not.toContain('filter-disabled@test.example');
    const inactive = (await inject('GET', `/api/v1/users?active=false&organizationId=${users.orgs['agency']}`, admin)).json().items as { email: string }[];
    expect(inactive.map((u) => u.email)).toEqual(['filter-disabled@test.example']);
    expectProblem(await inject('GET', '/api/v1/users?role=king', admin), 400);
  });

  it('a partner administrator filtering sees only their own organization', async () => {
    const items = (await inject('GET', '/api/v1/users?active=true', partner)).json().items as { organizationId: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((u) => u.organizationId === users.orgs['bank-a'])).toBe(true);
  });
});

describe('users: role changes, sign-out everywhere, password reset', () => {
  it('changes a role that fits the organization, ends the sessions and audits it', async () => {
    const u = await addUser(users.orgs['agency']!, 'role-change@test.example', 'analyst');
    const session = await signInAs(server.app, 'role-change@test.example', u.password);
    const res = await inject('PATCH', `/api/v1/users/${u.id}`, admin, { role: 'supervisor' });
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('supervisor');
    expectProblem(await inject('GET', '/api/v1/auth/me', session), 401);
    expect(await auditActions(u.id)).toContain('user.role_changed');
  });

  it('refuses a role the organization cannot have, per field, changing nothing', async () => {
    const u = await addUser(users.orgs['agency']!, 'role-misfit@test.example', 'analyst');
    const problem = expectProblem(await inject('PATCH', `/api/v1/users/${u.id}`, admin, { role: 'platform_operator' }), 400);
    expect(problem.errors?.[0]?.field).toBe('/role');
    const [row] = await queryRows<{ role: string }>(server.database.db, sql`select role from users where id = ${u.id}`);
    expect(row!.role).toBe('analyst');
    expectProblem(await inject('PATCH', `/api/v1/users/${u.id}`, admin, {}), 400);
  });

  it('nobody changes their own role or disables themselves', async () => {
    expect(expectProblem(await inject('PATCH', `/api/v1/users/${users.admin.id}`, admin, { role: 'analyst' }), 400).errors?.[0]?.field).toBe('/role');
    expectProblem(await inject('PATCH', `/api/v1/users/${users.admin.id}`, admin, { disabled: true }), 400);
  });

  it('deactivating ends the sessions; reactivating lets the user sign in again', async () => {
    const u = await addUser(users.orgs['bank-a']!, 'deactivate@test.example', 'partner_admin');
    const session = await signInAs(server.app, 'deactivate@test.example', u.password);
    expect((await inject('PATCH', `/api/v1/users/${u.id}`, admin, { disabled: true })).json().disabled).toBe(true);
    expectProblem(await inject('GET', '/api/v1/auth/me', session), 401);
    expect((await inject('PATCH', `/api/v1/users/${u.id}`, admin, { disabled: false })).json().disabled).toBe(false);
    await signInAs(server.app, 'deactivate@test.example', u.password);
    expect(await auditActions(u.id)).toEqual(expect.arrayContaining(['user.disabled', 'user.enabled']));
  });

  it('signs a user out everywhere', async () => {
    const u = await addUser(users.orgs['agency']!, 'everywhere@test.example', 'analyst');
    const one = await signInAs(server.app, 'everywhere@test.example', u.password);
    const two = await signInAs(server.app, 'everywhere@test.example', u.password);
    const res = await inject('POST', `/api/v1/users/${u.id}/sign-out-everywhere`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.json().sessionsEnded).toBe(2);
    expectProblem(await inject('GET', '/api/v1/auth/me', one), 401);
    expectProblem(await inject('GET', '/api/v1/auth/me', two), 401);
    expect(await auditActions(u.id)).toContain('user.signed_out_everywhere');
  });

  it('resets a password: the new one is shown once and works, the old one does not', async () => {
    const u = await addUser(users.orgs['agency']!, 'reset@test.example', 'analyst');
    const res = await inject('POST', `/api/v1/users/${u.id}/reset-password`, admin);
    expect(res.statusCode).toBe(200);
    const { password } = res.json();
    expect(password).not.toBe(u.password);
    await signInAs(server.app, 'reset@test.example', password);
    const old = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'reset@test.example', password: u.password } });
    expect(old.statusCode).toBe(401);
    expect((await inject('GET', `/api/v1/users?organizationId=${users.orgs['agency']}`, admin)).body).not.toContain(password);
  });

  it("a partner administrator manages only their own organization's people (others are not found)", async () => {
    expectProblem(await inject('POST', `/api/v1/users/${users.analyst.id}/sign-out-everywhere`, partner), 404);
    expectProblem(await inject('POST', `/api/v1/users/${users.analyst.id}/reset-password`, partner), 404);
    expectProblem(await inject('PATCH', `/api/v1/users/${users.analyst.id}`, partner, { role: 'supervisor' }), 404);
  });

  it('the wrong role gets 403 and an anonymous caller 401', async () => {
    for (const [method, url, body] of [
      ['POST', `/api/v1/users/${users.analyst.id}/sign-out-everywhere`, undefined],
      ['POST', `/api/v1/users/${users.analyst.id}/reset-password`, undefined],
      ['PATCH', `/api/v1/users/${users.analyst.id}`, { role: 'supervisor' }],
      ['GET', '/api/v1/users?role=analyst', undefined],
    ] as const) {
      expectProblem(await inject(method, url, supervisor, body), 403);
      expectProblem(await inject(method, url, undefined, body), 401);
    }
  });
});

describe('organizations: editing', () => {
  it('edits the name and the platform, audited with before and after', async () => {
    const created = (await inject('POST', '/api/v1/organizations', admin, { slug: 'edit-me', name: 'Edit me', kind: 'platform', platform: 'edit_me' })).json();
    const res = await inject('PATCH', `/api/v1/organizations/${created.id}`, admin, { name: 'Edited', platform: 'edited_platform' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Edited', platform: 'edited_platform', slug: 'edit-me' });
    expect(await auditActions(created.id)).toEqual(['organization.created', 'organization.updated']);
  });

  it('changing kind drops what only the old kind names, and checks the users’ roles', async () => {
    const telco = (await inject('POST', '/api/v1/organizations', admin, { slug: 'telco-x', name: 'Telco X', kind: 'telco', network: 'viettel' })).json();
    const asBank = await inject('PATCH', `/api/v1/organizations/${telco.id}`, admin, { kind: 'other' });
    expect(asBank.json()).toMatchObject({ kind: 'other', network: null });

    // Meta has a platform operator: it cannot become a bank.
    const problem = expectProblem(await inject('PATCH', `/api/v1/organizations/${users.orgs['meta']}`, admin, { kind: 'bank' }), 409);
    expect(problem.errors?.[0]?.field).toBe('/kind');
    expectProblem(await inject('PATCH', `/api/v1/organizations/${users.orgs['agency']}`, admin, { kind: 'other' }), 400);
  });

  it('refuses a network on a non-telco and a taken platform, per field, storing nothing', async () => {
    const bad = expectProblem(await inject('PATCH', `/api/v1/organizations/${users.orgs['bank-a']}`, admin, { network: 'viettel' }), 400);
    expect(bad.errors?.[0]?.field).toBe('/network');
    const taken = expectProblem(await inject('PATCH', `/api/v1/organizations/${users.orgs['zalo']}`, admin, { platform: 'facebook' }), 409);
    expect(taken.errors?.[0]?.field).toBe('/platform');
    const [row] = await queryRows<{ platform: string }>(server.database.db, sql`select platform from organizations where id = ${users.orgs['zalo']}`);
    expect(row!.platform).toBe('zalo');
    expectProblem(await inject('PATCH', '/api/v1/organizations/00000000-0000-4000-8000-000000000000', admin, { name: 'x' }), 404);
  });

  it('only admins edit organizations; anonymous callers get 401', async () => {
    for (const session of [supervisor, partner]) {
      expectProblem(await inject('PATCH', `/api/v1/organizations/${users.orgs['bank-a']}`, session, { name: 'Mine now' }), 403);
    }
    expectProblem(await inject('PATCH', `/api/v1/organizations/${users.orgs['bank-a']}`, undefined, { name: 'Mine now' }), 401);
  });
});
