import { networkMemberIdsOfCase } from '../store/networks.ts';
import { nextState } from '../domain/cases/state-machine.ts';
import { platformOfKind } from '../domain/escalations/platforms.ts';
import type { RedactionBox } from '../domain/escalations/redaction.ts';
import { FRAUD_TYPES, isFraudType } from '../domain/fraud-types.ts';
import { appendAudit } from '../store/audit-log.ts';
import { listCaseIndicatorIds, lockCase } from '../store/cases.ts';
import type { Db } from '../store/connection.ts';
import {
  findCaseEvidence,
  findPlatformOrganizations,
  findUnansweredEscalation,
  insertEscalation,
  insertEscalationEvidence,
  insertEscalationSubjects,
  insertEvidenceFile,
  listSubjects,
} from '../store/escalations.ts';
import { findIndicatorById } from '../store/indicators.ts';
import { auditActor, type Caller } from './caller.ts';
import { recordCaseEvent, transitionRefused } from './case-transition.ts';
import { deadlinePolicyFor } from './deadline-policies.ts';
import { notifyEscalation } from './escalation-notices.ts';
import { escalationSummary, type EscalationSummary } from './escalation-views.ts';
import { redactImage } from './evidence-redaction.ts';
import type { EvidenceStore } from './evidence-store.ts';
import { AppError, badRequest, conflict, forbidden, notFound, unprocessable, type FieldError } from './errors.ts';
import { reportStatusChanged } from './report-status.ts';

const HOUR_MS = 3_600_000;

export interface EscalateInput {
  /** Indicator ids of the case's subjects to put in front of their platforms. */
  subjects: string[];
  fraudCategory: string;
  legalBasis: string;
  message?: string;
  /** Evidence files of the case's reports that the platforms may see, with boxes to black out. */
  evidence?: { sha256: string; redactions?: RedactionBox[] }[];
}

interface PreparedEvidence {
  sha256: string;
  sourceSha256: string;
  mediaType: string;
  size: number;
  redactions: RedactionBox[] | null;
}

function checkInput(input: EscalateInput): void {
  const errors: FieldError[] = [];
  if (!isFraudType(input.fraudCategory)) errors.push({ field: '/fraudCategory', message: `The escalation channel is for fraud only: one of ${FRAUD_TYPES.join(', ')}.` });
  if (input.legalBasis.trim().length < 3) errors.push({ field: '/legalBasis', message: 'Name the legal basis (the law or decree the request rests on).' });
  if (input.subjects.length === 0) errors.push({ field: '/subjects', message: 'Choose at least one subject.' });
  if (new Set(input.subjects).size !== input.subjects.length) errors.push({ field: '/subjects', message: 'A subject is named twice.' });
  if (new Set((input.evidence ?? []).map((e) => e.sha256)).size !== (input.evidence ?? []).length) errors.push({ field: '/evidence', message: 'A file is named twice.' });
  if (errors.length) throw badRequest('The escalation is incomplete.', errors);
}

/**
 * Makes the copies a platform will see, before the transaction (image work is slow and must
 * not hold the case lock). Copies are content-addressed, so a failed escalation leaves only an
 * unreferenced file that the next identical redaction reuses.
 */
async function prepareEvidence(db: Db, store: EvidenceStore, caseId: string, items: NonNullable<EscalateInput['evidence']>): Promise<PreparedEvidence[]> {
  const out: PreparedEvidence[] = [];
  for (const [n, item] of items.entries()) {
    const field = `/evidence/${n}`;
    const file = await findCaseEvidence(db, caseId, item.sha256);
    const bytes = file ? await store.get(file.sha256) : null;
    if (!file || !bytes) throw unprocessable('Only evidence of the case\'s reports can be shared.', [{ field: `${field}/sha256`, message: 'Not an evidence file of this case.' }]);
    if (!item.redactions?.length) {
      out.push({ sha256: file.sha256, sourceSha256: file.sha256, mediaType: file.mediaType, size: bytes.length, redactions: null });
      continue;
    }
    const copy = await redactImage(bytes, file.mediaType, item.redactions, field);
    const sha256 = await store.put(copy.bytes);
    out.push({ sha256, sourceSha256: file.sha256, mediaType: file.mediaType, size: copy.bytes.length, redactions: copy.boxes });
  }
  return out;
}

/**
 * Escalates a verified case's subjects, one escalation per platform that owns them (Facebook
 * subjects to the organization answering for `facebook`, and so on). A subject no platform
 * owns, one outside the case, or a platform with an unanswered escalation on this case, refuses
 * the whole request with the reason per subject: nothing is stored.
 */
export async function escalateCase(db: Db, store: EvidenceStore, caller: Caller, caseId: string, input: EscalateInput): Promise<{ escalations: EscalationSummary[] }> {
  if (caller.actor.type !== 'user') throw forbidden('Escalations are made by the agency\'s analysts and supervisors.');
  const userId = caller.actor.userId;
  checkInput(input);
  const evidence = await prepareEvidence(db, store, caseId, input.evidence ?? []);
  return db.transaction(async (tx) => {
    const locked = await lockCase(tx, caseId);
    if (!locked) throw notFound('The case');
    if (!nextState(locked.status, 'escalated').ok) throw transitionRefused(locked, 'escalated');

    // A case can be escalated for its whole network: its own indicators and every indicator linked to them.
    const inCase = new Set([...(await listCaseIndicatorIds(tx, caseId)), ...(await networkMemberIdsOfCase(tx, caseId))]);
    const errors: FieldError[] = [];
    const wanted: { indicatorId: string; indicator: string; platform: string }[] = [];
    for (const [n, id] of input.subjects.entries()) {
      const ind = inCase.has(id) ? await findIndicatorById(tx, id) : undefined;
      if (!ind) {
        errors.push({ field: `/subjects/${n}`, message: 'Not an indicator of this case or of its networks.', code: 'not_in_case' });
        continue;
      }
      const platform = platformOfKind(ind.kind);
      if (!platform) {
        errors.push({ field: `/subjects/${n}`, message: `${ind.display}: no platform answers for ${ind.kind} identifiers; share them with banks and telcos instead.`, code: 'no_platform' });
        continue;
      }
      wanted.push({ indicatorId: id, indicator: ind.indicator, platform });
    }
    const platforms = [...new Set(wanted.map((w) => w.platform))].sort();
    const orgs = new Map((await findPlatformOrganizations(tx, platforms)).map((o) => [o.platform!, o]));
    for (const [n, id] of input.subjects.entries()) {
      const w = wanted.find((x) => x.indicatorId === id);
      if (w && !orgs.has(w.platform)) errors.push({ field: `/subjects/${n}`, message: `No organization answers for ${w.platform} yet.`, code: 'no_platform_organization' });
    }
    if (errors.length) throw new AppError(422, 'subjects_refused', 'Some subjects cannot be escalated.', errors);
    for (const platform of platforms) {
      const open = await findUnansweredEscalation(tx, caseId, platform);
      if (open) throw conflict(`This case already has an escalation to ${platform} that is not answered yet (${open.id}); wait for the answer.`, [{ field: '/subjects', message: `Open escalation to ${platform}.`, code: 'escalation_open' }]);
    }

    // Reporters are told first, so the e-mails go out; the case event's own sync then finds nothing behind.
    await reportStatusChanged(tx, { caseId }, { status: 'sent_to_platform' }, caller);
    const now = new Date();
    const created: EscalationSummary[] = [];
    for (const platform of platforms) {
      const org = orgs.get(platform)!;
      const policy = await deadlinePolicyFor(tx, platform);
      const dueAt = new Date(now.getTime() + policy.hours * HOUR_MS);
      const subjects = wanted.filter((w) => w.platform === platform);
      const row = await insertEscalation(tx, {
        caseId,
        platform,
        organizationId: org.id,
        fraudCategory: input.fraudCategory,
        legalBasis: input.legalBasis.trim(),
        message: input.message?.trim() || null,
        dueAt,
        dueSoonAt: new Date(Math.max(now.getTime(), dueAt.getTime() - policy.dueSoonHours * HOUR_MS)),
        createdBy: userId,
      });
      await insertEscalationSubjects(tx, row.id, subjects.map((s) => s.indicatorId));
      for (const e of evidence) if (e.sha256 !== e.sourceSha256) await insertEvidenceFile(tx, { sha256: e.sha256, mediaType: e.mediaType, size: e.size });
      await insertEscalationEvidence(tx, evidence.map((e) => ({ escalationId: row.id, sha256: e.sha256, sourceSha256: e.sourceSha256, redactions: e.redactions })));
      await appendAudit(tx, {
        ...auditActor(caller),
        action: 'escalation.created',
        subjectType: 'escalation',
        subjectId: row.id,
        before: null,
        after: { caseId, platform, organizationId: org.id, fraudCategory: row.fraudCategory, legalBasis: row.legalBasis, dueAt: row.dueAt, subjects: subjects.map((s) => s.indicator), evidence: evidence.map((e) => ({ sha256: e.sha256, sourceSha256: e.sourceSha256 })) },
      });
      await recordCaseEvent(tx, caller, caseId, 'escalated', { escalationId: row.id, platform, fraudCategory: row.fraudCategory, legalBasis: row.legalBasis, dueAt: row.dueAt.toISOString(), subjects: subjects.map((s) => s.indicator) });
      await notifyEscalation(tx, 'escalation.created', row, locked.reference, subjects.map((s) => s.indicator));
      created.push(escalationSummary(row, locked.reference, await listSubjects(tx, [row.id]), { agency: true }, now));
    }
    return { escalations: created };
  });
}
