import type { Tlp } from '../domain/indicators/verdicts.ts';
import { appendAudit } from '../store/audit-log.ts';
import type { Db } from '../store/connection.ts';
import { findOrganizationById, findPartnerTrust, upsertPartnerTrust } from '../store/partner-trust.ts';
import { auditActor, isAgencyStaff, type Caller } from './caller.ts';
import { badRequest, notFound } from './errors.ts';

/** A partner organization's sharing level and trust, as the agency set them (defaults when never set). */
export interface PartnerTrustView {
  organizationId: string;
  maxTlp: Exclude<Tlp, 'red'>;
  confirmOwnSubjects: boolean;
  bins: string[];
  updatedAt: string | null;
}

export async function getPartnerTrust(db: Db, caller: Caller, organizationId: string): Promise<PartnerTrustView> {
  const a = caller.actor;
  const own = (a.type === 'user' || a.type === 'api_key') && a.organizationId === organizationId;
  const org = await findOrganizationById(db, organizationId);
  if (!org || !(own || isAgencyStaff(a))) throw notFound('The organization');
  const row = await findPartnerTrust(db, organizationId);
  return { organizationId, maxTlp: row?.maxTlp ?? 'amber', confirmOwnSubjects: row?.confirmOwnSubjects ?? false, bins: row?.bins ?? [], updatedAt: row?.updatedAt.toISOString() ?? null };
}

export async function setPartnerTrust(
  db: Db,
  caller: Caller,
  organizationId: string,
  input: { maxTlp: Exclude<Tlp, 'red'>; confirmOwnSubjects: boolean; bins?: string[] },
): Promise<PartnerTrustView> {
  const bins = [...new Set(input.bins ?? [])];
  const bad = bins.findIndex((b) => !/^\d{6}$/.test(b));
  if (bad >= 0) throw badRequest('A BIN is 6 digits.', [{ field: `/bins/${bad}`, message: 'Six digits, e.g. 970436.' }]);
  return db.transaction(async (tx) => {
    const org = await findOrganizationById(tx, organizationId);
    if (!org) throw notFound('The organization');
    if (org.kind === 'agency') throw badRequest('The agency is not a partner.');
    if (bins.length && org.kind !== 'bank') throw badRequest('Only banks have BINs.', [{ field: '/bins', message: 'Leave empty for this organization.' }]);
    const before = await findPartnerTrust(tx, organizationId);
    const a = caller.actor;
    const row = await upsertPartnerTrust(tx, { organizationId, maxTlp: input.maxTlp, confirmOwnSubjects: input.confirmOwnSubjects, bins, updatedBy: a.type === 'user' ? a.userId : null });
    await appendAudit(tx, {
      ...auditActor(caller),
      action: 'partner_trust.set',
      subjectType: 'organization',
      subjectId: organizationId,
      before: before ? { maxTlp: before.maxTlp, confirmOwnSubjects: before.confirmOwnSubjects, bins: before.bins } : null,
      after: { maxTlp: row.maxTlp, confirmOwnSubjects: row.confirmOwnSubjects, bins: row.bins },
    });
    return { organizationId, maxTlp: row.maxTlp, confirmOwnSubjects: row.confirmOwnSubjects, bins: row.bins, updatedAt: row.updatedAt.toISOString() };
  });
}
