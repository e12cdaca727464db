import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { OrganizationKind, Role } from '../domain/auth/roles.ts';
import type { CampaignLanguage, CampaignStatus, CampaignText, QuizItem } from '../domain/campaigns/model.ts';
import type { CaseEvent, CaseState } from '../domain/cases/state-machine.ts';
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
    /** For telcos: their mobile network (`viettel`, `vinaphone`, …; see src/domain/telcos), for routing webhooks. */
    network: text('network'),
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
    /** Requests allowed per UTC day; null means the configured default. */
    dailyQuota: integer('daily_quota'),
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
    /**
     * A claimed message is leased, not locked: its handler runs outside any transaction (a
     * slow webhook must not hold a transaction, which on PGlite would block every query), and
     * if the worker dies the lease runs out and another worker takes the message again.
     */
    leaseUntil: timestamp('lease_until', { withTimezone: true, mode: 'date' }),
    claimedBy: text('claimed_by'),
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
    /** Feeds and TAXII page through changes by (updated_at, id). */
    index('indicators_updated_idx').on(t.updatedAt, t.id),
    index('indicators_expires_idx').on(t.expiresAt).where(sql`${t.verdict} = 'suspected'`),
    index('indicators_review_idx').on(t.reviewAt).where(sql`${t.verdict} = 'confirmed'`),
    index('indicators_network_idx').on(t.networkId),
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
    // No foreign key: the intake writes this per identifier (docs/decisions/0012-intake-link-tables-without-foreign-keys.md; `canhgiac check`).
    indicatorId: uuid('indicator_id')
      .notNull(),
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
    // No foreign key: the intake writes this per identifier (docs/decisions/0012-intake-link-tables-without-foreign-keys.md; `canhgiac check`).
    indicatorId: uuid('indicator_id')
      .notNull(),
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

export const REPORT_CHANNELS = ['public', 'agency', 'platform', 'partner'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** Where a report stands, as its reporter sees it on the tracking page. */
export const REPORT_STATUSES = ['received', 'under_review', 'verified', 'sent_to_platform', 'platform_acted', 'closed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Given to the reporter; anyone holding it sees the report's status, never personal data. */
    trackingCode: text('tracking_code').notNull(),
    channel: text('channel').$type<ReportChannel>().notNull(),
    category: text('category').notNull(),
    narrative: text('narrative').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }),
    amountLostVnd: bigint('amount_lost_vnd', { mode: 'number' }),
    paymentMethod: text('payment_method'),
    status: text('status').$type<ReportStatus>().notNull().default('received'),
    /** The outcome in plain words once known (e.g. "the platform removed the page"). */
    outcome: text('outcome'),
    locale: text('locale').$type<'vi' | 'en'>().notNull().default('vi'),
    /** The submitting organization (agency, platform, partner); null for the public. */
    organizationId: uuid('organization_id').references(() => organizations.id),
    submittedByUserId: uuid('submitted_by_user_id').references(() => users.id),
    submittedByApiKeyId: uuid('submitted_by_api_key_id').references(() => apiKeys.id),
    /** Reporter's contact details, AES-256-GCM encrypted (base64 of iv | tag | ciphertext); agency eyes only. */
    reporterContactEncrypted: text('reporter_contact_encrypted'),
    consentToContact: boolean('consent_to_contact').notNull().default(false),
    /** The caller's Idempotency-Key, kept in the report's own transaction so a retry after a crash finds it. */
    idempotencyPrincipal: text('idempotency_principal'),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    caseId: uuid('case_id'),
    /** The risk score (0–100) of the report's narrative and identifiers at intake (src/domain/risk). */
    riskScore: integer('risk_score'),
    /**
     * Who the report came from, pseudonymously: the organization, the user, or for the public a
     * keyed hash of the contact details or else of the network the request came from. For
     * reputation and coordinated-reporting checks; never shown.
     */
    sourceKey: text('source_key'),
    /** Keyed hash of the narrative with case, accents, spaces and digits folded: finds copy-pasted narratives. */
    narrativeHash: text('narrative_hash'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reports_tracking_code_key').on(t.trackingCode),
    uniqueIndex('reports_idempotency_key').on(t.idempotencyPrincipal, t.idempotencyKey),
    index('reports_created_idx').on(t.createdAt),
    // A case's reports, and its recent ones: the intake's coordination check reads one range of
    // it per case (recentCaseReports) instead of every report of the window.
    index('reports_case_created_idx').on(t.caseId, t.createdAt),
  ],
);

/** Content-addressed evidence files: one row per distinct sha256, whatever the number of reports. */
export const evidenceFiles = pgTable('evidence_files', {
  sha256: text('sha256').primaryKey(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  createdAt: createdAt(),
});

export const reportEvidence = pgTable(
  'report_evidence',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    sha256: text('sha256')
      .notNull()
      .references(() => evidenceFiles.sha256),
    position: integer('position').notNull(),
    originalName: text('original_name'),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.position] })],
);

/**
 * Numbers for case references (`CG-2026-000123`). A sequence, not a counter row, so concurrent
 * intake transactions opening cases never wait on each other; gaps from rolled-back
 * transactions are harmless.
 */
export const caseReferenceSeq = pgSequence('case_reference_seq', { startWith: 1, increment: 1 });

// The case states and event types are the state machine's (src/domain/cases/state-machine.ts).
export type CaseStatus = CaseState;

/**
 * The analysts' unit of work. Its state is derived from the append-only `case_events`
 * (status, assignee, priority are a cache of the last event's outcome, updated in the same
 * transaction as the event).
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human reference, e.g. `CG-2026-000123`. */
    reference: text('reference').notNull(),
    status: text('status').$type<CaseStatus>().notNull().default('new'),
    priority: integer('priority').notNull().default(3),
    category: text('category').notNull(),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    mergedIntoCaseId: uuid('merged_into_case_id'),
    reportCount: integer('report_count').notNull().default(0),
    amountLostVnd: bigint('amount_lost_vnd', { mode: 'number' }).notNull().default(0),
    lastEventSeq: bigint('last_event_seq', { mode: 'number' }).notNull().default(0),
    /** The highest risk score of its reports: the triage queue can order by it. */
    riskScore: integer('risk_score').notNull().default(0),
    /** Set when its reports look coordinated (see src/domain/reports/coordination.ts): the reasons, for a human to weigh. */
    coordination: jsonb('coordination'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_reference_key').on(t.reference),
    index('cases_status_idx').on(t.status, t.updatedAt),
    index('cases_assignee_idx').on(t.assigneeUserId),
    index('cases_risk_idx').on(t.riskScore),
  ],
);

export type CaseEventType = CaseEvent;

export const caseEvents = pgTable(
  'case_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // No foreign key: the intake writes this per identifier (docs/decisions/0012-intake-link-tables-without-foreign-keys.md; `canhgiac check`).
    caseId: uuid('case_id')
      .notNull(),
    type: text('type').$type<CaseEventType>().notNull(),
    actorType: text('actor_type').$type<'user' | 'api_key' | 'system' | 'public'>().notNull(),
    actorId: text('actor_id'),
    organizationId: uuid('organization_id'),
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.id)],
);

export const caseIndicators = pgTable(
  'case_indicators',
  {
    // No foreign key: the intake writes these per identifier (docs/decisions/0012-intake-link-tables-without-foreign-keys.md; `canhgiac check`).
    caseId: uuid('case_id')
      .notNull(),
    indicatorId: uuid('indicator_id')
      .notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.indicatorId] }), index('case_indicators_indicator_idx').on(t.indicatorId)],
);

/** How long each platform has to act on an escalation (Vietnamese rules ask for 24 hours). */
export const deadlinePolicies = pgTable('deadline_policies', {
  platform: text('platform').primaryKey(),
  hours: integer('hours').notNull().default(24),
  dueSoonHours: integer('due_soon_hours').notNull().default(4),
});

export const ESCALATION_STATUSES = ['open', 'acknowledged', 'actioned'] as const;
export const PLATFORM_ACTIONS = ['removed', 'restricted', 'no_violation', 'needs_more_information'] as const;
export type PlatformAction = (typeof PLATFORM_ACTIONS)[number];

/** A request to one platform to act on a case's subjects, with a due time. Fraud only. */
export const escalations = pgTable(
  'escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    platform: text('platform').notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    status: text('status').$type<(typeof ESCALATION_STATUSES)[number]>().notNull().default('open'),
    fraudCategory: text('fraud_category').notNull(),
    legalBasis: text('legal_basis').notNull(),
    message: text('message'),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
    dueSoonAt: timestamp('due_soon_at', { withTimezone: true, mode: 'date' }).notNull(),
    dueSoonNotifiedAt: timestamp('due_soon_notified_at', { withTimezone: true, mode: 'date' }),
    breachedAt: timestamp('breached_at', { withTimezone: true, mode: 'date' }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
    actionedAt: timestamp('actioned_at', { withTimezone: true, mode: 'date' }),
    action: text('action').$type<PlatformAction>(),
    platformNote: text('platform_note'),
    platformReference: text('platform_reference'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('escalations_platform_status_idx').on(t.organizationId, t.status, t.dueAt),
    index('escalations_due_idx').on(t.dueAt).where(sql`${t.status} <> 'actioned'`),
    index('escalations_case_idx').on(t.caseId),
  ],
);

export const escalationSubjects = pgTable(
  'escalation_subjects',
  {
    escalationId: uuid('escalation_id')
      .notNull()
      .references(() => escalations.id),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
  },
  (t) => [primaryKey({ columns: [t.escalationId, t.indicatorId] })],
);

/** What evidence a platform sees: the agency's chosen files, as redacted copies where redacted. */
export const escalationEvidence = pgTable(
  'escalation_evidence',
  {
    escalationId: uuid('escalation_id')
      .notNull()
      .references(() => escalations.id),
    /** The file the platform receives (a redacted copy, or the original when nothing was hidden). */
    sha256: text('sha256')
      .notNull()
      .references(() => evidenceFiles.sha256),
    sourceSha256: text('source_sha256')
      .notNull()
      .references(() => evidenceFiles.sha256),
    redactions: jsonb('redactions'),
  },
  (t) => [primaryKey({ columns: [t.escalationId, t.sha256] })],
);

/**
 * Accounts a platform removed for fraud against Vietnamese users and pushed to the exchange.
 * The platform's own reference makes a push idempotent: pushing it again changes nothing.
 */
export const platformEnforcements = pgTable(
  'platform_enforcements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    platform: text('platform').notNull(),
    reference: text('reference').notNull(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    fraudType: text('fraud_type').notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true, mode: 'date' }).notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('platform_enforcements_reference_key').on(t.organizationId, t.reference),
    index('platform_enforcements_indicator_idx').on(t.indicatorId),
  ],
);

export const DISPUTE_STATUSES = ['open', 'upheld', 'cleared'] as const;

/** Someone wrongly listed disputes an indicator; a supervisor upholds or clears it with a reason. */
export const disputes = pgTable(
  'disputes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trackingCode: text('tracking_code').notNull(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    explanation: text('explanation').notNull(),
    /** The disputer's contact details, encrypted like reporters'. */
    contactEncrypted: text('contact_encrypted').notNull(),
    status: text('status').$type<(typeof DISPUTE_STATUSES)[number]>().notNull().default('open'),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('disputes_tracking_code_key').on(t.trackingCode), index('disputes_status_idx').on(t.status, t.createdAt)],
);

export const reportIndicators = pgTable(
  'report_indicators',
  {
    // No foreign key: the intake writes these per identifier (docs/decisions/0012-intake-link-tables-without-foreign-keys.md; `canhgiac check`).
    reportId: uuid('report_id')
      .notNull(),
    indicatorId: uuid('indicator_id')
      .notNull(),
    rawInput: text('raw_input').notNull(),
    extracted: boolean('extracted').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.indicatorId] }), index('report_indicators_indicator_idx').on(t.indicatorId)],
);

// --- Sharing with partners: trust for partner pushes, TAXII status resources (issue 6). ---

/**
 * How far the exchange trusts and shares with a partner organization: the highest TLP it may
 * receive (red never leaves the agency) and whether its pushes about its own subjects (a
 * bank's accounts at its BINs, a platform's accounts on its platform) enter as confirmed.
 */
export const partnerTrust = pgTable(
  'partner_trust',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id),
    maxTlp: text('max_tlp').$type<'clear' | 'green' | 'amber'>().notNull().default('amber'),
    confirmOwnSubjects: boolean('confirm_own_subjects').notNull().default(false),
    /** A bank's own BINs (6 digits), for which its pushes confirm. */
    bins: text('bins').array().notNull().default(sql`'{}'::text[]`),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [check('partner_trust_max_tlp_check', sql`${t.maxTlp} in ('clear','green','amber')`)],
);

/** The outcome of one TAXII "add objects" request, kept for GET …/status/{id}. */
export const taxiiStatuses = pgTable(
  'taxii_statuses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    collectionId: text('collection_id').notNull(),
    status: text('status').$type<'pending' | 'complete'>().notNull(),
    totalCount: integer('total_count').notNull(),
    successCount: integer('success_count').notNull(),
    failureCount: integer('failure_count').notNull(),
    pendingCount: integer('pending_count').notNull(),
    /** `{ successes: [...], failures: [...], pendings: [...] }` as TAXII status details. */
    details: jsonb('details').notNull(),
    requestTimestamp: timestamp('request_timestamp', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('taxii_statuses_organization_idx').on(t.organizationId, t.requestTimestamp)],
);

// --- Public content: awareness articles and public alerts (docs/content.md). ---

export const CONTENT_STATUSES = ['draft', 'published', 'scheduled', 'unpublished'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];
export const CONTENT_LANGUAGES = ['vi', 'en'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/**
 * An awareness article about one fraud type. The public sees it while `status` is published
 * or scheduled and `publish_at` has passed (a scheduled article needs no job to go live).
 */
export const articles = pgTable(
  'articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    fraudType: text('fraud_type').notNull(),
    status: text('status').$type<ContentStatus>().notNull().default('draft'),
    publishAt: timestamp('publish_at', { withTimezone: true, mode: 'date' }),
    /** Raised by every console write (text or status): the editor's optimistic-concurrency token. */
    version: integer('version').notNull().default(1),
    /** Why it was last unpublished (the console asks); null otherwise. */
    statusReason: text('status_reason'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('articles_slug_key').on(t.slug),
    index('articles_public_idx').on(t.status, t.publishAt),
    check('articles_status_check', sql`${t.status} in ('draft','published','scheduled','unpublished')`),
    check('articles_publish_at_check', sql`${t.status} not in ('published','scheduled') or ${t.publishAt} is not null`),
  ],
);

/** One language version of an article, in markdown (rendered to HTML when served). */
export const articleTranslations = pgTable(
  'article_translations',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    lang: text('lang').$type<ContentLanguage>().notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    bodyMarkdown: text('body_markdown').notNull(),
    /** sha256 of the repository file last imported into this row; null once edited in the console, so an import never overwrites an edit. */
    sourceSha256: text('source_sha256'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.lang] }), check('article_translations_lang_check', sql`${t.lang} in ('vi','en')`)],
);

/** A public warning about a current scam; public under the same rule as articles. */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status').$type<ContentStatus>().notNull().default('draft'),
    publishAt: timestamp('publish_at', { withTimezone: true, mode: 'date' }),
    fraudTypes: text('fraud_types').array().notNull().default(sql`'{}'::text[]`),
    /** As for articles: the optimistic-concurrency token and the last unpublish reason. */
    version: integer('version').notNull().default(1),
    statusReason: text('status_reason'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    index('alerts_public_idx').on(t.status, t.publishAt),
    check('alerts_status_check', sql`${t.status} in ('draft','published','scheduled','unpublished')`),
    check('alerts_publish_at_check', sql`${t.status} not in ('published','scheduled') or ${t.publishAt} is not null`),
  ],
);

export const alertTranslations = pgTable(
  'alert_translations',
  {
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    lang: text('lang').$type<ContentLanguage>().notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    bodyMarkdown: text('body_markdown').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.lang] }), check('alert_translations_lang_check', sql`${t.lang} in ('vi','en')`)],
);

// --- Webhooks and API-key usage (issue 6, partners and webhooks) ---

export const WEBHOOK_SUBSCRIPTION_STATUSES = ['active', 'paused', 'disabled'] as const;
export type WebhookSubscriptionStatus = (typeof WEBHOOK_SUBSCRIPTION_STATUSES)[number];
export const WEBHOOK_ROUTINGS = ['concerned', 'all'] as const;
export type WebhookRouting = (typeof WEBHOOK_ROUTINGS)[number];

/** An organization's webhook receiver: where to send which events, signed with its secret. */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    eventTypes: text('event_types').array().notNull(),
    /** `concerned`: only events about the organization's BINs, network, platform or escalations; `all`: every event its sharing allows. */
    routing: text('routing').$type<WebhookRouting>().notNull().default('concerned'),
    /** `whsec_` + base64 of 32 random bytes (Standard Webhooks), encrypted (src/app/webhook-secrets.ts). */
    secret: text('secret').notNull(),
    /** The secret before the last rotation, still signed with until `previous_secret_until`. */
    previousSecret: text('previous_secret'),
    previousSecretUntil: timestamp('previous_secret_until', { withTimezone: true, mode: 'date' }),
    status: text('status').$type<WebhookSubscriptionStatus>().notNull().default('active'),
    disabledReason: text('disabled_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('webhook_subscriptions_organization_idx').on(t.organizationId),
    check('webhook_subscriptions_status_check', sql`${t.status} in ('active','paused','disabled')`),
    check('webhook_subscriptions_routing_check', sql`${t.routing} in ('concerned','all')`),
  ],
);

/**
 * One event for one subscription. Sent in id order per subscription, one at a time: a
 * pending delivery holds back the later ones of its subscription only.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    /** The Standard Webhooks `webhook-id`: the same for every subscription and every retry of one event. */
    messageId: text('message_id').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').$type<'pending' | 'delivered' | 'failed'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** When the current series of attempts began: after the retry window the delivery fails. */
    firstAttemptAt: timestamp('first_attempt_at', { withTimezone: true, mode: 'date' }),
    leaseUntil: timestamp('lease_until', { withTimezone: true, mode: 'date' }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_message_key').on(t.subscriptionId, t.messageId),
    index('webhook_deliveries_pending_idx').on(t.subscriptionId, t.id).where(sql`${t.status} = 'pending'`),
    check('webhook_deliveries_status_check', sql`${t.status} in ('pending','delivered','failed')`),
  ],
);

/** Every HTTP attempt of a delivery: the delivery log. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: bigint('delivery_id', { mode: 'number' })
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attemptedAt: timestamp('attempted_at', { withTimezone: true, mode: 'date' }).notNull(),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
    /** The first 1,000 characters of the receiver's answer. */
    responseBody: text('response_body'),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.id)],
);

/** Requests per API key per UTC day, added in batches by each node. */
export const apiKeyUsage = pgTable(
  'api_key_usage',
  {
    apiKeyId: uuid('api_key_id')
      .notNull()
      .references(() => apiKeys.id),
    day: text('day').notNull(),
    requests: bigint('requests', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.day] })],
);

/**
 * Networks of linked indicators (identifiers that appear together in a report). Ids are stable:
 * when two networks join, the larger keeps its id and the other points to it (`merged_into_id`),
 * so an id handed out earlier still leads to the network.
 */
export const networks = pgTable(
  'networks',
  {
    id: uuid('id').primaryKey(),
    size: integer('size').notNull().default(0),
    mergedIntoId: uuid('merged_into_id'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('networks_merged_idx').on(t.mergedIntoId)],
);

/** Why two indicators are linked: how many reports named both (`a_id` < `b_id`). */
export const indicatorLinks = pgTable(
  'indicator_links',
  {
    // No foreign key: the intake writes these per identifier (docs/decisions/0012-intake-link-tables-without-foreign-keys.md; `canhgiac check`).
    aId: uuid('a_id')
      .notNull(),
    bId: uuid('b_id')
      .notNull(),
    reports: integer('reports').notNull().default(0),
    firstAt: timestamp('first_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastAt: timestamp('last_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.aId, t.bId] }), index('indicator_links_b_idx').on(t.bId)],
);

/**
 * A reporter's track record (by `reports.source_key`): reports in cases later verified raise it,
 * in rejected cases lower it. Weighs reports in the coordinated-reporting check.
 */
export const reporterReputation = pgTable('reporter_reputation', {
  sourceKey: text('source_key').primaryKey(),
  verified: integer('verified').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * A named set of queue filters and sort, owned by one user of the agency; `shared` views are
 * listed to everyone of the owner's organization (supervisors share). `filters` is the queue's
 * query (status, category, priority, minRisk, coordinated, assignee, escalationDue, sort),
 * checked by the route's schema before it is stored.
 */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull(),
    shared: boolean('shared').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('saved_views_owner_name_key').on(t.ownerUserId, t.name),
    index('saved_views_shared_idx').on(t.organizationId).where(sql`${t.shared}`),
    check('saved_views_name_check', sql`char_length(${t.name}) between 1 and 80`),
  ],
);

export const MESSAGE_TEMPLATE_LOCALES = ['vi', 'en'] as const;

/**
 * Saved versions of the message templates (src/domain/templates): each save adds a version, the
 * newest of a (purpose, locale) is in force, and none at all means the built-in default.
 */
export const messageTemplateVersions = pgTable(
  'message_template_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose').notNull(),
    locale: text('locale').$type<(typeof MESSAGE_TEMPLATE_LOCALES)[number]>().notNull(),
    version: integer('version').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The version put the built-in default back ("reset to default"). */
    isDefault: boolean('is_default').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('message_template_versions_key').on(t.purpose, t.locale, t.version),
    check('message_template_versions_locale_check', sql`${t.locale} in ('vi','en')`),
  ],
);

// --- Awareness campaigns (docs/campaigns.md) ---

/**
 * A themed awareness campaign: dates, fraud types, links to articles, alerts and partner
 * organizations, its landing page in both languages and its quiz. Texts and quiz are edited
 * and replaced as a whole, so they are kept as JSON (shapes in src/domain/campaigns/model.ts).
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    status: text('status').$type<CampaignStatus>().notNull().default('draft'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    theme: text('theme').notNull(),
    fraudTypes: text('fraud_types').array().notNull().default(sql`'{}'::text[]`),
    partnerOrganizationIds: uuid('partner_organization_ids').array().notNull().default(sql`'{}'::uuid[]`),
    articleSlugs: text('article_slugs').array().notNull().default(sql`'{}'::text[]`),
    alertIds: uuid('alert_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** `{ vi: CampaignText, en: CampaignText }`. */
    texts: jsonb('texts').$type<Record<CampaignLanguage, CampaignText>>().notNull(),
    quiz: jsonb('quiz').$type<QuizItem[]>().notNull().default(sql`'[]'::jsonb`),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('campaigns_slug_key').on(t.slug),
    index('campaigns_status_idx').on(t.status, t.startsOn),
    check('campaigns_status_check', sql`${t.status} in ('draft','published','archived')`),
    check('campaigns_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/**
 * Reach of a campaign: per day (Vietnam time) and kind of event, a count, plus for completed
 * quizzes the sums of right answers and of questions. Counts only: no address, cookie, user
 * agent or time of day is kept (docs/campaigns.md, "Privacy of reach figures").
 */
export const campaignDailyCounts = pgTable(
  'campaign_daily_counts',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    count: bigint('count', { mode: 'number' }).notNull().default(0),
    scoreSum: bigint('score_sum', { mode: 'number' }).notNull().default(0),
    ofSum: bigint('of_sum', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.day, t.kind] }),
    check('campaign_daily_counts_kind_check', sql`${t.kind} in ('view','quiz_start','quiz_complete','share','lookup','report')`),
  ],
);

/**
 * How each fraud category is presented and used. The codes are fixed (API schemas, feeds, STIX;
 * docs/decisions/0009-taxonomy-codes-fixed.md); administrators change names, descriptions,
 * whether the public may choose it (`active`) and the display order (`position`).
 */
export const fraudCategories = pgTable(
  'fraud_categories',
  {
    code: text('code').primaryKey(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionVi: text('description_vi').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [check('fraud_categories_position_check', sql`${t.position} between 1 and 9999`)],
);
