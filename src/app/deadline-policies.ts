import { appendAudit } from '../store/audit-log.ts';
import type { Db } from '../store/connection.ts';
import { findDeadlinePolicy, listDeadlinePolicies, upsertDeadlinePolicy } from '../store/escalations.ts';
import { listOrganizations } from '../store/organizations.ts';
import { auditActor, type Caller } from './caller.ts';
import { notFound, unprocessable } from './errors.ts';

/** Vietnamese rules ask platforms to act on unlawful content within 24 hours. */
export const DEFAULT_DEADLINE = { hours: 24, dueSoonHours: 4 };

export interface DeadlinePolicy {
  platform: string;
  hours: number;
  dueSoonHours: number;
  /** false: no row for the platform, the default applies. */
  configured: boolean;
}

export async function deadlinePolicyFor(db: Db, platform: string): Promise<DeadlinePolicy> {
  const row = await findDeadlinePolicy(db, platform);
  return row ? { ...row, configured: true } : { platform, ...DEFAULT_DEADLINE, configured: false };
}

/** The policy of every platform that has an organization or a configured row. */
export async function listPolicies(db: Db): Promise<DeadlinePolicy[]> {
  const [rows, orgs] = await Promise.all([listDeadlinePolicies(db), listOrganizations(db)]);
  const byPlatform = new Map<string, DeadlinePolicy>(rows.map((r) => [r.platform, { ...r, configured: true }]));
  for (const o of orgs) if (o.platform && !byPlatform.has(o.platform)) byPlatform.set(o.platform, { platform: o.platform, ...DEFAULT_DEADLINE, configured: false });
  return [...byPlatform.values()].sort((a, b) => a.platform.localeCompare(b.platform));
}

export async function setPolicy(db: Db, caller: Caller, platform: string, input: { hours: number; dueSoonHours: number }): Promise<DeadlinePolicy> {
  if (input.dueSoonHours >= input.hours) {
    throw unprocessable('The due-soon notice must come before the deadline.', [{ field: '/dueSoonHours', message: `Must be less than hours (${input.hours}).` }]);
  }
  return db.transaction(async (tx) => {
    const before = await findDeadlinePolicy(tx, platform);
    // A mistyped platform would otherwise get a policy row that stays in the list with no way to remove it.
    if (!before && !(await listOrganizations(tx)).some((o) => o.platform === platform)) throw notFound(`The platform ${platform} (no organization operates it)`);
    // Saving what is already in force changes nothing, so it records nothing.
    if (before && before.hours === input.hours && before.dueSoonHours === input.dueSoonHours) return { ...before, configured: true };
    const row = await upsertDeadlinePolicy(tx, { platform, hours: input.hours, dueSoonHours: input.dueSoonHours });
    await appendAudit(tx, {
      ...auditActor(caller),
      action: 'deadline_policy.set',
      subjectType: 'deadline_policy',
      subjectId: platform,
      before: before ? { hours: before.hours, dueSoonHours: before.dueSoonHours } : null,
      after: { hours: row.hours, dueSoonHours: row.dueSoonHours },
    });
    return { ...row, configured: true };
  });
}
