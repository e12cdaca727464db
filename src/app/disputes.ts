import { randomInt } from 'node:crypto';
import { DISPUTE_CODE_SYMBOLS, disputeCodeFromSymbols, normalizeDisputeCode } from '../domain/disputes/tracking-code.ts';
import { isFraudType, type FraudType } from '../domain/fraud-types.ts';
import type { IdentifierKind } from '../domain/identifiers/index.ts';
import type { TemplateLocale, TemplatePurpose, TemplateValues } from '../domain/templates/purposes.ts';
import type { ReasonsInput } from '../domain/indicators/statement-of-reasons.ts';
import { validateReasons } from '../domain/indicators/statement-of-reasons.ts';
import { appendAudit } from '../store/audit-log.ts';
import { findCasesHoldingIndicator } from '../store/cases.ts';
import type { Db } from '../store/connection.ts';
import { transactionRetryingDeadlocks } from '../store/deadlock-retry.ts';
import { decideDispute, disputeAuditTrail, findDisputeByTrackingCode, findDisputeRow, insertDispute, listDisputeRows, lockDispute, lockOpenDisputesOf, type DisputeRow, type DisputeStatus } from '../store/disputes.ts';
import { findIndicator, lockIndicator, type IndicatorRow } from '../store/indicators.ts';
import { enqueue } from '../store/outbox.ts';
import { auditActor, type Caller } from './caller.ts';
import { recordCaseEvent } from './case-transition.ts';
import { badRequest, conflict, notFound } from './errors.ts';
import { canonicalOrThrow, changeVerdict, decidedByOf, getIndicatorDetail, type IndicatorPolicy } from './indicators.ts';
import { renderNotice } from './message-templates.ts';
import { piiCipher } from './pii-crypto.ts';

/**
 * Someone wrongly listed disputes an indicator: the listing becomes `disputed` at once (an
 * automated decision, flagged as such), every case holding it records the dispute, and a
 * supervisor later upholds or clears it with a statement of reasons. The disputer's contact
 * details are encrypted at rest and used only to tell them the outcome.
 */

export interface DisputeContact {
  name?: string;
  email?: string;
  phone?: string;
  locale: 'vi' | 'en';
}

export interface OpenDisputeInput {
  identifier: string;
  kind?: IdentifierKind;
  explanation: string;
  contact: { name?: string; email?: string; phone?: string };
  locale?: 'vi' | 'en';
}

const DISPUTABLE = new Set(['suspected', 'confirmed', 'disputed']);

/** The automated decider of the verdict change a dispute causes, in the dispute's request. */
function disputeRule(caller: Caller, rule: string): Caller {
  return { actor: { type: 'system', label: rule }, requestId: caller.requestId };
}

function groundOf(row: IndicatorRow): FraudType {
  return (row.fraudTypes.find(isFraudType) as FraudType | undefined) ?? 'other';
}

export async function openDispute(db: Db, caller: Caller, input: OpenDisputeInput, policy: IndicatorPolicy) {
  const canonical = canonicalOrThrow(input.identifier, input.kind, '/identifier');
  const explanation = input.explanation.trim();
  if (explanation.length < 10) throw badRequest('Explain in a few words why the listing is wrong.', [{ field: '/explanation', message: 'At least 10 characters.' }]);
  const email = input.contact.email?.trim() || undefined;
  const phone = input.contact.phone?.trim() || undefined;
  if (!email && !phone) throw badRequest('Leave an e-mail address or a phone number, so the outcome can reach you.', [{ field: '/contact', message: 'An e-mail address or a phone number.' }]);
  const contact: DisputeContact = { ...(input.contact.name?.trim() ? { name: input.contact.name.trim() } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}), locale: input.locale ?? 'vi' };

  return transactionRetryingDeadlocks(db, async (tx) => {
    const found = await findIndicator(tx, canonical.indicator);
    // Red (restricted) listings answer like unlisted ones: a public form must not reveal them.
    if (!found || !DISPUTABLE.has(found.verdict) || found.tlp === 'red') throw notFound(`A listing of ${canonical.display}`);
    const indicator = (await lockIndicator(tx, found.id))!;
    const trackingCode = disputeCodeFromSymbols(Array.from({ length: DISPUTE_CODE_SYMBOLS }, () => randomInt(32)));
    const dispute = await insertDispute(tx, { trackingCode, indicatorId: indicator.id, explanation, contactEncrypted: piiCipher().encryptJson(contact) });
    if (indicator.verdict !== 'disputed') {
      await changeVerdict(
        tx,
        disputeRule(caller, 'dispute_received'),
        indicator.id,
        {
          verdict: 'disputed',
          reasons: {
            ground: groundOf(indicator),
            legalBasis: 'Dispute procedure of the national anti-fraud exchange: a disputed listing is marked as such until a supervisor decides',
            evidence: ['owner_statement'],
            sourceType: 'automated',
            explanation: `Dispute ${trackingCode} received; the listing is under review.`,
          },
        },
        policy,
      );
    }
    for (const c of await findCasesHoldingIndicator(tx, indicator.id)) {
      await recordCaseEvent(tx, caller, c.id, 'disputed', { phase: 'opened', disputeId: dispute.id, indicatorId: indicator.id, indicator: indicator.indicator });
    }
    const notice = await disputerNotice(tx, 'dispute.received', contact, { trackingCode, indicator: indicator.display });
    await appendAudit(tx, {
      ...auditActor(caller),
      action: 'dispute.opened',
      subjectType: 'dispute',
      subjectId: dispute.id,
      before: { verdict: indicator.verdict },
      after: { trackingCode, indicatorId: indicator.id, indicator: indicator.indicator, notice },
    });
    return { trackingCode, status: 'open' as const, indicator: indicator.display, createdAt: dispute.createdAt.toISOString() };
  });
}

/** What anyone holding the code sees: the state of the dispute, never personal data. */
export async function disputeStatus(db: Db, code: string) {
  const normalized = normalizeDisputeCode(code);
  const found = normalized ? await findDisputeByTrackingCode(db, normalized) : undefined;
  if (!found) throw notFound('The dispute');
  const d = found.dispute;
  return {
    trackingCode: d.trackingCode,
    status: d.status,
    indicator: found.indicatorDisplay,
    createdAt: d.createdAt.toISOString(),
    decidedAt: d.decidedAt?.toISOString() ?? null,
    decisionReason: d.decisionReason,
  };
}

function agencyView(d: DisputeRow, extra: { indicator: string; indicatorDisplay: string; verdict: string; kind: string }) {
  return {
    id: d.id,
    trackingCode: d.trackingCode,
    status: d.status,
    indicatorId: d.indicatorId,
    indicator: extra.indicator,
    indicatorDisplay: extra.indicatorDisplay,
    kind: extra.kind,
    verdict: extra.verdict,
    explanation: d.explanation,
    contact: piiCipher().decryptJson<DisputeContact>(d.contactEncrypted),
    decisionReason: d.decisionReason,
    decidedBy: d.decidedBy,
    decidedAt: d.decidedAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}

/** The agency's queue (open first, then oldest first), with the disputers' contact details (agency eyes only). */
export async function listDisputes(db: Db, status: DisputeStatus | 'all', limit: number, kind?: string) {
  const rows = await listDisputeRows(db, { ...(status === 'all' ? {} : { status }), ...(kind ? { kind } : {}) }, limit);
  return { items: rows.map((r) => agencyView(r.dispute, r)) };
}

/**
 * One dispute for the agency: the disputer's explanation and contact, the indicator with its
 * verdict history (statements of reasons), and the notices recorded for the disputer.
 */
export async function getDispute(db: Db, caller: Caller, id: string) {
  const row = await findDisputeRow(db, id);
  if (!row) throw notFound('The dispute');
  const [indicator, trail] = await Promise.all([getIndicatorDetail(db, caller, row.dispute.indicatorId), disputeAuditTrail(db, id)]);
  const notices = trail.flatMap((a) => {
    const notice = (a.after as { notice?: RecordedNotice } | null)?.notice;
    return notice ? [{ ...notice, at: a.at.toISOString(), action: a.action }] : [];
  });
  return { ...agencyView(row.dispute, row), history: indicator.history, notices };
}

export interface DisputeDecisionInput {
  outcome: 'upheld' | 'cleared';
  /** In plain words, sent to the disputer and shown with the tracking code. */
  reason: string;
  /** The statement of reasons of the verdict change (the supervisor is the decider). */
  reasons: ReasonsInput;
}

/**
 * A supervisor decides: upheld puts the listing back to confirmed, cleared clears it, each with
 * the statement of reasons given. Every open dispute of the indicator is settled by the one
 * decision, and each disputer is told by e-mail (through the outbox).
 */
export async function decideDisputeCase(db: Db, caller: Caller, disputeId: string, input: DisputeDecisionInput, policy: IndicatorPolicy) {
  const reason = input.reason.trim();
  if (reason.length < 3) throw badRequest('Give the reason for the decision.', [{ field: '/reason', message: 'At least a few words.' }]);
  const checked = validateReasons(input.reasons, decidedByOf(caller));
  if (!checked.ok) throw badRequest('The statement of reasons is incomplete.', checked.errors);
  const decidedBy = caller.actor.type === 'user' ? caller.actor.userId : null;
  return transactionRetryingDeadlocks(db, async (tx) => {
    const dispute = await lockDispute(tx, disputeId);
    if (!dispute) throw notFound('The dispute');
    if (dispute.status !== 'open') throw conflict(`The dispute was already decided (${dispute.status}).`, [{ field: '/outcome', message: `Already ${dispute.status}.` }]);
    const indicator = (await lockIndicator(tx, dispute.indicatorId))!;
    const verdict = input.outcome === 'upheld' ? 'confirmed' : 'cleared';
    // Someone may have changed the verdict since (through the indicator route); the decision stands on its own.
    if (indicator.verdict === 'disputed') await changeVerdict(tx, caller, indicator.id, { verdict, reasons: input.reasons }, policy);
    const now = new Date();
    const settled = await lockOpenDisputesOf(tx, indicator.id);
    for (const d of settled) {
      await decideDispute(tx, d.id, { status: input.outcome, decisionReason: reason, decidedBy, decidedAt: now });
      const contact = piiCipher().decryptJson<DisputeContact>(d.contactEncrypted);
      const notice = await disputerNotice(tx, `dispute.${input.outcome}`, contact, { trackingCode: d.trackingCode, indicator: indicator.display, reason });
      await appendAudit(tx, {
        ...auditActor(caller),
        action: 'dispute.decided',
        subjectType: 'dispute',
        subjectId: d.id,
        before: { status: 'open', verdict: indicator.verdict },
        after: { status: input.outcome, verdict, reason, notice },
      });
    }
    for (const c of await findCasesHoldingIndicator(tx, indicator.id)) {
      await recordCaseEvent(tx, caller, c.id, 'disputed', { phase: 'decided', outcome: input.outcome, disputeIds: settled.map((d) => d.id), indicatorId: indicator.id, reason });
    }
    return { id: dispute.id, trackingCode: dispute.trackingCode, status: input.outcome, verdict: indicator.verdict === 'disputed' ? verdict : indicator.verdict, settled: settled.length };
  });
}

/** The disputer's notice as recorded with the dispute (its text holds no contact details). */
export interface RecordedNotice {
  purpose: TemplatePurpose;
  locale: TemplateLocale;
  version: number;
  subject: string;
  body: string;
  /** Sent by e-mail (through the outbox); false when the disputer left only a phone number. */
  emailed: boolean;
}

/**
 * Renders the disputer's notice from the template in their language and, when they left an
 * e-mail address, sends it. The address travels encrypted through the outbox, like reporters';
 * the mailer decrypts it to send.
 */
async function disputerNotice(tx: Db, purpose: 'dispute.received' | 'dispute.upheld' | 'dispute.cleared', contact: DisputeContact, values: TemplateValues): Promise<RecordedNotice> {
  const message = await renderNotice(tx, purpose, contact.locale, values);
  if (contact.email) await enqueue(tx, 'email.send', { toEncrypted: piiCipher().encrypt(contact.email), subject: message.subject, text: message.body });
  return { purpose, locale: contact.locale, version: message.version, subject: message.subject, body: message.body, emailed: Boolean(contact.email) };
}
