import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/app/audit.ts';
import { dashboardFigures } from '../../src/app/dashboard-figures.ts';
import { LookupIndex } from '../../src/app/lookup-index.ts';
import { monthlyPlatformReport, previousMonth } from '../../src/app/monthly-platform-report.ts';
import { createOrganization, createUser } from '../../src/app/accounts.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { seedDemoHistory } from '../../src/app/seed-history.ts';
import { nextState, type CaseState } from '../../src/domain/cases/state-machine.ts';
import { queryRows, type Database } from '../../src/store/connection.ts';
import { freshDatabase } from '../helpers/database.ts';

let database: Database;
let seededMs = 0;
const db = () => database.db;

beforeAll(async () => {
  database = await freshDatabase();
  // The demo's organizations and an analyst, then the history alone (seedDemo's other parts have their own tests).
  const caller = systemCaller('test');
  const agency = await createOrganization(db(), caller, { slug: 'canhgiac', name: 'Agency', kind: 'agency' });
  for (const platform of ['facebook', 'zalo', 'tiktok']) await createOrganization(db(), caller, { slug: platform, name: platform, kind: 'platform', platform });
  await createUser(db(), caller, { organizationId: agency.id, email: 'analyst@test.example', name: 'Analyst', role: 'analyst', password: 'correct horse battery staple' });
  const started = performance.now();
  await seedDemoHistory(db());
  seededMs = performance.now() - started;
}, 120_000);
afterAll(() => database?.close());

describe('demo history', () => {
  it('adds about 90 days of reports, cases and escalations, consistent with the case state machine', async () => {
    const [counts] = await queryRows<{ reports: number; cases: number; escalations: number; late: number; oldest_days: number }>(
      db(),
      sql`select (select count(*) from reports)::int as reports, (select count(*) from cases)::int as cases,
            (select count(*) from escalations)::int as escalations,
            (select count(*) from escalations where actioned_at > due_at)::int as late,
            (select extract(day from now() - min(created_at)) from cases)::int as oldest_days`,
    );
    expect(counts!.reports).toBeGreaterThan(250);
    expect(counts!.cases).toBeGreaterThan(200);
    expect(counts!.escalations).toBeGreaterThan(100);
    expect(counts!.late).toBeGreaterThan(5);
    expect(counts!.oldest_days).toBeGreaterThanOrEqual(80);

    // Replaying each case's events through the state machine gives its stored status.
    const events = await queryRows<{ case_id: string; type: string; status: CaseState }>(
      db(),
      sql`select e.case_id, e.type, c.status from case_events e join cases c on c.id = e.case_id order by e.case_id, e.id`,
    );
    const replayed = new Map<string, { state: CaseState | null; status: CaseState }>();
    for (const e of events) {
      const r = replayed.get(e.case_id) ?? { state: null, status: e.status };
      const t = nextState(r.state, e.type as never);
      expect(t.ok, `${e.case_id} ${r.state} → ${e.type}`).toBe(true);
      r.state = t.state;
      replayed.set(e.case_id, r);
    }
    for (const r of replayed.values()) expect(r.state).toBe(r.status);
    // Only invented identifiers; no escalation is left open (the demo inbox starts clean).
    const [bad] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from escalations where status <> 'actioned'`);
    expect(bad!.n).toBe(0);
  });

  it('keeps the audit chain valid and the look-up index loadable, and stays fast', async () => {
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
    const index = new LookupIndex();
    const stats = await index.load(db());
    expect(JSON.stringify(stats)).toBeTruthy();
    const [indicators] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from indicators`);
    expect(index.size).toBe(indicators!.n);
    // Well under a second on a quiet machine; generous for a loaded CI machine.
    expect(seededMs).toBeLessThan(15_000);
  });

  it('fills the dashboards and the monthly report', async () => {
    const f = await dashboardFigures(db(), {});
    expect(f.totals.reports).toBeGreaterThan(200);
    expect(f.verification.medianHours).not.toBeNull();
    expect(f.escalations.byPlatform.map((p) => p.platform)).toEqual(['facebook', 'tiktok', 'zalo']);
    expect(f.moneyLost.totalVnd).toBeGreaterThan(0);
    const r = await monthlyPlatformReport(db(), { platform: 'facebook', month: previousMonth(new Date()) });
    expect(r.summary.escalations).toBeGreaterThan(10);
  });
});
