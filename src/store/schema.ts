import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { OrganizationKind, Role } from '../domain/auth/roles.ts';

/**
 * The one database schema, for PGlite and PostgreSQL alike. Migrations in ./migrations are
 * generated from it with `npm run db:generate` and committed. Only PostgreSQL 15 features.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();


export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<OrganizationKind>().notNull(),
    /** For platforms: the platform they answer for (`facebook`, `zalo`, `tiktok`, …). */
    platform: text('platform'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('organizations_slug_key').on(t.slug),
    uniqueIndex('organizations_platform_key').on(t.platform),
    check('organizations_kind_check', sql`${t.kind} in ('agency','platform','bank','telco','other')`),
  ],
);


export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').$type<Role>().notNull(),
    passwordHash: text('password_hash').notNull(),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    index('users_organization_idx').on(t.organizationId),
    check(
      'users_role_check',
      sql`${t.role} in ('admin','supervisor','analyst','platform_operator','partner_admin')`,
    ),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token: a leaked table does not give working sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    /** The public part of the key (`cg_<prefix>_…`), used to find the row. */
    prefix: text('prefix').notNull(),
    /** sha256 of the whole key; the key has 256 bits of entropy, so a slow hash adds nothing. */
    keyHash: text('key_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('api_keys_prefix_key').on(t.prefix), index('api_keys_organization_idx').on(t.organizationId)],
);

/**
 * Append-only, hash-chained audit trail. `seq` is assigned under the lock of
 * audit_chain_head, so the chain has no gaps and no forks.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorType: text('actor_type').$type<'user' | 'api_key' | 'system' | 'public'>().notNull(),
    actorId: text('actor_id'),
    organizationId: uuid('organization_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_subject_idx').on(t.subjectType, t.subjectId)],
);

export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/**
 * Transactional outbox: work that leaves the process is written here in the same transaction
 * as the change that causes it, and drained by workers with FOR UPDATE SKIP LOCKED.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
    availableAt: timestamp('available_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    processedAt: timestamp('processed_at', { withTimezone: true, mode: 'date' }),
    processedBy: text('processed_by'),
  },
  (t) => [index('outbox_pending_idx').on(t.availableAt, t.id).where(sql`${t.processedAt} is null`)],
);

/** Stored replies of create requests, so a retried `Idempotency-Key` gets the same answer. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    body: jsonb('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.principal, t.key] })],
);

// --- The first shape of the national database; the reports and database issues extend it. ---

export const VERDICTS = ['suspected', 'confirmed', 'cleared', 'disputed'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The canonical `kind:value` string. */
    indicator: text('indicator').notNull(),
    kind: text('kind').notNull(),
    display: text('display').notNull(),
    verdict: text('verdict').$type<Verdict>().notNull(),
    confidence: integer('confidence').notNull().default(50),
    reportCount: integer('report_count').notNull().default(0),
    fraudTypes: text('fraud_types').array().notNull().default(sql`'{}'::text[]`),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('indicators_indicator_key').on(t.indicator),
    check('indicators_verdict_check', sql`${t.verdict} in ('suspected','confirmed','cleared','disputed')`),
    check('indicators_confidence_check', sql`${t.confidence} between 0 and 100`),
  ],
);

export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trackingCode: text('tracking_code').notNull(),
    channel: text('channel').$type<'public' | 'agency' | 'platform' | 'partner'>().notNull(),
    category: text('category').notNull(),
    narrative: text('narrative').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }),
    amountLostVnd: bigint('amount_lost_vnd', { mode: 'number' }),
    paymentMethod: text('payment_method'),
    status: text('status').notNull().default('received'),
    organizationId: uuid('organization_id').references(() => organizations.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('reports_tracking_code_key').on(t.trackingCode), index('reports_created_idx').on(t.createdAt)],
);

export const reportIndicators = pgTable(
  'report_indicators',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    rawInput: text('raw_input').notNull(),
    extracted: boolean('extracted').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.indicatorId] }), index('report_indicators_indicator_idx').on(t.indicatorId)],
);
