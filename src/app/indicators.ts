import { canonicalize, type Canonical, type IdentifierKind } from '../domain/identifiers/index.ts';
import type { FraudType } from '../domain/fraud-types.ts';
import { indicatorSha256, rangePrefixOf } from '../domain/indicators/hashing.ts';
import { validateReasons, type DecidedBy, type ReasonsInput, type SourceType, type StatementOfReasons } from '../domain/indicators/statement-of-reasons.ts';
import { allowedVerdictChanges, canChangeVerdict, type Tlp, type Verdict } from '../domain/indicators/verdicts.ts';
import { appendAudit } from '../store/audit-log.ts';
import type { Db } from '../store/connection.ts';
import {
  addSourceContribution,
  findIndicator,
  findIndicatorById,
  insertIndicator,
  insertVerdictChange,
  listIndicatorRows,
  listSources,
  listVerdictChanges,
  lockIndicator,
  recordIndexChange,
  updateIndicator,
  type IndicatorRow,
} from '../store/indicators.ts';
import { findActiveLegitimate } from '../store/legitimate.ts';
import { openReview } from '../store/reviews.ts';
import { sightingCounts } from '../store/sightings.ts';
import { auditActor, isAgencyStaff, type Caller } from './caller.ts';
import { enqueueVerdictChanged } from './webhook-events.ts';
import { badRequest, conflict, notFound } from './errors.ts';

export interface IndicatorPolicy {
  suspectedExpiryDays: number;
  confirmedReviewDays: number;
}

const DAY_MS = 86_400_000;

/** An identifier as stored: canonical string, kind and display form. */
export interface IdentifierRef {
  indicator: string;
  kind: string;
  display: string;
}

/** Who a statement of reasons names as the decider, taken from the caller, never from input. */
export function decidedByOf(caller: Caller): DecidedBy {
  const a = caller.actor;
  if (a.type === 'user') return { type: 'person', userId: a.userId, organizationId: a.organizationId };
  if (a.type === 'api_key') return { type: 'organization', organizationId: a.organizationId };
  return { type: 'automated_rule', rule: a.type === 'system' ? a.label : 'public' };
}

/** Canonicalizes a raw identifier or throws a 400 naming the identifier error. */
export function canonicalOrThrow(raw: string, kind: IdentifierKind | undefined, field: string): Canonical {
  const result = canonicalize(raw, kind ? { kind } : {});
  if (!result.ok) throw badRequest(`"${raw.slice(0, 200)}" is not a valid identifier: ${result.error.message}`, [{ field, message: result.error.message, code: result.error.code }]);
  return result.value;
}

function reasonsOrThrow(input: ReasonsInput | undefined, decidedBy: DecidedBy): StatementOfReasons {
  const checked = validateReasons(input, decidedBy);
  if (!checked.ok) throw badRequest('The statement of reasons is incomplete.', checked.errors);
  return checked.value;
}

export function datesFor(verdict: Verdict, policy: IndicatorPolicy, now: Date): { expiresAt: Date | null; reviewAt: Date | null } {
  return {
    expiresAt: verdict === 'suspected' ? new Date(now.getTime() + policy.suspectedExpiryDays * DAY_MS) : null,
    reviewAt: verdict === 'confirmed' ? new Date(now.getTime() + policy.confirmedReviewDays * DAY_MS) : null,
  };
}

const DEFAULT_CONFIDENCE: Record<Verdict, number> = { suspected: 40, confirmed: 90, disputed: 50, cleared: 0 };
export const DEFAULT_TLP: Record<Verdict, Tlp> = { suspected: 'green', confirmed: 'clear', disputed: 'green', cleared: 'green' };

interface VerdictInput {
  verdict: Verdict;
  confidence?: number;
  tlp?: Tlp;
  fraudTypes?: FraudType[];
  reasons: StatementOfReasons;
}

/**
 * The one place a verdict changes: checks the transition and the verified-legitimate registry,
 * writes the indicator, its verdict history with the statement of reasons, the look-up index
 * change and the audit record, all in the caller's transaction.
 */
async function applyVerdict(
  tx: Db,
  caller: Caller,
  existing: IndicatorRow | null,
  canonical: IdentifierRef,
  input: VerdictInput,
  policy: IndicatorPolicy,
): Promise<IndicatorRow> {
  const from = existing?.verdict ?? null;
  if (!canChangeVerdict(from, input.verdict)) {
    const allowed = allowedVerdictChanges(from).join(', ') || 'none';
    throw conflict(`The verdict cannot change from ${from ?? '(new)'} to ${input.verdict}; allowed: ${allowed}.`, [
      { field: '/verdict', message: `Allowed from ${from ?? '(new)'}: ${allowed}.` },
    ]);
  }
  if (input.verdict !== 'cleared') {
    const legitimate = await findActiveLegitimate(tx, canonical.indicator);
    if (legitimate) {
      await openReview(tx, {
        indicator: canonical.indicator,
        indicatorId: existing?.id ?? null,
        reason: 'legitimate_conflict',
        detail: { attemptedVerdict: input.verdict, by: auditActor(caller), owner: legitimate.ownerName },
      });
      throw conflict(`${canonical.display} is a verified legitimate identifier of ${legitimate.ownerName} and cannot be listed; a review was opened.`);
    }
  }
  const now = new Date();
  const confidence = input.confidence ?? DEFAULT_CONFIDENCE[input.verdict];
  const fraudTypes = [...new Set([...(existing?.fraudTypes ?? []), ...(input.fraudTypes ?? []), input.reasons.ground])];
  const values = {
    verdict: input.verdict,
    confidence,
    tlp: input.tlp ?? (existing ? existing.tlp : DEFAULT_TLP[input.verdict]),
    fraudTypes,
    lastSeenAt: now,
    ...datesFor(input.verdict, policy, now),
  };
  const sha = indicatorSha256(canonical.indicator);
  const row = existing
    ? await updateIndicator(tx, existing.id, values)
    : await insertIndicator(tx, { indicator: canonical.indicator, kind: canonical.kind, display: canonical.display, sha256: sha, rangePrefix: rangePrefixOf(sha), firstSeenAt: now, ...values });
  const r = input.reasons;
  await insertVerdictChange(tx, {
    indicatorId: row.id,
    fromVerdict: from,
    toVerdict: input.verdict,
    confidence,
    ground: r.ground,
    legalBasis: r.legalBasis,
    evidence: r.evidence,
    decidedBy: r.decidedBy,
    automated: r.decidedBy.type === 'automated_rule',
    sourceType: r.sourceType,
    endsAt: r.endsAt,
    explanation: r.explanation,
  });
  await recordIndexChange(tx, row.indicator);
  await enqueueVerdictChanged(tx, row, from);
  await appendAudit(tx, {
    ...auditActor(caller),
    action: 'indicator.verdict_changed',
    subjectType: 'indicator',
    subjectId: row.id,
    before: existing ? { verdict: existing.verdict, confidence: existing.confidence } : null,
    after: { indicator: row.indicator, verdict: row.verdict, confidence: row.confidence, reasons: r },
  });
  return row;
}

export interface ListIndicatorInput {
  value: string;
  kind?: IdentifierKind;
  verdict: 'suspected' | 'confirmed';
  confidence?: number;
  tlp?: Tlp;
  fraudTypes?: FraudType[];
  reasons: ReasonsInput;
}

/** The agency lists an identifier directly (from an investigation, a partner's confirmation…). */
export async function listIdentifier(db: Db, caller: Caller, input: ListIndicatorInput, policy: IndicatorPolicy): Promise<{ indicator: IndicatorView; created: boolean }> {
  const canonical = canonicalOrThrow(input.value, input.kind, '/value');
  const reasons = reasonsOrThrow(input.reasons, decidedByOf(caller));
  return db.transaction(async (tx) => {
    const existing = (await findIndicator(tx, canonical.indicator)) ?? null;
    if (existing && existing.verdict === input.verdict) {
      throw conflict(`${canonical.display} is already ${input.verdict}.`, [{ field: '/verdict', message: 'No change.' }]);
    }
    const locked = existing ? ((await lockIndicator(tx, existing.id)) ?? null) : null;
    const row = await applyVerdict(tx, caller, locked, canonical, { ...input, reasons }, policy);
    const a = caller.actor;
    const organizationId = a.type === 'user' || a.type === 'api_key' ? a.organizationId : null;
    await addSourceContribution(tx, { indicatorId: row.id, organizationId, sourceType: reasons.sourceType, confirmations: input.verdict === 'confirmed' ? 1 : 0 });
    return { indicator: indicatorView(row), created: !existing };
  });
}

export interface VerdictChangeInput {
  verdict: Verdict;
  confidence?: number;
  tlp?: Tlp;
  reasons: ReasonsInput;
}

export async function changeVerdict(db: Db, caller: Caller, id: string, input: VerdictChangeInput, policy: IndicatorPolicy): Promise<IndicatorView> {
  return (await changeVerdictIf(db, caller, id, input, policy, () => true))!;
}

/** Changes the verdict only if `condition` still holds once the row is locked; null otherwise. */
export async function changeVerdictIf(
  db: Db,
  caller: Caller,
  id: string,
  input: VerdictChangeInput,
  policy: IndicatorPolicy,
  condition: (row: IndicatorRow) => boolean,
): Promise<IndicatorView | null> {
  const reasons = reasonsOrThrow(input.reasons, decidedByOf(caller));
  return db.transaction(async (tx) => {
    const existing = await lockIndicator(tx, id);
    if (!existing) throw notFound('The indicator');
    if (!condition(existing)) return null;
    if (existing.verdict === input.verdict) {
      throw conflict(`The indicator is already ${input.verdict}.`, [{ field: '/verdict', message: 'No change.' }]);
    }
    return indicatorView(await applyVerdict(tx, caller, existing, existing, { ...input, reasons }, policy));
  });
}

export interface ReportedIdentifier {
  canonical: IdentifierRef;
  fraudType: FraudType;
  sourceType: SourceType;
  organizationId: string | null;
}

/**
 * A report names an identifier: the first report makes it suspected (an automated decision,
 * flagged as such), later ones add to its count and keep it from expiring. A verified
 * legitimate identifier is never listed: the report opens a review instead.
 */
export async function noteReportedIdentifier(
  tx: Db,
  caller: Caller,
  reported: ReportedIdentifier,
  policy: IndicatorPolicy,
): Promise<{ indicator: IndicatorRow | null; flaggedLegitimate: boolean }> {
  const { canonical } = reported;
  const legitimate = await findActiveLegitimate(tx, canonical.indicator);
  if (legitimate) {
    await openReview(tx, { indicator: canonical.indicator, indicatorId: null, reason: 'legitimate_conflict', detail: { owner: legitimate.ownerName, fraudType: reported.fraudType } });
    return { indicator: null, flaggedLegitimate: true };
  }
  const found = await findIndicator(tx, canonical.indicator);
  const existing = found ? ((await lockIndicator(tx, found.id)) ?? null) : null;
  let row: IndicatorRow;
  if (!existing || existing.verdict === 'cleared') {
    row = await applyVerdict(
      tx,
      caller,
      existing,
      canonical,
      { verdict: 'suspected', confidence: FIRST_REPORT_CONFIDENCE, fraudTypes: [reported.fraudType], reasons: firstReportReasons(reported, existing !== null) },
      policy,
    );
  } else {
    row = existing;
  }
  const now = new Date();
  row = await updateIndicator(tx, row.id, reportedValues(row, 1, [reported.fraudType], policy, now));
  await addSourceContribution(tx, { indicatorId: row.id, organizationId: reported.organizationId, sourceType: reported.sourceType, reports: 1 });
  await recordIndexChange(tx, row.indicator);
  return { indicator: row, flaggedLegitimate: false };
}

/** The confidence a first report gives: a suspicion, which only verification confirms. */
export const FIRST_REPORT_CONFIDENCE = 30;

/** The statement of reasons of the automated listing that a report makes (first report, or again after clearing). */
export function firstReportReasons(reported: Pick<ReportedIdentifier, 'fraudType' | 'sourceType'>, relisting: boolean): StatementOfReasons {
  return {
    ground: reported.fraudType,
    legalBasis: 'Reported to the national anti-fraud exchange; pending verification',
    evidence: ['citizen_reports'],
    decidedBy: { type: 'automated_rule', rule: relisting ? 'reported_again_after_clearing' : 'first_report' },
    sourceType: reported.sourceType,
    endsAt: null,
    explanation: null,
  };
}

/**
 * What `reports` more reports (of `fraudTypes`) change on a listed indicator: the count, last
 * seen, fraud types, and for a suspicion its confidence (more independent reports make it
 * stronger, up to 70: only verification confirms) and its expiry (pushed back). `credit` is what
 * the reports weigh for the confidence: by default one each; the intake gives each report twice
 * its source's reputation weight (a new source 0.5 → 1, a reliable one up to 2, one whose reports
 * keep being rejected close to 0; see src/domain/reports/coordination.ts).
 */
export function reportedValues(
  row: Pick<IndicatorRow, 'verdict' | 'confidence' | 'reportCount' | 'fraudTypes'>,
  reports: number,
  fraudTypes: readonly string[],
  policy: IndicatorPolicy,
  now: Date,
  credit: number = reports,
): Pick<IndicatorRow, 'reportCount' | 'lastSeenAt' | 'fraudTypes' | 'confidence'> & { expiresAt?: Date } {
  const reportCount = row.reportCount + reports;
  const weighed = row.reportCount + credit;
  return {
    reportCount,
    lastSeenAt: now,
    fraudTypes: [...new Set([...row.fraudTypes, ...fraudTypes])],
    confidence: row.verdict === 'suspected' ? Math.min(70, Math.max(row.confidence, Math.round(20 + 10 * weighed))) : row.confidence,
    ...(row.verdict === 'suspected' ? { expiresAt: new Date(now.getTime() + policy.suspectedExpiryDays * DAY_MS) } : {}),
  };
}

export interface IndicatorView {
  id: string;
  indicator: string;
  kind: string;
  display: string;
  verdict: Verdict;
  confidence: number;
  tlp: Tlp;
  reportCount: number;
  platformConfirmations: number;
  fraudTypes: string[];
  firstSeenAt: string;
  lastSeenAt: string;
  expiresAt: string | null;
  reviewAt: string | null;
  /** The network of linked indicators it belongs to (see GET /api/v1/networks/:id), if any. */
  networkId: string | null;
  updatedAt: string;
}

export function indicatorView(r: IndicatorRow): IndicatorView {
  return {
    id: r.id,
    indicator: r.indicator,
    kind: r.kind,
    display: r.display,
    verdict: r.verdict,
    confidence: r.confidence,
    tlp: r.tlp,
    reportCount: r.reportCount,
    platformConfirmations: r.platformConfirmations,
    fraudTypes: r.fraudTypes,
    firstSeenAt: r.firstSeenAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? null,
    reviewAt: r.reviewAt?.toISOString() ?? null,
    networkId: r.networkId,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Partners see what is shared at TLP green or amber, listed or disputed; the agency sees everything. */
function visibleTo(caller: Caller, row: IndicatorRow): boolean {
  if (isAgencyStaff(caller.actor)) return true;
  return row.tlp !== 'red' && row.verdict !== 'cleared';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getIndicatorDetail(db: Db, caller: Caller, idOrIndicator: string) {
  let row: IndicatorRow | undefined;
  if (UUID.test(idOrIndicator)) row = await findIndicatorById(db, idOrIndicator);
  else {
    const canonical = canonicalize(idOrIndicator);
    row = canonical.ok ? await findIndicator(db, canonical.value.indicator) : undefined;
  }
  if (!row || !visibleTo(caller, row)) throw notFound('The indicator');
  const agency = isAgencyStaff(caller.actor);
  const [history, sources, sightings] = await Promise.all([listVerdictChanges(db, row.id), listSources(db, row.id), sightingCounts(db, row.id)]);
  return {
    ...indicatorView(row),
    history: history.map((h) => ({
      at: h.createdAt.toISOString(),
      from: h.fromVerdict,
      to: h.toVerdict,
      confidence: h.confidence,
      reasons: {
        ground: h.ground,
        legalBasis: h.legalBasis,
        evidence: h.evidence,
        sourceType: h.sourceType,
        endsAt: h.endsAt?.toISOString() ?? null,
        explanation: h.explanation,
        automated: h.automated,
        // Partners learn which organization or rule decided, not which member of staff.
        decidedBy: agency || h.decidedBy.type !== 'person' ? h.decidedBy : { type: 'organization' as const, organizationId: h.decidedBy.organizationId },
      },
    })),
    sources: sources.map((s) => ({
      sourceType: s.sourceType,
      organization: s.organizationId ? { id: s.organizationId, name: s.organizationName } : null,
      reports: s.reports,
      confirmations: s.confirmations,
      firstAt: s.firstAt.toISOString(),
      lastAt: s.lastAt.toISOString(),
    })),
    sightings,
  };
}

export async function listIndicators(
  db: Db,
  caller: Caller,
  query: { verdict?: Verdict[]; kind?: string; fraudType?: string; cursor?: string; limit: number },
): Promise<{ items: IndicatorView[]; nextCursor: string | null }> {
  let before: { updatedAt: Date; id: string } | undefined;
  if (query.cursor) {
    const [at, id] = Buffer.from(query.cursor, 'base64url').toString('utf8').split('|');
    const updatedAt = new Date(at ?? '');
    if (!id || !UUID.test(id) || Number.isNaN(updatedAt.getTime())) throw badRequest('The cursor is not valid.', [{ field: 'querystring:/cursor', message: 'Use the nextCursor of a previous page.' }]);
    before = { updatedAt, id };
  }
  const agency = isAgencyStaff(caller.actor);
  const verdicts = query.verdict?.length ? query.verdict : agency ? undefined : (['suspected', 'confirmed', 'disputed'] as Verdict[]);
  const rows = await listIndicatorRows(db, {
    verdicts: agency ? verdicts : verdicts?.filter((v) => v !== 'cleared'),
    kind: query.kind,
    fraudType: query.fraudType,
    before,
    limit: query.limit + 1,
  });
  const visible = rows.filter((r) => visibleTo(caller, r));
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: visible.slice(0, query.limit).map(indicatorView),
    nextCursor: rows.length > query.limit && last ? Buffer.from(`${last.updatedAt.toISOString()}|${last.id}`).toString('base64url') : null,
  };
}
