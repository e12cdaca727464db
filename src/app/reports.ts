import { createHash } from 'node:crypto';
import { canonicalize, extract, type Canonical } from '../domain/identifiers/index.ts';
import type { FraudType } from '../domain/fraud-types.ts';
import { REPORT_LIMITS, type PaymentMethod, type ReportLocale } from '../domain/reports/report-fields.ts';
import { NEXT_STEPS, type Words } from '../domain/reports/report-status.ts';
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
import type { Caller } from './caller.ts';
import { badRequest, unprocessable, type FieldError } from './errors.ts';
import { prepareEvidence, type PreparedEvidence, type UploadedFile } from './evidence-intake.ts';
import type { EvidenceStore } from './evidence-store.ts';
import type { IdentifierRef, IndicatorPolicy } from './indicators.ts';
import type { IntakeQueue } from './intake-queue.ts';
import { piiCipher } from './pii-crypto.ts';
import { channelOf } from './report-channel.ts';
import { narrativeHashOf, sourceKeyOf } from './report-source.ts';
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
  /** The address the report came from (only a keyed hash of its network is kept, see sourceKeyOf). */
  ip?: string | null;
  /** `Idempotency-Key` and who sent it (user, API key or IP address). */
  idempotency: { principal: string; key: string } | null;
}

export interface IntakeDeps {
  evidence: EvidenceStore;
  /** Where prepared reports are stored, in batches (one queue per server and database). */
  intake: IntakeQueue;
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

/**
 * Takes a report from any channel. Everything is checked first (identifiers per field,
 * evidence type and size), evidence files are written to the content-addressed store, then the
 * intake queue stores the report in one transaction (with the other reports that arrived
 * meanwhile, see IntakeQueue): the report, its identifiers (each noted on the national
 * database: the first report makes it suspected), its evidence rows, the Idempotency-Key, the
 * case hand-off and the audit records. The answer waits for the commit. A crash before commit
 * leaves nothing but unreferenced evidence files.
 */
export async function submitReport(db: Db, caller: Caller, submission: Submission, deps: IntakeDeps): Promise<{ receipt: ReportReceipt; replayed: boolean }> {
  const { input } = submission;
  const source = channelOf(caller);
  const requestHash = hashRequest(submission);
  // No look-up of the Idempotency-Key here: the batch insert skips a report whose key is taken
  // and the retry is answered below, so a first submission costs no extra query (and does not
  // wait behind the batch being written, which would keep reports from batching up).
  const idem = submission.idempotency;

  const given = canonicalizeGiven(input.identifiers ?? []);
  const occurredAt = parseOccurredAt(input.occurredAt);
  const prepared = await prepareEvidence(submission.files);
  const identifiers = mergeIdentifiers(given, extractFromNarrative(input.narrative), prepared);
  for (const file of prepared) await deps.evidence.put(file.bytes);

  const contact = cleanContact(input.contact);
  const contactEncrypted = contact ? piiCipher().encryptJson(contact) : null;

  const stored = await deps.intake.submit({
    caller,
    values: {
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
      sourceKey: sourceKeyOf(caller, contact, submission.ip ?? null),
      narrativeHash: narrativeHashOf(input.narrative),
      idempotencyPrincipal: idem?.principal ?? null,
      idempotencyKey: idem?.key ?? null,
      requestHash: idem ? requestHash : null,
    },
    identifiers: identifiers.map((r) => ({ ref: r.ref, rawInput: r.rawInput, extracted: r.extracted })),
    evidence: prepared,
    category: input.category,
    amountLostVnd: input.amountLostVnd ?? null,
    sourceType: source.sourceType,
    organizationId: source.organizationId,
  });
  if (stored.kind === 'stored') return { receipt: receiptOf(stored.report, stored.linked, prepared, deps), replayed: false };
  // Another request with the same Idempotency-Key was stored first (a concurrent retry).
  const earlier = idem ? await findReportByIdempotencyKey(db, idem.principal, idem.key) : undefined;
  if (!earlier) throw new Error('A report was skipped as a retry but the earlier report is not there');
  return { receipt: await replay(db, earlier, requestHash, deps), replayed: true };
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
