import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Role } from '../domain/auth/roles.ts';
import { appendAudit } from '../store/audit-log.ts';
import { queryRows, type Db } from '../store/connection.ts';
import type { FraudType } from '../domain/fraud-types.ts';
import { reportIndicators, reports } from '../store/schema.ts';
import { findUserByEmail } from '../store/users.ts';
import type { Caller } from './caller.ts';
import { canonicalOrThrow, listIdentifier, noteReportedIdentifier } from './indicators.ts';
import { registerLegitimate } from './legitimate.ts';
import { createOrganization, createUser } from './accounts.ts';
import { seedDemoAlerts } from './alerts.ts';
import { importArticles } from './content-import.ts';
import { systemCaller } from './caller.ts';

/**
 * Demo data for a new database: the organizations of the exchange, one user per role with a
 * fresh random password (returned once, to be printed), and a few reports and indicators.
 * Every identifier here is invented: `.example`/`.test` domains and numbers from no real person.
 */
const ORGANIZATIONS = [
  { slug: 'canhgiac', name: 'Trung tâm Canh Giác (demo)', kind: 'agency', platform: null },
  { slug: 'meta', name: 'Meta (Facebook) — demo', kind: 'platform', platform: 'facebook' },
  { slug: 'zalo', name: 'Zalo — demo', kind: 'platform', platform: 'zalo' },
  { slug: 'tiktok', name: 'TikTok — demo', kind: 'platform', platform: 'tiktok' },
  { slug: 'nganhang-demo', name: 'Ngân hàng Demo', kind: 'bank', platform: null },
  { slug: 'nhamang-demo', name: 'Nhà mạng Demo', kind: 'telco', platform: null },
] as const;

const USERS: { role: Role; org: string; email: string; name: string }[] = [
  { role: 'admin', org: 'canhgiac', email: 'admin@canhgiac.example', name: 'Nguyễn Quản Trị' },
  { role: 'supervisor', org: 'canhgiac', email: 'supervisor@canhgiac.example', name: 'Trần Giám Sát' },
  { role: 'analyst', org: 'canhgiac', email: 'analyst@canhgiac.example', name: 'Lê Phân Tích' },
  { role: 'platform_operator', org: 'meta', email: 'operator@meta.example', name: 'Phạm Vận Hành' },
  { role: 'partner_admin', org: 'nganhang-demo', email: 'partner@nganhang-demo.example', name: 'Hoàng Đối Tác' },
];

/** Reports of invented scams; their identifiers go through the canonicalizers like any report's. */
const REPORTS: { category: FraudType; narrative: string; amountLostVnd: number; paymentMethod: string | null; identifiers: string[]; confirm: boolean }[] = [
  {
    category: 'investment',
    narrative:
      'Một trang Facebook tự xưng là sàn đầu tư quốc tế hứa lãi 30% mỗi tuần, yêu cầu chuyển khoản vào tài khoản ngân hàng để "kích hoạt" ví.',
    amountLostVnd: 45_000_000,
    paymentMethod: 'bank_transfer',
    identifiers: ['https://www.facebook.com/santhuonglai.demo', 'VCB 0000 1234 56789', 'https://sandautu-demo.example/dang-ky'],
    confirm: true,
  },
  {
    category: 'job_task',
    narrative: 'Nhận việc nhẹ lương cao qua Telegram: làm nhiệm vụ thả tim, sau đó bị yêu cầu nạp tiền để rút hoa hồng.',
    amountLostVnd: 12_500_000,
    paymentMethod: 'bank_transfer',
    identifiers: ['t.me/viecnhe_demo', '0900 000 101'],
    confirm: false,
  },
  {
    category: 'impersonating_authorities',
    narrative: 'Người gọi tự xưng công an, nói tôi liên quan vụ án và yêu cầu cài ứng dụng từ đường link lạ.',
    amountLostVnd: 0,
    paymentMethod: null,
    identifiers: ['0900 000 202', 'hxxp://dichvucong-demo[.]test/app'],
    confirm: true,
  },
];

/** Official channels of the demo organizations: look-ups answer "verified legitimate". */
const LEGITIMATE = [
  { value: '1900 000 111', ownerName: 'Ngân hàng Demo — tổng đài chăm sóc khách hàng', category: 'bank', org: 'nganhang-demo' },
  { value: 'https://nganhang-demo.example', ownerName: 'Ngân hàng Demo', category: 'bank', org: 'nganhang-demo' },
  { value: 'https://canhgiac.example', ownerName: 'Trung tâm Canh Giác (demo)', category: 'government', org: 'canhgiac' },
] as const;

export interface DemoCredential {
  role: Role;
  email: string;
  password: string;
}

/**
 * Seeds a new database. Returns null (and does nothing) when it already has organizations.
 * `history`: also ~90 days of invented, backdated reports, cases and escalations (dashboards).
 */
export async function seedDemo(db: Db, options: { history?: boolean } = {}): Promise<DemoCredential[] | null> {
  const [existing] = await queryRows<{ n: number | string }>(db, sql`select count(*) as n from organizations`);
  if (Number(existing?.n ?? 0) > 0) return null;
  const caller = systemCaller('seed');
  const orgIds = new Map<string, string>();
  for (const o of ORGANIZATIONS) {
    const created = await createOrganization(db, caller, { ...o });
    orgIds.set(o.slug, created.id);
  }
  const credentials: DemoCredential[] = [];
  for (const u of USERS) {
    const { password } = await createUser(db, caller, { organizationId: orgIds.get(u.org)!, email: u.email, name: u.name, role: u.role });
    credentials.push({ role: u.role, email: u.email, password });
  }
  const policy = { suspectedExpiryDays: 90, confirmedReviewDays: 180 };
  const supervisor = await findUserByEmail(db, 'supervisor@canhgiac.example');
  const supervisorCaller: Caller = {
    actor: { type: 'user', userId: supervisor!.id, email: supervisor!.email, role: 'supervisor', organizationId: orgIds.get('canhgiac')!, organizationKind: 'agency', platform: null },
    requestId: null,
  };
  for (const l of LEGITIMATE) {
    await registerLegitimate(db, supervisorCaller, { value: l.value, ownerName: l.ownerName, category: l.category, ownerOrganizationId: orgIds.get(l.org)! });
  }
  for (const [i, r] of REPORTS.entries()) {
    const createdAt = new Date(Date.now() - (REPORTS.length - i) * 86_400_000);
    await db.transaction(async (tx) => {
      const [report] = await tx
        .insert(reports)
        .values({
          trackingCode: `CG-DEMO-${randomBytes(3).toString('hex').toUpperCase()}`,
          channel: 'public',
          category: r.category,
          narrative: r.narrative,
          occurredAt: createdAt,
          amountLostVnd: r.amountLostVnd,
          paymentMethod: r.paymentMethod,
          status: r.confirm ? 'verified' : 'received',
          createdAt,
        })
        .returning();
      for (const raw of r.identifiers) {
        const canonical = canonicalOrThrow(raw, undefined, '/identifiers');
        const { indicator } = await noteReportedIdentifier(tx, caller, { canonical, fraudType: r.category, sourceType: 'citizen', organizationId: null }, policy);
        if (indicator) await tx.insert(reportIndicators).values({ reportId: report!.id, indicatorId: indicator.id, rawInput: raw });
      }
      await appendAudit(tx, {
        actorType: 'system',
        actorId: 'seed',
        action: 'report.seeded',
        subjectType: 'report',
        subjectId: report!.id,
        after: { category: r.category, identifiers: r.identifiers },
      });
    });
    if (r.confirm) {
      for (const raw of r.identifiers) {
        const canonical = canonicalOrThrow(raw, undefined, '/identifiers');
        await listIdentifier(
          db,
          supervisorCaller,
          {
            value: canonical.indicator,
            verdict: 'confirmed',
            fraudTypes: [r.category],
            reasons: {
              ground: r.category,
              legalBasis: 'Demo: verified by the agency under its anti-fraud mandate',
              evidence: ['citizen_reports', 'screenshots', 'investigation'],
              sourceType: 'agency',
              explanation: 'Demo data: an invented identifier confirmed for the demonstration.',
            },
          },
          policy,
        );
      }
    }
  }
  // The awareness library is real content (imported at every start too); the alerts are demo ones.
  await importArticles(db, caller);
  await seedDemoAlerts(db, supervisorCaller);
  await (await import('./seed-campaigns.ts')).seedDemoCampaigns(db, supervisorCaller);
  if (options.history ?? true) await (await import('./seed-history.ts')).seedDemoHistory(db);
  return credentials;
}
