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
import type { DecidedBy, EvidenceKind, SourceType } from '../domain/indicators/statement-of-reasons.ts';
import type { Tlp, Verdict } from '../domain/indicators/verdicts.ts';

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

export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The canonical `kind:value` string. */
    indicator: text('indicator').notNull(),
    kind: text('kind').notNull(),
    display: text('display').notNull(),
    /** sha256 of `indicator`, hex: the key of privacy-preserving range look-ups and snapshots. */
    sha256: text('sha256').notNull(),
    /** The first 20 bits of sha256 (5 hex digits), indexed for range look-ups. */
    rangePrefix: integer('range_prefix').notNull(),
    verdict: text('verdict').$type<Verdict>().notNull(),
    confidence: integer('confidence').notNull().default(50),
    tlp: text('tlp').$type<Tlp>().notNull().default('green'),
    reportCount: integer('report_count').notNull().default(0),
    platformConfirmations: integer('platform_confirmations').notNull().default(0),
    fraudTypes: text('fraud_types').array().notNull().default(sql`'{}'::text[]`),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** A suspected indicator with no new report by then is cleared by the expiry job. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    /** A confirmed indicator comes up for review then; it is never dropped silently. */
    reviewAt: timestamp('review_at', { withTimezone: true, mode: 'date' }),
    networkId: uuid('network_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('indicators_indicator_key').on(t.indicator),
    index('indicators_range_idx').on(t.rangePrefix),
    index('indicators_verdict_idx').on(t.verdict, t.updatedAt),
    index('indicators_expires_idx').on(t.expiresAt).where(sql`${t.verdict} = 'suspected'`),
    index('indicators_review_idx').on(t.reviewAt).where(sql`${t.verdict} = 'confirmed'`),
    check('indicators_verdict_check', sql`${t.verdict} in ('suspected','confirmed','cleared','disputed')`),
    check('indicators_tlp_check', sql`${t.tlp} in ('clear','green','amber','red')`),
    check('indicators_confidence_check', sql`${t.confidence} between 0 and 100`),
  ],
);

/** Every verdict change with its statement of reasons; append-only. */
export const verdictChanges = pgTable(
  'verdict_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    fromVerdict: text('from_verdict').$type<Verdict>(),
    toVerdict: text('to_verdict').$type<Verdict>().notNull(),
    confidence: integer('confidence').notNull(),
    ground: text('ground').notNull(),
    legalBasis: text('legal_basis').notNull(),
    evidence: text('evidence').array().$type<EvidenceKind[]>().notNull(),
    decidedBy: jsonb('decided_by').$type<DecidedBy>().notNull(),
    automated: boolean('automated').notNull(),
    sourceType: text('source_type').$type<SourceType>().notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }),
    explanation: text('explanation'),
    createdAt: createdAt(),
  },
  (t) => [index('verdict_changes_indicator_idx').on(t.indicatorId, t.id)],
);

/** Who contributed what to an indicator: citizens (no organization) or an organization. */
export const indicatorSources = pgTable(
  'indicator_sources',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    /** The organization's id, or `citizen` for the public. */
    sourceKey: text('source_key').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    sourceType: text('source_type').$type<SourceType>().notNull(),
    reports: integer('reports').notNull().default(0),
    confirmations: integer('confirmations').notNull().default(0),
    firstAt: timestamp('first_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastAt: timestamp('last_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.sourceKey] })],
);

/** Official identifiers of known owners (a bank's hotline, a ministry's page): never listed. */
export const legitimateIdentifiers = pgTable(
  'legitimate_identifiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicator: text('indicator').notNull(),
    kind: text('kind').notNull(),
    display: text('display').notNull(),
    sha256: text('sha256').notNull(),
    rangePrefix: integer('range_prefix').notNull(),
    ownerName: text('owner_name').notNull(),
    ownerOrganizationId: uuid('owner_organization_id').references(() => organizations.id),
    category: text('category').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    removedAt: timestamp('removed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('legitimate_identifiers_active_key').on(t.indicator).where(sql`${t.removedAt} is null`),
    index('legitimate_identifiers_range_idx').on(t.rangePrefix),
  ],
);

export const SIGHTING_TYPES = ['seen', 'false_positive', 'gone'] as const;
export type SightingType = (typeof SIGHTING_TYPES)[number];

/** A partner's "seen it / false positive / gone" about an indicator, as MISP and STIX sightings. */
export const sightings = pgTable(
  'sightings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    type: text('type').$type<SightingType>().notNull(),
    count: integer('count').notNull().default(1),
    observedAt: timestamp('observed_at', { withTimezone: true, mode: 'date' }).notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('sightings_indicator_idx').on(t.indicatorId, t.type),
    check('sightings_type_check', sql`${t.type} in ('seen','false_positive','gone')`),
  ],
);

export const REVIEW_REASONS = ['false_positive_sighting', 'legitimate_conflict', 'confirmed_review_due', 'gone_sighting'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** Work for the agency about an indicator: at most one open review per indicator and reason. */
export const indicatorReviews = pgTable(
  'indicator_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicator: text('indicator').notNull(),
    indicatorId: uuid('indicator_id').references(() => indicators.id),
    reason: text('reason').$type<ReviewReason>().notNull(),
    detail: jsonb('detail'),
    status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
    outcome: text('outcome'),
    closedBy: uuid('closed_by').references(() => users.id),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('indicator_reviews_open_key').on(t.indicator, t.reason).where(sql`${t.status} = 'open'`),
    index('indicator_reviews_status_idx').on(t.status, t.createdAt),
  ],
);

/**
 * The change log every server node follows to keep its in-memory look-up index current: one
 * row per change to an indicator or to the verified-legitimate registry, written in the same
 * transaction. Unlike the outbox (each message to one worker), every node reads every row.
 */
export const indexChanges = pgTable(
  'index_changes',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    indicator: text('indicator').notNull(),
    changedAt: createdAt(),
  },
  (t) => [index('index_changes_changed_idx').on(t.changedAt)],
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
