import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FraudType } from '../domain/fraud-types.ts';
import { indicatorSha256, rangePrefixOf } from '../domain/indicators/hashing.ts';
import { appendAudit } from '../store/audit-log.ts';
import { insertJsonRows } from '../store/bulk-insert.ts';
import { queryRows, type Db } from '../store/connection.ts';
import { caseEvents, caseIndicators, cases, escalationSubjects, escalations, indexChanges, indicators, reportIndicators, reports, verdictChanges } from '../store/schema.ts';

/**
 * About 90 days of invented, backdated history for the demo, so that the dashboards and the
 * monthly platform report have something to show: a few hundred reports in cases across fraud
 * types and platforms, triaged, verified or rejected, escalated, acknowledged and answered
 * (some late). Written in one transaction, one JSON-parameter insert per table
 * (`insertJsonRows`; ~3 s on a machine at load 19, well under a second on a quiet one), with
 * one audit record for the whole batch. Every identifier is
 * invented (`.example`/`.test` domains, numbers in no real plan) and the generator is seeded, so
 * each new demo database gets the same history relative to its start.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const DAYS = 90;
const CASES = 240;
const LEGAL_BASES = ['Decree 147/2024/ND-CP, Article 23', 'Law on Cybersecurity 2018, Article 26'];
const LEGAL_WEIGHTS = [0.75, 0.25];
const PLATFORMS = ['facebook', 'zalo', 'tiktok'] as const;
const PLATFORM_WEIGHTS = [0.6, 0.25, 0.15];
const FRAUD: { type: FraudType; weight: number; loss: [number, number] }[] = [
  { type: 'investment', weight: 0.24, loss: [5_000_000, 400_000_000] },
  { type: 'job_task', weight: 0.2, loss: [1_000_000, 120_000_000] },
  { type: 'online_shopping', weight: 0.16, loss: [200_000, 15_000_000] },
  { type: 'impersonating_bank', weight: 0.1, loss: [3_000_000, 200_000_000] },
  { type: 'impersonating_authorities', weight: 0.08, loss: [10_000_000, 900_000_000] },
  { type: 'romance', weight: 0.08, loss: [5_000_000, 300_000_000] },
  { type: 'loan', weight: 0.06, loss: [500_000, 20_000_000] },
  { type: 'prize_lottery', weight: 0.05, loss: [300_000, 10_000_000] },
  { type: 'phishing_link', weight: 0.03, loss: [1_000_000, 50_000_000] },
];
const ACTIONS = ['removed', 'restricted', 'no_violation', 'needs_more_information'] as const;
const ACTION_WEIGHTS = [0.7, 0.15, 0.1, 0.05];
/** The platforms answer at different paces: the share of answers after the 24-hour deadline. */
const LATE_SHARE: Record<(typeof PLATFORMS)[number], number> = { facebook: 0.12, zalo: 0.25, tiktok: 0.35 };
const NARRATIVE: Record<string, string> = {
  investment: 'Tài khoản mời đầu tư sàn ngoại hối hứa lãi cao, sau khi nạp tiền thì không rút được (dữ liệu minh họa).',
  job_task: 'Được mời làm nhiệm vụ online nhận hoa hồng, phải nạp tiền để "mở khóa" đơn tiếp theo (dữ liệu minh họa).',
  online_shopping: 'Đặt mua hàng qua trang bán hàng, chuyển khoản đặt cọc rồi bị chặn liên lạc (dữ liệu minh họa).',
  impersonating_bank: 'Người nhắn tin tự xưng nhân viên ngân hàng, gửi đường link yêu cầu cập nhật thông tin và mã OTP (dữ liệu minh họa).',
  impersonating_authorities: 'Tài khoản tự xưng cán bộ công an, đe dọa liên quan vụ án và yêu cầu chuyển tiền "xác minh" (dữ liệu minh họa).',
  romance: 'Làm quen qua mạng, sau vài tuần người kia nhờ chuyển tiền nhận quà gửi từ nước ngoài (dữ liệu minh họa).',
  loan: 'Trang cho vay nhanh yêu cầu đóng phí hồ sơ trước khi giải ngân, sau đó không giải ngân (dữ liệu minh họa).',
  prize_lottery: 'Thông báo trúng thưởng xe máy, yêu cầu đóng phí vận chuyển và thuế (dữ liệu minh họa).',
  phishing_link: 'Tin nhắn chứa đường link giả trang đăng nhập, tài khoản bị chiếm sau khi nhập mật khẩu (dữ liệu minh họa).',
};

/** mulberry32: a small seeded generator, so the demo history is the same on every new database. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    between: (lo: number, hi: number) => lo + next() * (hi - lo),
    chance: (p: number) => next() < p,
    pick<T>(items: readonly T[], weights: readonly number[]): T {
      let r = next() * weights.reduce((s, w) => s + w, 0);
      for (const [i, item] of items.entries()) if ((r -= weights[i]!) < 0) return item;
      return items[items.length - 1]!;
    },
  };
}

/** Canonical strings of invented identifiers (already canonical: no canonicalizer round trip needed). */
function subjectOf(platform: (typeof PLATFORMS)[number], n: number): string {
  switch (platform) {
    case 'facebook':
      return `fb:id:${100_099_000_000_000 + n * 7919}`;
    case 'zalo':
      return `zalo:+8490999${String(n).padStart(4, '0')}`;
    case 'tiktok':
      return `tiktok:demo_shop_${n}`;
  }
}

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** Adds the history once, when the demo is seeded; returns the number of reports it wrote. */
export async function seedDemoHistory(db: Db, now = new Date()): Promise<{ reports: number; cases: number; escalations: number }> {
  const orgs = await queryRows<{ id: string; platform: string | null; kind: string }>(db, sql`select id, platform, kind from organizations`);
  const platformOrg = new Map(orgs.filter((o) => o.platform).map((o) => [o.platform!, o.id]));
  const agency = orgs.find((o) => o.kind === 'agency');
  const [analyst] = await queryRows<{ id: string }>(db, sql`select id from users where role = 'analyst' order by created_at limit 1`);
  if (!agency || !analyst) return { reports: 0, cases: 0, escalations: 0 };
  const random = generator(20261128);
  const end = now.getTime() - HOUR;
  const clamp = (t: number) => (t < end ? t : null);

  const indicatorRows: Row<typeof indicators>[] = [];
  const verdictRows: Row<typeof verdictChanges>[] = [];
  const reportRows: Row<typeof reports>[] = [];
  const linkRows: Row<typeof reportIndicators>[] = [];
  const caseRows: Row<typeof cases>[] = [];
  const eventRows: Row<typeof caseEvents>[] = [];
  const caseIndicatorRows: Row<typeof caseIndicators>[] = [];
  const escalationRows: Row<typeof escalations>[] = [];
  const subjectRows: Row<typeof escalationSubjects>[] = [];
  const agent = { actorType: 'user' as const, actorId: analyst.id, organizationId: agency.id };
  const [seq] = await queryRows<{ n: number | string }>(db, sql`select nextval('case_reference_seq') as n`);
  let reference = Number(seq!.n);

  for (let n = 0; n < CASES; n++) {
    // More reports in recent weeks, fewer at weekends.
    const age = DAYS * Math.pow(random.next(), 1.25);
    let created = now.getTime() - age * DAY;
    const weekday = new Date(created + 7 * HOUR).getUTCDay();
    if ((weekday === 0 || weekday === 6) && random.chance(0.4)) created -= 2 * DAY;
    if (created > end - 2 * HOUR) created = end - 2 * HOUR;
    const platform = random.pick(PLATFORMS, PLATFORM_WEIGHTS);
    const fraud = random.pick(FRAUD, FRAUD.map((f) => f.weight));
    const caseId = randomUUID();
    const subject = subjectOf(platform, n);
    const subjectId = randomUUID();
    const reportCount = random.chance(0.25) ? 2 + Math.floor(random.next() * 3) : 1;

    // The case's life: triaged, then verified (or rejected), escalated, answered, closed; each step only if it happened before now.
    const events: { type: Row<typeof caseEvents>['type']; at: number; payload: Record<string, unknown> }[] = [{ type: 'created', at: created, payload: { reportIds: [] } }];
    let status: Row<typeof cases>['status'] = 'new';
    let verdict: 'suspected' | 'confirmed' = 'suspected';
    let confirmedAt: number | null = null;
    const triaged = clamp(created + random.between(0.3, 8) * HOUR);
    if (triaged && random.chance(0.97)) {
      events.push({ type: 'triaged', at: triaged, payload: { priority: null, category: null, note: null } });
      status = 'triaged';
      const rejected = random.chance(0.09);
      // Time to verify: mostly within a day, a tail of up to four days.
      const decided = clamp(triaged + (random.chance(0.88) ? random.between(1, 20) : random.between(20, 96)) * HOUR);
      if (decided && rejected) {
        events.push({ type: 'rejected', at: decided, payload: { reason: 'Không đủ căn cứ (dữ liệu minh họa).', indicators: [], reasons: null, outcomes: [] } });
        status = 'rejected';
      } else if (decided) {
        const reasons = { ground: fraud.type, legalBasis: LEGAL_BASES[0], evidence: ['citizen_reports', 'screenshots'], sourceType: 'agency', explanation: 'Dữ liệu minh họa.' };
        events.push({ type: 'verified', at: decided, payload: { reasons, indicators: [{ indicator: subject, verdict: 'confirmed' }] } });
        status = 'verified';
        verdict = 'confirmed';
        confirmedAt = decided;
        const sent = clamp(decided + random.between(0.5, 12) * HOUR);
        const late = random.chance(LATE_SHARE[platform]);
        const acted = sent ? clamp(sent + (late ? random.between(25, 90) : random.between(1, 23)) * HOUR) : null;
        // Only escalations already answered: the demo inbox starts without stale overdue items.
        if (sent && acted) {
          const escalationId = randomUUID();
          const legalBasis = random.pick(LEGAL_BASES, LEGAL_WEIGHTS);
          const acknowledged = random.chance(0.85) ? sent + Math.min(random.between(0.2, 10) * HOUR, (acted - sent) / 2) : null;
          const action = random.pick(ACTIONS, ACTION_WEIGHTS);
          escalationRows.push({
            id: escalationId,
            caseId,
            platform,
            organizationId: platformOrg.get(platform) ?? agency.id,
            status: 'actioned',
            fraudCategory: fraud.type,
            legalBasis,
            message: 'Đề nghị gỡ bỏ tài khoản lừa đảo (dữ liệu minh họa).',
            dueAt: new Date(sent + 24 * HOUR),
            dueSoonAt: new Date(sent + 20 * HOUR),
            breachedAt: acted > sent + 24 * HOUR ? new Date(sent + 24 * HOUR) : null,
            acknowledgedAt: acknowledged ? new Date(acknowledged) : null,
            actionedAt: new Date(acted),
            action,
            platformReference: `DEMO-${platform.toUpperCase()}-${n}`,
            createdBy: analyst.id,
            createdAt: new Date(sent),
            updatedAt: new Date(acted),
          });
          subjectRows.push({ escalationId, indicatorId: subjectId });
          events.push({ type: 'escalated', at: sent, payload: { escalationId, platform, fraudCategory: fraud.type, legalBasis, dueAt: new Date(sent + 24 * HOUR).toISOString(), subjects: [subject] } });
          if (acknowledged) events.push({ type: 'acknowledged', at: acknowledged, payload: { escalationId } });
          events.push({ type: 'actioned', at: acted, payload: { escalationId, action, note: null } });
          status = 'actioned';
          const closed = clamp(acted + random.between(6, 96) * HOUR);
          // Most answered cases are closed within days; the recent ones are still being wrapped up.
          if (closed && random.chance(closed < end - 10 * DAY ? 0.96 : 0.6)) {
            events.push({ type: 'closed', at: closed, payload: { note: null, outcome: null } });
            status = 'closed';
          }
        } else if (sent) status = 'verified';
      }
    }

    // The reports: the first one opens the case, the others come later.
    const reportIds: string[] = [];
    let amountTotal = 0;
    let lastReport = created;
    // Later reports join while the case is still open: a closed or rejected case would get a new case instead.
    const ended = events.find((e) => e.type === 'closed' || e.type === 'rejected')?.at ?? end;
    const joinWindow = Math.max(0, Math.min(120 * HOUR, ended - created - 10 * 60_000));
    for (let r = 0; r < reportCount; r++) {
      const at = r === 0 ? created - random.between(0, 0.5) * HOUR : created + random.next() * joinWindow;
      lastReport = Math.max(lastReport, at);
      const lost = random.chance(0.75) ? Math.round(random.between(...fraud.loss) / 100_000) * 100_000 : random.chance(0.5) ? 0 : null;
      amountTotal += lost ?? 0;
      const reportId = randomUUID();
      reportIds.push(reportId);
      reportRows.push({
        id: reportId,
        trackingCode: `CG-HIST-${String(n).padStart(3, '0')}-${r}`,
        channel: r === 0 && random.chance(0.15) ? 'agency' : 'public',
        category: fraud.type,
        narrative: NARRATIVE[fraud.type]!,
        occurredAt: new Date(at - random.between(1, 72) * HOUR),
        amountLostVnd: lost,
        paymentMethod: lost ? 'bank_transfer' : null,
        status: status === 'closed' ? 'closed' : status === 'actioned' ? 'platform_acted' : status === 'verified' ? 'verified' : status === 'rejected' ? 'closed' : 'under_review',
        locale: 'vi',
        caseId,
        riskScore: Math.round(random.between(35, 95)),
        createdAt: new Date(at),
        updatedAt: new Date(at),
      });
      linkRows.push({ reportId, indicatorId: subjectId, rawInput: subject.slice(subject.indexOf(':') + 1) });
    }
    events[0]!.payload = { reportIds: [reportIds[0]] };
    for (const extra of reportIds.slice(1)) {
      const row = reportRows.find((x) => x.id === extra)!;
      if (row.createdAt!.getTime() > created) events.push({ type: 'report_added', at: row.createdAt!.getTime(), payload: { reportId: extra } });
    }
    events.sort((a, b) => a.at - b.at);

    const sha = indicatorSha256(subject);
    indicatorRows.push({
      id: subjectId,
      indicator: subject,
      kind: subject.slice(0, subject.indexOf(':')),
      display: subject.slice(subject.indexOf(':') + 1),
      sha256: sha,
      rangePrefix: rangePrefixOf(sha),
      verdict,
      confidence: verdict === 'confirmed' ? 90 : 50,
      reportCount,
      fraudTypes: [fraud.type],
      firstSeenAt: new Date(created - HOUR),
      lastSeenAt: new Date(lastReport),
      expiresAt: verdict === 'suspected' ? new Date(lastReport + 90 * DAY) : null,
      reviewAt: verdict === 'confirmed' ? new Date(confirmedAt! + 180 * DAY) : null,
      updatedAt: new Date(confirmedAt ?? lastReport),
    });
    if (confirmedAt) {
      verdictRows.push({
        indicatorId: subjectId,
        fromVerdict: 'suspected',
        toVerdict: 'confirmed',
        confidence: 90,
        ground: fraud.type,
        legalBasis: LEGAL_BASES[0]!,
        evidence: ['citizen_reports', 'screenshots'],
        decidedBy: { type: 'person', userId: analyst.id, organizationId: agency.id },
        automated: false,
        sourceType: 'agency',
        explanation: 'Demo data: an invented identifier confirmed for the demonstration.',
        createdAt: new Date(confirmedAt),
      });
    }
    const last = events.at(-1)!;
    caseRows.push({
      id: caseId,
      reference: `CG-${new Date(created).getUTCFullYear()}-${String(reference++).padStart(6, '0')}`,
      status,
      priority: 3,
      category: fraud.type,
      assigneeUserId: status === 'new' ? null : analyst.id,
      reportCount,
      amountLostVnd: amountTotal,
      lastEventSeq: events.length,
      riskScore: Math.max(...reportRows.filter((x) => x.caseId === caseId).map((x) => x.riskScore ?? 0)),
      createdAt: new Date(created),
      updatedAt: new Date(last.at),
    });
    caseIndicatorRows.push({ caseId, indicatorId: subjectId });
    for (const e of events) eventRows.push({ caseId, type: e.type, ...agent, ...(e.type === 'created' ? { actorType: 'public' as const, actorId: null, organizationId: null } : {}), payload: e.payload, createdAt: new Date(e.at) });
  }
  // Events get their ids in time order, as if they had been written as they happened.
  eventRows.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());

  await db.transaction(async (tx) => {
    await tx.execute(sql`select setval('case_reference_seq', ${reference - 1})`);
    await insertJsonRows(tx, indicators, indicatorRows);
    await insertJsonRows(tx, indexChanges, indicatorRows.map((i) => ({ indicator: i.indicator })));
    await insertJsonRows(tx, verdictChanges, verdictRows);
    await insertJsonRows(tx, cases, caseRows);
    await insertJsonRows(tx, reports, reportRows);
    await insertJsonRows(tx, reportIndicators, linkRows);
    await insertJsonRows(tx, caseIndicators, caseIndicatorRows);
    await insertJsonRows(tx, caseEvents, eventRows);
    // Each case's cached last event is its own last event id.
    await tx.execute(sql`update cases c set last_event_seq = m.id from (select case_id, max(id) as id from case_events group by case_id) m where m.case_id = c.id and c.last_event_seq <> m.id`);
    await insertJsonRows(tx, escalations, escalationRows);
    await insertJsonRows(tx, escalationSubjects, subjectRows);
    await appendAudit(tx, {
      actorType: 'system',
      actorId: 'seed',
      action: 'demo.history_seeded',
      subjectType: 'demo',
      subjectId: null,
      after: { reports: reportRows.length, cases: caseRows.length, escalations: escalationRows.length, days: DAYS, invented: true },
    });
  });
  return { reports: reportRows.length, cases: caseRows.length, escalations: escalationRows.length };
}
