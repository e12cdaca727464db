import { sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/api-keys.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { registerLegitimate } from '../../src/app/legitimate.ts';
import { piiCipher } from '../../src/app/pii-crypto.ts';
import { reportStatusChanged } from '../../src/app/report-status.ts';
import { buildVietQrPayload } from '../../src/domain/identifiers/vietqr.ts';
import { queryRows } from '../../src/store/connection.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;
let analyst: Session;
let platformUser: Session;
let writerKey: string;
let lookupKey: string;

const NARRATIVE = 'Họ gọi từ số 0912 345 678 nói là nhân viên ngân hàng, bảo tôi chuyển tiền vào tài khoản để xác minh.';

function body(over: Record<string, unknown> = {}) {
  return { category: 'impersonating_bank', narrative: NARRATIVE, amountLostVnd: 5_000_000, paymentMethod: 'bank_transfer', identifiers: ['https://vcb-xacminh.top/login', 'fb.com/scam.page.123'], ...over };
}

async function multipart(report: unknown, files: { name: string; bytes: Buffer; type?: string }[]) {
  const form = new FormData();
  form.append('report', JSON.stringify(report));
  for (const f of files) form.append('evidence', new Blob([f.bytes], { type: f.type ?? 'application/octet-stream' }), f.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } };
}

async function png(color: { r: number; g: number; b: number }, size = 32): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 3, background: color } }).png().toBuffer();
}

async function count(table: string): Promise<number> {
  const rows = await queryRows<{ n: number | string }>(server.database.db, sql.raw(`select count(*) as n from ${table}`));
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  server = await startTestServer();
  users = await seedUsers(server.database);
  analyst = await signInAs(server.app, users.analyst.email);
  platformUser = await signInAs(server.app, users.platform_operator.email);
  const caller = systemCaller('test');
  writerKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['bank-a']!, name: 'reports', scopes: ['reports:write'] })).key;
  lookupKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['bank-a']!, name: 'lookups', scopes: ['lookup'] })).key;
});

afterAll(async () => {
  await server.close();
});

describe('POST /api/v1/reports — channels', () => {
  it('audits a report in two records: report.submitted holds the identifiers it listed, with their reasons, then its case', async () => {
    const suffix = String(Date.now() % 10_000_000).padStart(7, '0');
    const identifiers = [`039${suffix}`, `https://audit-${suffix}.example/pay`];
    const first = (await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body({ narrative: 'Người bán chặn liên lạc sau khi nhận tiền cọc.', identifiers }) })).json();
    const records = await queryRows<{ action: string; subject_type: string; subject_id: string; after: Record<string, unknown> }>(
      server.database.db,
      sql`select action, subject_type, subject_id, after from audit_log where subject_id = ${first.id} or after->>'reportId' = ${first.id} order by seq`,
    );
    expect(records.map((r) => r.action)).toEqual(['report.submitted', 'case.created']);
    const listed = records[0]!.after.listed as { indicatorId: string; indicator: string; before: unknown; after: { verdict: string; confidence: number; reasons: { ground: string; decidedBy: { rule: string }; sourceType: string } } }[];
    expect(listed.map((l) => l.indicator).sort()).toEqual(first.identifiers.map((i: { indicator: string }) => i.indicator).sort());
    for (const l of listed) {
      expect(l.before).toBeNull();
      expect(l.after).toMatchObject({ verdict: 'suspected', reasons: { ground: 'impersonating_bank', decidedBy: { rule: 'first_report' }, sourceType: 'citizen' } });
    }
    // No separate listing records for these identifiers; their verdict history still has each listing.
    const ids = `{${listed.map((l) => l.indicatorId).join(',')}}`;
    const separate = await queryRows<{ n: number | string }>(server.database.db, sql`select count(*) as n from audit_log where subject_type = 'indicator' and subject_id = any(${ids}::text[])`);
    expect(Number(separate[0]!.n)).toBe(0);
    const history = await queryRows<{ n: number | string }>(server.database.db, sql`select count(*) as n from verdict_changes where indicator_id = any(${ids}::uuid[]) and to_verdict = 'suspected'`);
    expect(Number(history[0]!.n)).toBe(listed.length);

    // A second report naming them lists nothing: they are suspected already.
    const second = (await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body({ narrative: 'Tôi cũng bị lừa bởi trang này.', identifiers }) })).json();
    const [again] = await queryRows<{ after: { listed: unknown[] } }>(server.database.db, sql`select after from audit_log where subject_id = ${second.id} and action = 'report.submitted'`);
    expect(again!.after.listed).toEqual([]);
    const verified = await server.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: (await signInAs(server.app, users.admin.email)).headers });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().ok).toBe(true);
  });

  it('takes an anonymous report, canonicalizes and extracts identifiers, and makes them suspected', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body() });
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json();
    expect(receipt.trackingCode).toMatch(/^CG-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(receipt.status).toBe('received');
    expect(receipt.nextSteps.vi).toBeTruthy();
    const indicators = receipt.identifiers.map((i: { indicator: string }) => i.indicator);
    expect(indicators).toContain('phone:+84912345678');
    expect(receipt.identifiers.find((i: { indicator: string }) => i.indicator === 'phone:+84912345678').extracted).toBe(true);
    expect(indicators.some((i: string) => i === 'url:https://vcb-xacminh.top/login')).toBe(true);
    expect(indicators.some((i: string) => i.startsWith('fb:'))).toBe(true);

    const detail = (await server.app.inject({ method: 'GET', url: `/api/v1/reports/${receipt.id}`, headers: analyst.headers })).json();
    expect(detail.channel).toBe('public');
    expect(detail.caseId).toBeTruthy();
    expect(detail.identifiers.every((i: { verdict: string }) => i.verdict === 'suspected')).toBe(true);
  });

  it('a second report naming the same identifier joins the same case', async () => {
    const a = (await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body({ identifiers: ['0987 654 321'], narrative: 'Một người lạ gọi điện đòi tiền.' }) })).json();
    const b = (await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body({ identifiers: ['+84987654321'], narrative: 'Cũng số đó gọi cho tôi hôm qua.' }) })).json();
    const [da, db] = await Promise.all(
      [a, b].map(async (r) => (await server.app.inject({ method: 'GET', url: `/api/v1/reports/${r.id}`, headers: analyst.headers })).json()),
    );
    expect(da.caseId).toBeTruthy();
    expect(db.caseId).toBe(da.caseId);
  });

  it('agency staff report with their session and need the CSRF token', async () => {
    const noCsrf = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body(), headers: { cookie: analyst.cookie } });
    expectProblem(noCsrf, 403);
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body(), headers: analyst.headers });
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await server.app.inject({ method: 'GET', url: `/api/v1/reports/${res.json().id}`, headers: analyst.headers })).json();
    expect(detail.channel).toBe('agency');
  });

  it('partners report with an API key holding reports:write, not with another scope', async () => {
    const ok = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body(), headers: { authorization: `Bearer ${writerKey}` } });
    expect(ok.statusCode, ok.body).toBe(201);
    const own = (await server.app.inject({ method: 'GET', url: `/api/v1/reports/${ok.json().id}`, headers: { authorization: `Bearer ${writerKey}` } })).json();
    expect(own.channel).toBe('partner');
    const refused = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body(), headers: { authorization: `Bearer ${lookupKey}` } });
    expectProblem(refused, 403);
    const badKey = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body(), headers: { authorization: 'Bearer cg_00000000_nope' } });
    expectProblem(badKey, 401);
  });

  it("a platform's user reports as the platform and sees only its own reports", async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body(), headers: platformUser.headers });
    expect(res.statusCode, res.body).toBe(201);
    const own = await server.app.inject({ method: 'GET', url: `/api/v1/reports/${res.json().id}`, headers: platformUser.headers });
    expect(own.json().channel).toBe('platform');
    const publicReport = (await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body() })).json();
    expectProblem(await server.app.inject({ method: 'GET', url: `/api/v1/reports/${publicReport.id}`, headers: platformUser.headers }), 404);
    expectProblem(await server.app.inject({ method: 'GET', url: `/api/v1/reports/${publicReport.id}`, headers: { authorization: `Bearer ${writerKey}` } }), 404);
  });

  it('the report queue is for agency staff only', async () => {
    const list = await server.app.inject({ method: 'GET', url: '/api/v1/reports?limit=2&channel=public', headers: analyst.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(2);
    expect(list.json().items.every((r: { channel: string }) => r.channel === 'public')).toBe(true);
    const next = await server.app.inject({ method: 'GET', url: `/api/v1/reports?limit=2&channel=public&cursor=${list.json().nextCursor}`, headers: analyst.headers });
    expect(next.json().items[0].id).not.toBe(list.json().items[0].id);
    expectProblem(await server.app.inject({ method: 'GET', url: '/api/v1/reports', headers: platformUser.headers }), 403);
    expectProblem(await server.app.inject({ method: 'GET', url: '/api/v1/reports', headers: { authorization: `Bearer ${writerKey}` } }), 403);
    expectProblem(await server.app.inject({ method: 'GET', url: '/api/v1/reports' }), 401);
  });
});

describe('verified legitimate identifiers', () => {
  it('are never listed by a report: a review is opened and the report keeps its other identifiers', async () => {
    await registerLegitimate(server.database.db, systemCaller('test'), { value: '1900 545 413', ownerName: 'Vietcombank hotline', category: 'bank' });
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body({ identifiers: ['1900 545 413', '0977 000 111'], narrative: 'Kẻ gian giả danh tổng đài ngân hàng.' }) });
    expect(res.statusCode, res.body).toBe(201);
    const indicators = res.json().identifiers.map((i: { indicator: string }) => i.indicator);
    expect(indicators).toContain('phone:+84977000111');
    expect(indicators.some((i: string) => i.includes('1900545413'))).toBe(false);
    const reviews = await queryRows<{ reason: string }>(server.database.db, sql`select reason from indicator_reviews where indicator like '%1900545413%'`);
    expect(reviews.map((r) => r.reason)).toContain('legitimate_conflict');
  });
});

describe('bad input', () => {
  it('answers every bad identifier per field and stores nothing', async () => {
    const before = await count('reports');
    const indicatorsBefore = await count('indicators');
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body({ identifiers: ['0912 345 679', '12345', 'hxxp://[bad', '0911111112'] }) });
    const problem = expectProblem(res, 400);
    const fields = problem.errors!.map((e) => e.field);
    expect(fields).toContain('/identifiers/1');
    expect(fields).not.toContain('/identifiers/0');
    expect(problem.errors!.every((e) => e.message.length > 0 && (e as { code?: string }).code)).toBe(true);
    expect(await count('reports')).toBe(before);
    expect(await count('indicators')).toBe(indicatorsBefore);
  });

  it('answers schema errors per field', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body({ category: 'nope', amountLostVnd: -5, paymentMethod: 'barter' }) });
    const fields = expectProblem(res, 400).errors!.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['/category', '/amountLostVnd', '/paymentMethod']));
    const future = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body({ occurredAt: '2999-01-01T00:00:00Z' }) });
    expect(expectProblem(future, 400).errors![0]!.field).toBe('/occurredAt');
  });
});

describe('evidence', () => {
  it('sniffs the type from the bytes: a PNG named .pdf is a PNG, an .exe named .jpg is refused', async () => {
    const image = await png({ r: 200, g: 10, b: 10 });
    const ok = await server.app.inject({ method: 'POST', url: '/api/v1/reports', ...(await multipart(body(), [{ name: 'invoice.pdf', bytes: image, type: 'application/pdf' }])) });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().evidence[0].mediaType).toBe('image/png');

    const exe = Buffer.alloc(2048);
    exe.write('MZ', 0);
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write('PE\0\0', 0x80, 'binary');
    const before = await count('reports');
    const refused = await server.app.inject({ method: 'POST', url: '/api/v1/reports', ...(await multipart(body(), [{ name: 'photo.jpg', bytes: exe, type: 'image/jpeg' }])) });
    expect(expectProblem(refused, 415).errors![0]!.field).toBe('/evidence/0');
    const text = await server.app.inject({ method: 'POST', url: '/api/v1/reports', ...(await multipart(body(), [{ name: 'a.png', bytes: Buffer.from('just text, no image'), type: 'image/png' }])) });
    expectProblem(text, 415);
    expect(await count('reports')).toBe(before);
  });

  it('takes PDFs and WebP images', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const webp = await sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 1, g: 2, b: 3 } } }).webp().toBuffer();
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/reports', ...(await multipart(body(), [{ name: 'bank.pdf', bytes: pdf }, { name: 'chat.webp', bytes: webp }])) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().evidence.map((e: { mediaType: string }) => e.mediaType)).toEqual(['application/pdf', 'image/webp']);
  });

  it('answers 413 for a file over 10 MB and for more than 10 files', async () => {
    const big = Buffer.concat([await png({ r: 0, g: 0, b: 0 }), Buffer.alloc(10 * 1024 * 1024)]);
    expectProblem(await server.app.inject({ method: 'POST', url: '/api/v1/reports', ...(await multipart(body(), [{ name: 'big.png', bytes: big }])) }), 413);
    const small = await png({ r: 1, g: 1, b: 1 }, 8);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `${i}.png`, bytes: small }));
    expectProblem(await server.app.inject({ method: 'POST', url: '/api/v1/reports', ...(await multipart(body(), eleven)) }), 413);
  });

  it('strips EXIF with the GPS position from photos', async () => {
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 30, g: 90, b: 200 } } })
      .jpeg()
      .withExif({ IFD0: { Make: 'SecretPhone', Artist: 'Nguyen Van A' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 0/1' } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    expect(photo.includes(Buffer.from('SecretPhone'))).toBe(true);
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/reports', ...(await multipart(body(), [{ name: 'IMG_0001.jpg', bytes: photo }])) });
    expect(res.statusCode, res.body).toBe(201);
    const sha = res.json().evidence[0].sha256;
    const file = await server.app.inject({ method: 'GET', url: `/api/v1/evidence/${sha}`, headers: analyst.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    const stored = file.rawPayload;
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(stored.includes(Buffer.from('SecretPhone'))).toBe(false);
    expect(stored.includes(Buffer.from('GPS'))).toBe(false);
    expect(meta.width).toBe(64);
  });

  it('stores identical files once, and serves them to agency staff only', async () => {
    const image = await png({ r: 5, g: 250, b: 5 });
    const filesBefore = await count('evidence_files');
    const a = await server.app.inject({ method: 'POST', url: '/api/v1/reports', ...(await multipart(body(), [{ name: 'a.png', bytes: image }, { name: 'b.png', bytes: image }])) });
    const b = await server.app.inject({ method: 'POST', url: '/api/v1/reports', ...(await multipart(body(), [{ name: 'c.png', bytes: image }])) });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    const sha = b.json().evidence[0].sha256;
    expect(a.json().evidence.map((e: { sha256: string }) => e.sha256)).toEqual([sha, sha]);
    expect(await count('evidence_files')).toBe(filesBefore + 1);
    expectProblem(await server.app.inject({ method: 'GET', url: `/api/v1/evidence/${sha}`, headers: platformUser.headers }), 403);
    expectProblem(await server.app.inject({ method: 'GET', url: `/api/v1/evidence/${sha}`, headers: { authorization: `Bearer ${writerKey}` } }), 403);
    expectProblem(await server.app.inject({ method: 'GET', url: `/api/v1/evidence/${sha}` }), 401);
    expectProblem(await server.app.inject({ method: 'GET', url: `/api/v1/evidence/${'0'.repeat(64)}`, headers: analyst.headers }), 404);
  });

  it('reads the bank account in a VietQR image', async () => {
    const payload = buildVietQrPayload({ bin: '970436', account: '0011004567890', amount: 2_000_000, message: 'dat coc' });
    const qr = await QRCode.toBuffer(payload, { type: 'png', margin: 4, scale: 6 });
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/reports', ...(await multipart(body({ identifiers: [] }), [{ name: 'qr.png', bytes: qr }])) });
    expect(res.statusCode, res.body).toBe(201);
    const bank = res.json().identifiers.find((i: { indicator: string }) => i.indicator === 'bank:970436:0011004567890');
    expect(bank).toMatchObject({ kind: 'bank', extracted: true });
  });
});

describe('idempotency', () => {
  it('a retry with the same key and body gets the same answer; another body gets 422', async () => {
    const before = await count('reports');
    const first = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body(), headers: { 'idempotency-key': 'retry-1' } });
    const again = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body(), headers: { 'idempotency-key': 'retry-1' } });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count('reports')).toBe(before + 1);
    expectProblem(await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body({ amountLostVnd: 1 }), headers: { 'idempotency-key': 'retry-1' } }), 422);
    // The key belongs to its sender: the same key from a partner is a new report.
    const other = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body(), headers: { 'idempotency-key': 'retry-1', authorization: `Bearer ${writerKey}` } });
    expect(other.json().trackingCode).not.toBe(first.json().trackingCode);
  });

  it('concurrent retries with one key store one report', async () => {
    const before = await count('reports');
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body({ identifiers: ['0933 111 222'] }), headers: { 'idempotency-key': 'race-1' } })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.json().trackingCode)).size).toBe(1);
    expect(await count('reports')).toBe(before + 1);
  });
});

describe('privacy and tracking', () => {
  const contact = { name: 'Trần Thị B', email: 'tran.b@example.vn', phone: '0901 234 567' };
  let receipt: { id: string; trackingCode: string };

  beforeAll(async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body({ contact, consentToContact: true, locale: 'en' }) });
    receipt = res.json();
  });

  it('encrypts contact details at rest and shows them to agency staff only', async () => {
    const rows = await queryRows<Record<string, unknown>>(server.database.db, sql`select * from reports where id = ${receipt.id}`);
    const raw = JSON.stringify(rows[0]);
    expect(raw).not.toContain('tran.b@example.vn');
    expect(raw).not.toContain('0901 234 567');
    expect(raw).not.toContain('Trần Thị B');
    expect(String(rows[0]!.reporter_contact_encrypted)).toMatch(/^v1\./);
    const agency = (await server.app.inject({ method: 'GET', url: `/api/v1/reports/${receipt.id}`, headers: analyst.headers })).json();
    expect(agency.contact).toEqual(contact);
    const audit = await queryRows<Record<string, unknown>>(server.database.db, sql`select * from audit_log where subject_id = ${receipt.id}`);
    expect(JSON.stringify(audit)).not.toContain('tran.b@example.vn');
  });

  it('never shows contact details to the platform or partner that submitted a report', async () => {
    for (const headers of [platformUser.headers, { authorization: `Bearer ${writerKey}` }]) {
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body({ contact }), headers });
      const detail = await server.app.inject({ method: 'GET', url: `/api/v1/reports/${res.json().id}`, headers });
      expect(detail.statusCode).toBe(200);
      expect(detail.json().contact).toBeNull();
      expect(detail.body).not.toContain('tran.b@example.vn');
      expect(detail.json().evidence.every((e: { url: string | null }) => e.url === null)).toBe(true);
    }
  });

  it('the tracking page shows the steps and no personal data, and the reporter is e-mailed', async () => {
    const code = receipt.trackingCode;
    const track = await server.app.inject({ method: 'GET', url: `/api/v1/reports/track/${code.toLowerCase().replace(/-/g, '')}` });
    expect(track.statusCode).toBe(200);
    expect(track.json()).toMatchObject({ trackingCode: code, status: 'received', steps: [{ status: 'received' }] });
    for (const secret of ['tran.b@example.vn', 'Trần', '0901', NARRATIVE.slice(0, 20), 'vcb-xacminh', receipt.id]) expect(track.body).not.toContain(secret);

    await server.database.db.transaction(async (tx) => {
      await reportStatusChanged(tx, { reportId: receipt.id }, { status: 'under_review' });
      await reportStatusChanged(tx, { reportId: receipt.id }, { status: 'platform_acted', outcome: { vi: 'Nền tảng đã gỡ trang.', en: 'The platform removed the page.' } });
      // Backwards is ignored.
      await reportStatusChanged(tx, { reportId: receipt.id }, { status: 'verified' });
    });
    const after = (await server.app.inject({ method: 'GET', url: `/api/v1/reports/track/${code}` })).json();
    expect(after.status).toBe('platform_acted');
    expect(after.steps.map((s: { status: string }) => s.status)).toEqual(['received', 'under_review', 'platform_acted']);
    expect(after.steps[2].outcome.en).toBe('The platform removed the page.');
    const mails = await queryRows<{ payload: { toEncrypted: string; subject: string; text: string } }>(server.database.db, sql`select payload from outbox where topic = 'email.send' order by id`);
    // The address is encrypted in the outbox table as well.
    expect(JSON.stringify(mails)).not.toContain('tran.b@example.vn');
    const mine = mails.filter((m) => m.payload.toEncrypted && piiCipher().decrypt(m.payload.toEncrypted) === 'tran.b@example.vn');
    expect(mine).toHaveLength(2);
    expect(mine[1]!.payload.text).toContain('The platform removed the page.');
    expectProblem(await server.app.inject({ method: 'GET', url: '/api/v1/reports/track/CG-00000-00000' }), 404);
  });
});

describe('OpenAPI', () => {
  it('documents the report routes, JSON and multipart, with their access rules', async () => {
    const doc = (await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const post = doc.paths['/api/v1/reports'].post;
    expect(Object.keys(post.requestBody.content)).toEqual(expect.arrayContaining(['application/json', 'multipart/form-data']));
    expect(post.description).toContain('Idempotency-Key');
    expect(doc.paths['/api/v1/reports/track/{code}'].get.description).toContain('Access: public.');
    expect(doc.paths['/api/v1/evidence/{sha256}'].get.description).toContain('admin, supervisor, analyst');
  });
});
