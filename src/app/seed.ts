import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Role } from '../domain/auth/roles.ts';
import { appendAudit } from '../store/audit-log.ts';
import { queryRows, type Db } from '../store/connection.ts';
import { indicatorSha256, rangePrefixOf } from '../domain/indicators/hashing.ts';
import { indicators, reportIndicators, reports } from '../store/schema.ts';
import { createOrganization, createUser } from './accounts.ts';
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

// Canonical forms written out by hand: these are the project's own fixtures.
const REPORTS = [
  {
    category: 'investment',
    narrative:
      'Một trang Facebook tự xưng là sàn đầu tư quốc tế hứa lãi 30% mỗi tuần, yêu cầu chuyển khoản vào tài khoản ngân hàng để "kích hoạt" ví.',
    amountLostVnd: 45_000_000,
    paymentMethod: 'bank_transfer',
    indicators: [
      { indicator: 'fb:user:santhuonglai', kind: 'fb', display: 'facebook.com/santhuonglai' },
      { indicator: 'bank:970436:0000123456789', kind: 'bank', display: 'VCB 0000123456789' },
      { indicator: 'domain:sandautu-demo.example', kind: 'domain', display: 'sandautu-demo.example' },
    ],
    verdict: 'confirmed',
  },
  {
    category: 'job_task',
    narrative: 'Nhận việc nhẹ lương cao qua Telegram: làm nhiệm vụ thả tim, sau đó bị yêu cầu nạp tiền để rút hoa hồng.',
    amountLostVnd: 12_500_000,
    paymentMethod: 'bank_transfer',
    indicators: [
      { indicator: 'telegram:viecnhe_demo', kind: 'telegram', display: '@viecnhe_demo' },
      { indicator: 'phone:+84900000101', kind: 'phone', display: '090 000 0101' },
    ],
    verdict: 'suspected',
  },
  {
    category: 'impersonating_authorities',
    narrative: 'Người gọi tự xưng công an, nói tôi liên quan vụ án và yêu cầu cài ứng dụng từ đường link lạ.',
    amountLostVnd: 0,
    paymentMethod: null,
    indicators: [
      { indicator: 'phone:+84900000202', kind: 'phone', display: '090 000 0202' },
      { indicator: 'url:http://dichvucong-demo.test/app', kind: 'url', display: 'http://dichvucong-demo.test/app' },
    ],
    verdict: 'suspected',
  },
] as const;

export interface DemoCredential {
  role: Role;
  email: string;
  password: string;
}

/** Seeds a new database. Returns null (and does nothing) when it already has organizations. */
export async function seedDemo(db: Db): Promise<DemoCredential[] | null> {
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
  await db.transaction(async (tx) => {
    const agency = orgIds.get('canhgiac')!;
    for (const [i, r] of REPORTS.entries()) {
      const createdAt = new Date(Date.now() - (REPORTS.length - i) * 86_400_000);
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
          status: r.verdict === 'confirmed' ? 'verified' : 'received',
          createdAt,
        })
        .returning();
      for (const ind of r.indicators) {
        const [row] = await tx
          .insert(indicators)
          .values({
            ...ind,
            sha256: indicatorSha256(ind.indicator),
            rangePrefix: rangePrefixOf(indicatorSha256(ind.indicator)),
            verdict: r.verdict,
            confidence: r.verdict === 'confirmed' ? 90 : 40,
            reportCount: 1,
            fraudTypes: [r.category],
            firstSeenAt: createdAt,
            lastSeenAt: createdAt,
          })
          .returning();
        await tx.insert(reportIndicators).values({ reportId: report!.id, indicatorId: row!.id, rawInput: ind.display });
      }
      await appendAudit(tx, {
        actorType: 'system',
        actorId: 'seed',
        organizationId: agency,
        action: 'report.seeded',
        subjectType: 'report',
        subjectId: report!.id,
        after: { category: r.category, indicators: r.indicators.map((x) => x.indicator) },
      });
    }
  });
  return credentials;
}
