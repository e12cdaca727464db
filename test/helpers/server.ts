import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createOrganization, createUser } from '../../src/app/accounts.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { loadConfig } from '../../src/config.ts';
import type { AppContext } from '../../src/context.ts';
import type { OrganizationKind, Role } from '../../src/domain/auth/roles.ts';
import { buildServer } from '../../src/http/server.ts';
import type { Database } from '../../src/store/connection.ts';
import { freshDatabase } from './database.ts';

export interface TestServer {
  app: FastifyInstance;
  database: Database;
  context: AppContext;
  close(): Promise<void>;
}

/** A real server on a fresh database, driven with `app.inject()` (real HTTP semantics, no socket). */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const database = await freshDatabase();
  // Evidence files go to a private temp directory, never to ./data; a fixed PII key so PostgreSQL runs need none.
  const evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-evidence-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    WEB_DIST: '/nonexistent-web-dist',
    EVIDENCE_DIR: evidenceDir,
    PII_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    ...env,
  });
  const context: AppContext = { config, database, logger: pino({ level: 'silent' }) };
  const app = await buildServer(context);
  return {
    app,
    database,
    context,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(evidenceDir, { recursive: true, force: true });
    },
  };
}

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  organizationId: string;
}

const ORG_FOR_ROLE: Record<Role, { slug: string; kind: OrganizationKind; platform?: string }> = {
  admin: { slug: 'agency', kind: 'agency' },
  supervisor: { slug: 'agency', kind: 'agency' },
  analyst: { slug: 'agency', kind: 'agency' },
  platform_operator: { slug: 'meta', kind: 'platform', platform: 'facebook' },
  partner_admin: { slug: 'bank-a', kind: 'bank' },
};

/** Creates the organizations and one user per role (password TEST_PASSWORD). */
export async function seedUsers(database: Database): Promise<Record<Role, TestUser> & { orgs: Record<string, string> }> {
  const caller = systemCaller('test');
  const orgs: Record<string, string> = {};
  for (const o of [
    { slug: 'agency', name: 'Agency', kind: 'agency' },
    { slug: 'meta', name: 'Meta', kind: 'platform', platform: 'facebook' },
    { slug: 'zalo', name: 'Zalo', kind: 'platform', platform: 'zalo' },
    { slug: 'bank-a', name: 'Bank A', kind: 'bank' },
    { slug: 'bank-b', name: 'Bank B', kind: 'bank' },
  ]) {
    orgs[o.slug] = (await createOrganization(database.db, caller, o)).id;
  }
  const users = {} as Record<Role, TestUser>;
  for (const role of Object.keys(ORG_FOR_ROLE) as Role[]) {
    const organizationId = orgs[ORG_FOR_ROLE[role].slug]!;
    const { user } = await createUser(database.db, caller, {
      organizationId,
      email: `${role}@test.example`,
      name: `Test ${role}`,
      role,
      password: TEST_PASSWORD,
    });
    users[role] = { id: user.id, email: user.email, role, organizationId };
  }
  return Object.assign(users, { orgs });
}

export interface Session {
  cookie: string;
  csrfToken: string;
  /** Headers for a cookie-authenticated request, CSRF included. */
  headers: Record<string, string>;
}

export async function signInAs(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookie(res);
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'cg_session');
  if (!c) throw new Error('no session cookie in the answer');
  return `cg_session=${c.value}`;
}

export function expectProblem(res: LightMyRequestResponse, status: number): { type: string; title: string; status: number; detail: string; errors?: { field: string; message: string }[] } {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  const type = String(res.headers['content-type']);
  if (!type.startsWith('application/problem+json')) throw new Error(`expected problem+json, got ${type}`);
  return res.json();
}
