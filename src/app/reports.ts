import { createHash } from 'node:crypto';
import { canonicalize, extract, type Canonical } from '../domain/identifiers/index.ts';
import type { FraudType } from '../domain/fraud-types.ts';
import { REPORT_LIMITS, type PaymentMethod, type ReportLocale } from '../domain/reports/report-fields.ts';
import { NEXT_STEPS, type Words } from '../domain/reports/report-status.ts';
import { appendAudit } from '../store/audit-log.ts';
import type { Db } from '../store/connection.ts';
import {
  findReportByIdempotencyKey,
  insertEvidenceFiles,
  insertReport,
  insertReportEvidence,
  insertReportIndicators,
  listReportEvidence,
  listReportIndicators,
  type ReportRow,
} from '../store/reports.ts';
import type { ReportStatus } from '../store/schema.ts';
import { auditActor, type Caller } from './caller.ts';
import { attachReportToCase } from './case-intake.ts';
import { badRequest, unprocessable, type FieldError } from './errors.ts';
import { prepareEvidence, type PreparedEvidence, type UploadedFile } from './evidence-intake.ts';
import type { EvidenceStore } from './evidence-store.ts';
import { noteReportedIdentifier, type IdentifierRef, type IndicatorPolicy } from './indicators.ts';
import { piiCipher } from './pii-crypto.ts';
import { channelOf } from './report-channel.ts';
import { newTrackingCode } from './tracking-codes.ts';

export interface ReportContact {
  name?: string;
  email?: string;
  phone?: string;
}

export interface ReportInput {
  category: FraudType;
  narrative: string;
  occurredAt?: string | null;
  amountLostVnd?: number | null;
  paymentMethod?: PaymentMethod | null;
  /** Raw identifiers as the reporter wrote them; canonicalized here. */
  identifiers?: string[];
  locale?: ReportLocale;
  contact?: ReportContact | null;
  consentToContact?: boolean;
}

export interface Submission {
  input: ReportInput;
  files: readonly UploadedFile[];
  /** `Idempotency-Key` and who sent it (user, API key or IP address). */
  idempotency: { principal: string; key: string } | null;
}

export interface IntakeDeps {
  evidence: EvidenceStore;
  policy: IndicatorPolicy;
  publicUrl: string;
}

/**
 * The 201 answer; rebuilt from the stored report for a retry, so both are the same. `status` is
 * always `received` (the acceptance); the tracking page shows where the report is now.
 */
export interface ReportReceipt {
  id: string;
  trackingCode: string;
  trackingUrl: string;
  status: ReportStatus;
  receivedAt: string;
  identifiers: { indicator: string; kind: string; display: string; extracted: boolean }[];
  evidence: { sha256: string; mediaType: string; size: number }[];
  nextSteps: Words;
}

interface ReportedRef {
  ref: IdentifierRef;
  rawInput: string;
  extracted: boolean;
}

const MAX_ATTEMPTS = 4;

/**
 * Takes a report from any channel. Everything is checked first (identifiers per field,
 * evidence type and size), evidence files are written to the content-addressed store, then one
 * transaction stores the report, its identifiers (each noted on the national database: the
 * first report makes it suspected), its evidence rows, the Idempotency-Key, the case hand-off
 * and the audit record. A crash before commit leaves nothing but unreferenced evidence files.
 */
export async function submitReport(db: Db, caller: Caller, submission: Submission, deps: IntakeDeps): Promise<{ receipt: ReportReceipt; replayed: boolean }> {
  const { input } = submission;
  const source = channelOf(caller);
  const requestHash = hashRequest(submission);
  const idem = submission.idempotency;
  if (idem) {
    const earlier = await findReportByIdempotencyKey(db, idem.principal, idem.key);
    if (earlier) return { receipt: await replay(db, earlier, requestHash, deps), replayed: true };
  }

  const given = canonicalizeGiven(input.identifiers ?? []);
  const occurredAt = parseOccurredAt(input.occurredAt);
  const prepared = await prepareEvidence(submission.files);
  const identifiers = mergeIdentifiers(given, extractFromNarrative(input.narrative), prepared);
  for (const file of prepared) await deps.evidence.put(file.bytes);

  const contact = cleanContact(input.contact);
  const contactEncrypted = contact ? piiCipher().encryptJson(contact) : null;

  for (let attempt = 1; ; attempt++) {
    try {
      const receipt = await db.transaction(async (tx) => {
        // The report row first: a concurrent retry with the same key waits here on the unique
        // index and then fails, instead of doing all the work twice.
        const report = await insertReport(tx, {
          trackingCode: newTrackingCode(),
          channel: source.channel,
          category: input.category,
          narrative: input.narrative,
          occurredAt,
          amountLostVnd: input.amountLostVnd ?? null,
          paymentMethod: input.paymentMethod ?? null,
          locale: input.locale ?? 'vi',
          organizationId: source.organizationId,
          submittedByUserId: caller.actor.type === 'user' ? caller.actor.userId : null,
          submittedByApiKeyId: caller.actor.type === 'api_key' ? caller.actor.apiKeyId : null,
          reporterContactEncrypted: contactEncrypted,
          consentToContact: Boolean(contact && input.consentToContact),
          idempotencyPrincipal: idem?.principal ?? null,
          idempotencyKey: idem?.key ?? null,
          requestHash: idem ? requestHash : null,
        });
        const linked: { indicatorId: string; indicator: string; kind: string; display: string; rawInput: string; extracted: boolean }[] = [];
        for (const r of identifiers) {
          const noted = await noteReportedIdentifier(
            tx,
            caller,
            { canonical: r.ref, fraudType: input.category, sourceType: source.sourceType, organizationId: source.organizationId },
            deps.policy,
          );
          if (noted.indicator) linked.push({ indicatorId: noted.indicator.id, ...r.ref, rawInput: r.rawInput, extracted: r.extracted });
        }
        await insertReportIndicators(
          tx,
          linked.map((l) => ({ reportId: report.id, indicatorId: l.indicatorId, rawInput: l.rawInput.slice(0, REPORT_LIMITS.identifierMax), extracted: l.extracted })),
        );
        await insertEvidenceFiles(tx, uniqueFiles(prepared).map((f) => ({ sha256: f.sha256, mediaType: f.mediaType, size: f.size })));
        await insertReportEvidence(
          tx,
          prepared.map((f, position) => ({ reportId: report.id, sha256: f.sha256, position, originalName: f.originalName })),
        );
        await appendAudit(tx, {
          ...auditActor(caller),
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
            evidence: prepared.map((f) => f.sha256),
          },
        });
        // After the report's own record: joining a case already under review moves the report
        // on at once, and the tracking page lists its steps in audit order.
        await attachReportToCase(tx, caller, {
          reportId: report.id,
          indicatorIds: linked.map((l) => l.indicatorId),
          category: input.category,
          amountLostVnd: input.amountLostVnd ?? null,
        });
        return receiptOf(report, linked, prepared, deps);
      });
      return { receipt, replayed: false };
    } catch (error) {
      const pgCode = postgresCode(error);
      if (idem && pgCode === '23505' && constraintOf(error) === 'reports_idempotency_key') {
        const earlier = await findReportByIdempotencyKey(db, idem.principal, idem.key);
        if (earlier) return { receipt: await replay(db, earlier, requestHash, deps), replayed: true };
      }
      // Two reports naming the same new identifier at once: one inserts it, the other hits the
      // unique index (or a deadlock on PostgreSQL); run again and it finds the row.
      if (attempt < MAX_ATTEMPTS && (pgCode === '23505' || pgCode === '40P01' || pgCode === '40001')) continue;
      throw error;
    }
  }
}

function receiptOf(
  report: ReportRow,
  identifiers: readonly { indicator: string; kind: string; display: string; extracted: boolean }[],
  evidence: readonly { sha256: string; mediaType: string; size: number }[],
  deps: IntakeDeps,
): ReportReceipt {
  return {
    id: report.id,
    trackingCode: report.trackingCode,
    trackingUrl: `${deps.publicUrl}/track/${report.trackingCode}`,
    status: 'received',
    receivedAt: report.createdAt.toISOString(),
    identifiers: [...identifiers]
      .sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0))
      .map((i) => ({ indicator: i.indicator, kind: i.kind, display: i.display, extracted: i.extracted })),
    evidence: evidence.map((e) => ({ sha256: e.sha256, mediaType: e.mediaType, size: e.size })),
    nextSteps: NEXT_STEPS,
  };
}

async function replay(db: Db, report: ReportRow, requestHash: string, deps: IntakeDeps): Promise<ReportReceipt> {
  if (report.requestHash !== requestHash) {
    throw unprocessable('This Idempotency-Key was already used for a different report.', [
      { field: 'header:/idempotency-key', message: 'Use a new key for a new report.' },
    ]);
  }
  const [identifiers, evidence] = await Promise.all([listReportIndicators(db, report.id), listReportEvidence(db, report.id)]);
  return receiptOf(report, identifiers, evidence, deps);
}

function hashRequest(submission: Submission): string {
  const hash = createHash('sha256').update(JSON.stringify(submission.input));
  for (const f of submission.files) hash.update('\n').update(createHash('sha256').update(f.bytes).digest('hex'));
  return hash.digest('hex');
}

/** Every bad identifier is named with its index and the canonicalizer's reason; none is stored. */
function canonicalizeGiven(raw: readonly string[]): ReportedRef[] {
  const errors: FieldError[] = [];
  const refs: ReportedRef[] = [];
  raw.forEach((value, n) => {
    const result = canonicalize(value);
    if (result.ok) refs.push({ ref: refOf(result.value), rawInput: value, extracted: false });
    else errors.push({ field: `/identifiers/${n}`, message: result.error.message, code: result.error.code });
  });
  if (errors.length) {
    throw badRequest(`${errors.length === 1 ? 'One identifier is' : `${errors.length} identifiers are`} not valid: nothing was stored.`, errors);
  }
  return refs;
}

function extractFromNarrative(narrative: string): ReportedRef[] {
  const refs: ReportedRef[] = [];
  for (const found of extract(narrative).slice(0, REPORT_LIMITS.extractedMax)) {
    const result = canonicalize(found.indicator);
    if (result.ok) refs.push({ ref: refOf(result.value), rawInput: found.text, extracted: true });
  }
  return refs;
}

function refOf(c: Canonical): IdentifierRef {
  return { indicator: c.indicator, kind: c.kind, display: c.display };
}

/**
 * One entry per indicator (what the reporter gave wins over what was extracted), sorted by the
 * canonical string: every report locks indicator rows in the same order, so two reports naming
 * the same identifiers never deadlock.
 */
function mergeIdentifiers(given: ReportedRef[], narrative: ReportedRef[], evidence: readonly PreparedEvidence[]): ReportedRef[] {
  const byIndicator = new Map<string, ReportedRef>();
  const fromQr = evidence.flatMap((f) => (f.qr ? [{ ref: refOf(f.qr.canonical), rawInput: f.qr.payload, extracted: true }] : []));
  for (const r of [...given, ...narrative, ...fromQr]) if (!byIndicator.has(r.ref.indicator)) byIndicator.set(r.ref.indicator, r);
  return [...byIndicator.values()].sort((a, b) => (a.ref.indicator < b.ref.indicator ? -1 : a.ref.indicator > b.ref.indicator ? 1 : 0));
}

function uniqueFiles(files: readonly PreparedEvidence[]): PreparedEvidence[] {
  return [...new Map(files.map((f) => [f.sha256, f])).values()];
}

function parseOccurredAt(value: string | null | undefined): Date | null {
  if (!value) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw badRequest('occurredAt is not a date.', [{ field: '/occurredAt', message: 'Use an ISO 8601 date and time.' }]);
  // A few minutes of clock skew are normal; a date in the future is a mistake.
  if (at.getTime() > Date.now() + 10 * 60_000) throw badRequest('occurredAt is in the future.', [{ field: '/occurredAt', message: 'The date is in the future.' }]);
  return at;
}

function cleanContact(contact: ReportContact | null | undefined): ReportContact | null {
  if (!contact) return null;
  const cleaned: ReportContact = {};
  if (contact.name?.trim()) cleaned.name = contact.name.trim();
  if (contact.email?.trim()) cleaned.email = contact.email.trim();
  if (contact.phone?.trim()) cleaned.phone = contact.phone.trim();
  return Object.keys(cleaned).length ? cleaned : null;
}

function postgresCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

function constraintOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const c = (e as { constraint?: unknown }).constraint;
    if (typeof c === 'string') return c;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && message.includes('reports_idempotency_key')) return 'reports_idempotency_key';
  }
  return undefined;
}

