import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SCOPES, type Scope } from '../domain/auth/access.ts';
import { findApiKeyById, findApiKeyByPrefix, insertApiKey, listApiKeys as listApiKeyRows, updateApiKey, type ApiKeyRow } from '../store/api-keys.ts';
import { appendAudit } from '../store/audit-log.ts';
import type { Db } from '../store/connection.ts';
import { findOrganizationById } from '../store/organizations.ts';
import { dailyUsageSeries, usageByDay } from './api-key-usage.ts';
import { auditActor, type Actor, type Caller } from './caller.ts';
import { badRequest, forbidden, notFound } from './errors.ts';

/**
 * API keys look like `cg_<8 hex>_<43 base64url>`: the prefix finds the row, the whole key is
 * compared by its sha256. The key is shown once, when it is created.
 */
const KEY_FORMAT = /^cg_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyView {
  id: string;
  organizationId: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** Requests allowed per UTC day; null: the configured default. */
  dailyQuota: number | null;
  /** Requests per UTC day, newest first, last 7 days (listing only; counts reach the database within seconds). */
  usage?: { day: string; requests: number }[];
}

export function apiKeyView(k: ApiKeyRow): ApiKeyView {
  return {
    id: k.id,
    organizationId: k.organizationId,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes as Scope[],
    createdAt: k.createdAt.toISOString(),
    expiresAt: k.expiresAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    dailyQuota: k.dailyQuota,
  };
}

function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Admins manage every organization's keys; a partner's administrator only their own. */
function mayManage(actor: Actor, organizationId: string): boolean {
  if (actor.type === 'system') return true;
  if (actor.type !== 'user') return false;
  return actor.role === 'admin' || (actor.role === 'partner_admin' && actor.organizationId === organizationId);
}

export interface NewApiKeyInput {
  organizationId: string;
  name: string;
  scopes: string[];
  expiresAt?: Date | null;
  dailyQuota?: number | null;
}

export async function createApiKey(db: Db, caller: Caller, input: NewApiKeyInput): Promise<{ apiKey: ApiKeyView; key: string }> {
  const errors = [];
  if (!input.name.trim()) errors.push({ field: '/name', message: 'A name is required.' });
  if (input.scopes.length === 0) errors.push({ field: '/scopes', message: 'Give at least one scope.' });
  input.scopes.forEach((s, i) => {
    if (!(SCOPES as readonly string[]).includes(s)) errors.push({ field: `/scopes/${i}`, message: `Unknown scope "${s}". Known: ${SCOPES.join(', ')}.` });
  });
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) errors.push({ field: '/expiresAt', message: 'Must be in the future.' });
  if (errors.length) throw badRequest('The API key is not valid.', errors);
  if (!mayManage(caller.actor, input.organizationId)) throw forbidden();

  const prefix = randomBytes(4).toString('hex');
  const key = `cg_${prefix}_${randomBytes(32).toString('base64url')}`;
  return db.transaction(async (tx) => {
    if (!(await findOrganizationById(tx, input.organizationId))) {
      throw badRequest('The organization does not exist.', [{ field: '/organizationId', message: 'Unknown organization.' }]);
    }
    const row = await insertApiKey(tx, {
      organizationId: input.organizationId,
      name: input.name.trim(),
      prefix,
      keyHash: keyHash(key),
      scopes: [...new Set(input.scopes)],
      createdBy: caller.actor.type === 'user' ? caller.actor.userId : null,
      expiresAt: input.expiresAt ?? null,
      dailyQuota: input.dailyQuota ?? null,
    });
    const apiKey = apiKeyView(row);
    await appendAudit(tx, { ...auditActor(caller), action: 'api_key.created', subjectType: 'api_key', subjectId: row.id, after: apiKey });
    return { apiKey, key };
  });
}

export type ApiKeyStatus = 'active' | 'revoked' | 'expired';

export function apiKeyStatus(key: Pick<ApiKeyView, 'revokedAt' | 'expiresAt'>, now = new Date()): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && new Date(key.expiresAt) <= now) return 'expired';
  return 'active';
}

export async function listApiKeys(db: Db, caller: Caller, organizationId?: string, status?: ApiKeyStatus): Promise<ApiKeyView[]> {
  const now = new Date();
  const keys = (await listApiKeysWithoutUsage(db, caller, organizationId)).filter((k) => !status || apiKeyStatus(k, now) === status);
  const usage = await usageByDay(db, keys.map((k) => k.id), 7);
  return keys.map((k) => ({ ...k, usage: usage.get(k.id) ?? [] }));
}

async function listApiKeysWithoutUsage(db: Db, caller: Caller, organizationId?: string): Promise<ApiKeyView[]> {
  const a = caller.actor;
  if (a.type === 'user' && a.role === 'admin') return (await listApiKeyRows(db, organizationId)).map(apiKeyView);
  if (a.type === 'system') return (await listApiKeyRows(db, organizationId)).map(apiKeyView);
  if (a.type === 'user' && a.role === 'partner_admin') {
    if (organizationId && organizationId !== a.organizationId) return [];
    return (await listApiKeyRows(db, a.organizationId)).map(apiKeyView);
  }
  throw forbidden();
}

export interface ApiKeyUsageView {
  apiKeyId: string;
  /** The quota in force: the key's own, or the server default. */
  dailyQuota: number;
  quotaIsDefault: boolean;
  /** One entry per UTC day, oldest first, zeros included. */
  days: { day: string; requests: number }[];
}

/** A key's requests per UTC day over the last `days` days (counts reach the database within seconds of use). */
export async function apiKeyUsage(db: Db, caller: Caller, id: string, days: number, defaultDailyQuota: number): Promise<ApiKeyUsageView> {
  const row = await findApiKeyById(db, id);
  if (!row || !mayManage(caller.actor, row.organizationId)) throw notFound('The API key');
  return { apiKeyId: row.id, dailyQuota: row.dailyQuota ?? defaultDailyQuota, quotaIsDefault: row.dailyQuota === null, days: await dailyUsageSeries(db, row.id, days) };
}

/** Revokes a key by id or prefix. Another organization's key is "not found", not "forbidden". */
export async function revokeApiKey(db: Db, caller: Caller, idOrPrefix: string): Promise<ApiKeyView> {
  return db.transaction(async (tx) => {
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrPrefix);
    const existing = isUuid ? await findApiKeyById(tx, idOrPrefix) : await findApiKeyByPrefix(tx, idOrPrefix);
    if (!existing || !mayManage(caller.actor, existing.organizationId)) throw notFound('The API key');
    if (existing.revokedAt) return apiKeyView(existing);
    const row = await updateApiKey(tx, existing.id, { revokedAt: new Date() });
    const view = apiKeyView(row!);
    await appendAudit(tx, {
      ...auditActor(caller),
      action: 'api_key.revoked',
      subjectType: 'api_key',
      subjectId: existing.id,
      before: apiKeyView(existing),
      after: view,
    });
    return view;
  });
}

const LAST_USED_EVERY_MS = 60_000;

/** The actor behind a presented key, or null when it is malformed, unknown, revoked or expired. */
export async function authenticateApiKey(db: Db, key: string): Promise<Actor | null> {
  const match = KEY_FORMAT.exec(key);
  if (!match) return null;
  const row = await findApiKeyByPrefix(db, match[1]!);
  if (!row) return null;
  const expected = Buffer.from(row.keyHash, 'hex');
  const given = Buffer.from(keyHash(key), 'hex');
  if (!timingSafeEqual(expected, given)) return null;
  if (row.revokedAt || (row.expiresAt && row.expiresAt <= new Date())) return null;
  const organization = await findOrganizationById(db, row.organizationId);
  if (!organization) return null;
  // Recording every use would turn each read into a write; once a minute is enough to audit.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await updateApiKey(db, row.id, { lastUsedAt: new Date() });
  }
  return {
    type: 'api_key',
    apiKeyId: row.id,
    scopes: row.scopes as Scope[],
    organizationId: organization.id,
    organizationKind: organization.kind,
    platform: organization.platform,
  };
}
