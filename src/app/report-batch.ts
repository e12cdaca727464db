import { randomUUID } from 'node:crypto';
import type { FraudType } from '../domain/fraud-types.ts';
import { scoreRisk } from '../domain/risk/index.ts';
import type { VerdictResolver } from '../domain/risk/types.ts';
import { indicatorSha256, rangePrefixOf } from '../domain/indicators/hashing.ts';
import type { SourceType } from '../domain/indicators/statement-of-reasons.ts';
import { REPORT_LIMITS } from '../domain/reports/report-fields.ts';
import { appendAuditRecordsInTransaction, type AuditEntry } from '../store/audit-log.ts';
import { holdWrites, type Db } from '../store/connection.ts';
import {
  addSourceContributions,
  insertIndicators,
  insertVerdictChanges,
  lockIndicatorsByValue,
  recordIndexChanges,
  rewriteIndicators,
  type IndicatorRow,
  type NewIndicator,
} from '../store/indicators.ts';
import { findActiveLegitimateMany } from '../store/legitimate.ts';
import { findTakenIdempotencyKeys, insertEvidenceFiles, insertReportEvidence, insertReportIndicators, insertReports, type NewReport, type ReportRow } from '../store/reports.ts';
import { addIndicatorLinks } from '../store/networks.ts';
import { findReputations } from '../store/reputation.ts';
import { reputationWeight } from '../domain/reports/coordination.ts';
import { openReview } from '../store/reviews.ts';
import { auditActor, type Caller } from './caller.ts';
import { flagCoordinatedCases, handOverToCases } from './case-intake.ts';
import { reportStatusForCase } from './case-report-status.ts';
import type { PreparedEvidence } from './evidence-intake.ts';
import { DEFAULT_TLP, datesFor, FIRST_REPORT_CONFIDENCE, firstReportReasons, reportedValues, type IdentifierRef, type IndicatorPolicy } from './indicators.ts';
import { reportStatusChanged } from './report-status.ts';
import { enqueueVerdictsChanged } from './webhook-events.ts';
import { linkIntoNetworks } from './network-linking.ts';

/** A report checked and ready to store: everything but the database work is done. */
export interface PreparedReport {
  caller: Caller;
  /** The report row; `trackingCode` is unique per report and names it within a batch. */
  values: NewReport;
  /** One per indicator, sorted by the canonical string. */
  identifiers: readonly { ref: IdentifierRef; rawInput: string; extracted: boolean }[];
  evidence: readonly PreparedEvidence[];
  category: FraudType;
  amountLostVnd: number | null;
  sourceType: SourceType;
  organizationId: string | null;
}

export interface LinkedIdentifier {
  indicatorId: string;
  indicator: string;
  kind: string;
  display: string;
  rawInput: string;
  extracted: boolean;
}

/** `duplicate`: the report's Idempotency-Key was already taken (the caller answers it as a retry). */
export type StoredReport = { kind: 'stored'; report: ReportRow; linked: LinkedIdentifier[]; caseId: string; caseCreated: boolean } | { kind: 'duplicate' };

/** An automated listing as the report's audit record holds it: the indicator, its verdict before and after, and the statement of reasons. */
interface ListingRecord {
  indicatorId: string;
  indicator: string;
  before: { verdict: string; confidence: number } | null;
  after: { verdict: 'suspected'; confidence: number; reasons: ReturnType<typeof firstReportReasons> };
}

/** What happens to one listable indicator in the batch. */
interface IndicatorPlan {
  ref: IdentifierRef;
  existing: IndicatorRow | null;
  /** New, or reported again after it was cleared: the batch lists it as suspected. */
  listing: boolean;
  reports: number;
  /** What the reports weigh for the confidence (see reportedValues). */
  credit: number;
  fraudTypes: FraudType[];
  /** The first report naming it: its source and caller make the listing's statement of reasons. */
  first: PreparedReport;
}

/**
 * Stores a batch of reports in the caller's transaction with a fixed number of statements,
 * whatever the batch size (group commit: the intake queue collects the reports that arrive
 * while the previous batch commits). Same outcome as storing them one by one in order: each
 * report's identifiers are noted on the national database (a first report lists an identifier
 * as suspected, with its statement of reasons; an identifier in the verified-legitimate
 * registry is not listed and opens a review), the report joins the oldest open case sharing an
 * identifier with it, or opens one, and every step has its audit record, in report order.
 */
export async function storeReportBatch(tx: Db, items: readonly PreparedReport[], policy: IndicatorPolicy): Promise<StoredReport[]> {
  const now = new Date();
  // A report whose Idempotency-Key is taken is a retry: skipped here, answered by the caller. The
  // reports are written further down, once their case is known (one insert, no update after); a
  // retry stored meanwhile by a concurrent batch makes that insert fail on the unique index
  // (23505), and the intake queue runs the batch again, which then skips it.
  const taken = await findTakenIdempotencyKeys(tx, items.map((i) => i.values));
  const live = items.flatMap((item) => (taken.has(idempotencyKeyOf(item.values) ?? '') ? [] : [{ item, report: reportRowOf(item.values, now) }]));

  // -- The national database: one plan per distinct indicator, then set-based writes.
  const distinct = [...new Set(live.flatMap((l) => l.item.identifiers.map((r) => r.ref.indicator)))].sort();
  const legitimate = await findActiveLegitimateMany(tx, distinct);
  for (const { item } of live) {
    for (const { ref } of item.identifiers) {
      const owner = legitimate.get(ref.indicator);
      if (owner) await openReview(tx, { indicator: ref.indicator, indicatorId: null, reason: 'legitimate_conflict', detail: { owner: owner.ownerName, fraudType: item.category } });
    }
  }
  const existing = new Map((await lockIndicatorsByValue(tx, distinct.filter((v) => !legitimate.has(v)))).map((r) => [r.indicator, r]));
  // Risk scores, with the verdicts as they stood before this batch (src/domain/risk).
  const resolve: VerdictResolver = (indicator) => {
    const owner = legitimate.get(indicator);
    if (owner) return { verdict: 'verified_legitimate', owner: owner.ownerName };
    const row = existing.get(indicator);
    return row ? { verdict: row.verdict, reportCount: row.reportCount } : undefined;
  };
  const riskOf = new Map(live.map(({ item }) => [item, scoreRisk({ text: item.values.narrative, identifiers: item.identifiers.map((r) => r.ref.indicator) }, { resolve }).score]));

  // Reports weigh by their source's track record (reputation) in the confidence they add.
  const reputation = await findReputations(tx, live.flatMap(({ item }) => (item.values.sourceKey ? [item.values.sourceKey] : [])));
  const creditOf = (item: PreparedReport) => 2 * reputationWeight(item.values.sourceKey ? (reputation.get(item.values.sourceKey) ?? null) : null);

  const plans = new Map<string, IndicatorPlan>();
  for (const { item } of live) {
    for (const { ref } of item.identifiers) {
      if (legitimate.has(ref.indicator)) continue;
      const plan = plans.get(ref.indicator);
      if (plan) {
        plan.reports++;
        plan.credit += creditOf(item);
        plan.fraudTypes.push(item.category);
        continue;
      }
      const row = existing.get(ref.indicator) ?? null;
      plans.set(ref.indicator, { ref, existing: row, listing: !row || row.verdict === 'cleared', reports: 1, credit: creditOf(item), fraudTypes: [item.category], first: item });
    }
  }
  const newRows: IndicatorRow[] = [];
  const changedRows: IndicatorRow[] = [];
  for (const plan of plans.values()) {
    const listed = plan.listing ? listedAsSuspected(plan, policy, now) : plan.existing!;
    const values = { ...listed, ...reportedValues(listed, plan.reports, plan.fraudTypes, policy, now, plan.credit) };
    if (plan.existing) changedRows.push({ ...plan.existing, ...values });
    else newRows.push(values as IndicatorRow);
  }
  const rows = new Map<string, IndicatorRow>();
  const listedBy = new Map<PreparedReport, ListingRecord[]>();
  const linkedOf = new Map<PreparedReport, LinkedIdentifier[]>();
  let hand!: Awaited<ReturnType<typeof handOverToCases>>;
  // The write-only inserts from here on are held and sent several tables at a time, each group as
  // one statement (holdWrites): the batch takes ~16 statements in all instead of ~25.
  await holdWrites(tx, async () => {
    // -- Networks: the indicators each report names together are linked.
    const planned = [...newRows, ...changedRows];
    const idOf = new Map(planned.map((r) => [r.indicator, r.id]));
    const networks = await linkIntoNetworks(
      tx,
      planned.map((r) => ({ id: r.id, networkId: r.networkId ?? null, confirmed: r.verdict === 'confirmed' })),
      live.map(({ item }) => item.identifiers.flatMap((r) => idOf.get(r.ref.indicator) ?? [])),
    );
    for (const r of planned) r.networkId = networks.networkOf.get(r.id) ?? null;

    // In the canonical order, like the row locks: two batches inserting the same new identifiers wait, never deadlock.
    newRows.sort((a, b) => (a.indicator < b.indicator ? -1 : 1));
    await insertIndicators(tx, newRows);
    for (const r of newRows) rows.set(r.indicator, r);
    for (const r of await rewriteIndicators(tx, changedRows)) rows.set(r.indicator, r);
    await addIndicatorLinks(tx, networks.links);

    const listings = [...plans.values()].filter((p) => p.listing);
    await insertVerdictChanges(
      tx,
      listings.map((p) => {
        const reasons = firstReportReasons({ fraudType: p.first.category, sourceType: p.first.sourceType }, p.existing !== null);
        const row = rows.get(p.ref.indicator)!;
        const listed = listedBy.get(p.first) ?? [];
        listed.push({
          indicatorId: row.id,
          indicator: row.indicator,
          before: p.existing ? { verdict: p.existing.verdict, confidence: p.existing.confidence } : null,
          after: { verdict: 'suspected', confidence: FIRST_REPORT_CONFIDENCE, reasons },
        });
        listedBy.set(p.first, listed);
        return {
          indicatorId: row.id,
          fromVerdict: p.existing?.verdict ?? null,
          toVerdict: 'suspected' as const,
          confidence: FIRST_REPORT_CONFIDENCE,
          ground: reasons.ground,
          legalBasis: reasons.legalBasis,
          evidence: reasons.evidence,
          decidedBy: reasons.decidedBy,
          automated: true,
          sourceType: reasons.sourceType,
          endsAt: reasons.endsAt,
          explanation: reasons.explanation,
        };
      }),
    );
    await recordIndexChanges(tx, [...plans.keys()]);

    for (const { item } of live) {
      linkedOf.set(
        item,
        item.identifiers.flatMap((r) => {
          const row = rows.get(r.ref.indicator);
          return row ? [{ indicatorId: row.id, ...r.ref, rawInput: r.rawInput, extracted: r.extracted }] : [];
        }),
      );
    }
    await addSourceContributions(
      tx,
      live.flatMap(({ item }) => linkedOf.get(item)!.map((l) => ({ indicatorId: l.indicatorId, organizationId: item.organizationId, sourceType: item.sourceType, reports: 1 }))),
    );

    await enqueueVerdictsChanged(tx, listings.map((p) => ({ row: rows.get(p.ref.indicator)!, fromVerdict: p.existing?.verdict ?? null })));

    // -- Cases, then the reports with their case, identifiers and evidence.
    hand = await handOverToCases(
      tx,
      // A report naming a confirmed indicator, or one linked to a confirmed indicator, goes to the top of the queue.
      live.map(({ item, report }, n) => ({ item, report, linked: linkedOf.get(item)!, urgent: networks.urgent[n]!, riskScore: riskOf.get(item)! })),
      now,
    );
    for (const { item, report } of live) {
      report.caseId = hand.caseOf.get(item)!;
      report.riskScore = riskOf.get(item)!;
    }
    await insertReports(tx, live.map(({ report }) => report));
    await insertReportIndicators(
      tx,
      live.flatMap(({ item, report }) =>
        linkedOf.get(item)!.map((l) => ({ reportId: report.id, indicatorId: l.indicatorId, rawInput: l.rawInput.slice(0, REPORT_LIMITS.identifierMax), extracted: l.extracted })),
      ),
    );
    const files = live.flatMap(({ item }) => item.evidence);
    await insertEvidenceFiles(tx, [...new Map(files.map((f) => [f.sha256, { sha256: f.sha256, mediaType: f.mediaType, size: f.size }])).values()]);
    await insertReportEvidence(
      tx,
      live.flatMap(({ item, report }) => item.evidence.map((f, position) => ({ reportId: report.id, sha256: f.sha256, position, originalName: f.originalName }))),
    );
  });

  // -- The audit trail, in report order: each report (with the listings it made), then its case.
  const audit: AuditEntry[] = [];
  for (const { item, report } of live) {
    const linked = linkedOf.get(item)!;
    audit.push({
      ...auditActor(item.caller),
      action: 'report.submitted',
      subjectType: 'report',
      subjectId: report.id,
      // No narrative, no contact details: the audit trail is read more widely than reports.
      after: {
        status: report.status,
        trackingCode: report.trackingCode,
        channel: report.channel,
        category: report.category,
        indicators: linked.map((l) => l.indicator),
        evidence: item.evidence.map((f) => f.sha256),
        // The identifiers this report listed as suspected, each with what an
        // `indicator.verdict_changed` record would hold: one record for the report's step, not one
        // per identifier (docs/decisions/0011-automated-listings-in-the-report-record.md).
        listed: listedBy.get(item) ?? [],
      },
    });
    audit.push(hand.audit.get(item)!);
  }
  audit.push(...(await flagCoordinatedCases(tx, [...new Set(hand.caseOf.values())], now)));
  await appendAuditRecordsInTransaction(tx, audit);
  // A report joining a case already under review or verified tells its reporter so at once
  // (after its own records: the tracking page lists its steps in audit order).
  for (const { item, report } of live) {
    const joined = hand.joinedStatus.get(item);
    const status = joined ? reportStatusForCase(joined) : null;
    if (status) await reportStatusChanged(tx, { reportId: report.id }, status);
  }

  const reportOf = new Map(live.map(({ item, report }) => [item, report]));
  return items.map((item) => {
    const report = reportOf.get(item);
    return report
      ? { kind: 'stored', report, linked: linkedOf.get(item)!, caseId: hand.caseOf.get(item)!, caseCreated: hand.opened.has(item) }
      : { kind: 'duplicate' };
  });
}

function idempotencyKeyOf(values: NewReport): string | null {
  return values.idempotencyKey ? `${values.idempotencyPrincipal}\n${values.idempotencyKey}` : null;
}

/** The stored row of a report the batch writes: every column given, so nothing is read back. */
function reportRowOf(values: NewReport, now: Date): ReportRow {
  return {
    id: randomUUID(),
    trackingCode: values.trackingCode,
    channel: values.channel,
    category: values.category,
    narrative: values.narrative,
    occurredAt: values.occurredAt ?? null,
    amountLostVnd: values.amountLostVnd ?? null,
    paymentMethod: values.paymentMethod ?? null,
    status: 'received',
    outcome: null,
    locale: values.locale ?? 'vi',
    organizationId: values.organizationId ?? null,
    submittedByUserId: values.submittedByUserId ?? null,
    submittedByApiKeyId: values.submittedByApiKeyId ?? null,
    reporterContactEncrypted: values.reporterContactEncrypted ?? null,
    consentToContact: values.consentToContact ?? false,
    idempotencyPrincipal: values.idempotencyPrincipal ?? null,
    idempotencyKey: values.idempotencyKey ?? null,
    requestHash: values.requestHash ?? null,
    caseId: null,
    riskScore: null,
    sourceKey: values.sourceKey ?? null,
    narrativeHash: values.narrativeHash ?? null,
    createdAt: now,
    updatedAt: now,
  };
}

/** The indicator as the listing leaves it, before the report counts are added. */
function listedAsSuspected(plan: IndicatorPlan, policy: IndicatorPolicy, now: Date): NewIndicator & IndicatorRow {
  const sha = indicatorSha256(plan.ref.indicator);
  const base = plan.existing;
  const fraudTypes = [...new Set([...(base?.fraudTypes ?? []), plan.first.category])];
  return {
    id: base?.id ?? randomUUID(),
    indicator: plan.ref.indicator,
    kind: plan.ref.kind,
    display: plan.ref.display,
    sha256: base?.sha256 ?? sha,
    rangePrefix: base?.rangePrefix ?? rangePrefixOf(sha),
    verdict: 'suspected',
    confidence: FIRST_REPORT_CONFIDENCE,
    tlp: base ? base.tlp : DEFAULT_TLP.suspected,
    reportCount: base?.reportCount ?? 0,
    platformConfirmations: base?.platformConfirmations ?? 0,
    fraudTypes,
    firstSeenAt: base?.firstSeenAt ?? now,
    lastSeenAt: now,
    networkId: base?.networkId ?? null,
    updatedAt: now,
    ...datesFor('suspected', policy, now),
  };
}
