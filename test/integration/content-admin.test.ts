import { and, eq } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/app/audit.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { importArticles } from '../../src/app/content-import.ts';
import type { Role } from '../../src/domain/auth/roles.ts';
import { auditLog } from '../../src/store/schema.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let sessions: Record<Role, Session>;
const db = () => server.database.db;

type Method = 'GET' | 'POST' | 'PUT';
const call = (role: Role | null, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  server.app.inject({ method, url, payload: payload as object | undefined, headers: { ...(role ? sessions[role].headers : {}), ...headers } });

const text = (title: string, body = `Nội dung **${title}**.`) => ({ title, summary: `Tóm tắt: ${title}`, bodyMarkdown: body });

beforeAll(async () => {
  server = await startTestServer({ PUBLIC_URL: 'https://canhgiac.test' });
  const users = await seedUsers(server.database);
  sessions = {} as Record<Role, Session>;
  for (const role of ['admin', 'supervisor', 'analyst', 'platform_operator', 'partner_admin'] as Role[]) sessions[role] = await signInAs(server.app, users[role].email);
  await importArticles(db(), systemCaller('test'));
});
afterAll(async () => server?.close());

describe('who may read and edit content', () => {
  it('answers 401 to anonymous callers and 403 to partners and platforms on every route; analysts read but do not write', async () => {
    const created = (await call('supervisor', 'POST', '/api/v1/content/alerts', { fraudTypes: ['loan'], translations: { vi: text('Quyền') } })).json();
    const reads: [Method, string, unknown?][] = [
      ['GET', '/api/v1/content/articles'],
      ['GET', '/api/v1/content/articles/fake-investment'],
      ['GET', '/api/v1/content/alerts'],
      ['GET', `/api/v1/content/alerts/${created.id}`],
      ['POST', '/api/v1/content/preview', { markdown: '# x' }],
    ];
    const writes: [Method, string, unknown?][] = [
      ['POST', '/api/v1/content/articles', { slug: 'new-one', fraudType: 'loan', translations: { vi: text('x') } }],
      ['PUT', '/api/v1/content/articles/fake-investment', { version: 1, fraudType: 'investment', translations: {} }],
      ['POST', '/api/v1/content/articles/fake-investment/publish', { version: 1 }],
      ['POST', '/api/v1/content/articles/fake-investment/schedule', { version: 1, publishAt: '2030-01-01T00:00:00Z' }],
      ['POST', '/api/v1/content/articles/fake-investment/unpublish', { version: 1, reason: 'x' }],
      ['POST', '/api/v1/content/alerts', { fraudTypes: [], translations: { vi: text('x') } }],
      ['PUT', `/api/v1/content/alerts/${created.id}`, { version: 1, fraudTypes: [], translations: {} }],
      ['POST', `/api/v1/content/alerts/${created.id}/publish`, { version: 1 }],
      ['POST', `/api/v1/content/alerts/${created.id}/schedule`, { version: 1, publishAt: '2030-01-01T00:00:00Z' }],
      ['POST', `/api/v1/content/alerts/${created.id}/unpublish`, { version: 1, reason: 'x' }],
    ];
    for (const [method, url, payload] of [...reads, ...writes]) {
      expectProblem(await call(null, method, url, payload), 401);
      expectProblem(await call('platform_operator', method, url, payload), 403);
      expectProblem(await call('partner_admin', method, url, payload), 403);
    }
    for (const [method, url, payload] of reads) expect((await call('analyst', method, url, payload)).statusCode).toBe(200);
    for (const [method, url, payload] of writes) expectProblem(await call('analyst', method, url, payload), 403);
    // Nothing was changed by the refused writes.
    expect((await call('admin', 'GET', `/api/v1/content/alerts/${created.id}`)).json()).toMatchObject({ version: 1, status: 'draft', fraudTypes: ['loan'] });
  });
});

describe('articles', () => {
  it('lists every article with status and languages, and filters by status and completeness', async () => {
    const all = (await call('supervisor', 'GET', '/api/v1/content/articles')).json().items;
    const investment = all.find((a: { slug: string }) => a.slug === 'fake-investment');
    expect(investment).toMatchObject({ kind: 'article', fraudType: 'investment', status: 'published', live: true, languages: ['vi', 'en'], version: 1 });
    expect(investment.translations.en.title).toBe('Investment scams (trading, crypto, stocks)');
    expect(investment.translations.en.bodyMarkdown).toBeUndefined();
    await call('supervisor', 'POST', '/api/v1/content/articles', { slug: 'half-written', fraudType: 'loan', translations: { vi: text('Chỉ tiếng Việt') } });
    const incomplete = (await call('supervisor', 'GET', '/api/v1/content/articles?complete=false')).json().items.map((a: { slug: string }) => a.slug);
    expect(incomplete).toEqual(['half-written']);
    const drafts = (await call('supervisor', 'GET', '/api/v1/content/articles?status=draft')).json().items.map((a: { slug: string }) => a.slug);
    expect(drafts).toEqual(['half-written']);
  });

  it('creates a draft with a valid, free slug; refuses bad slugs and fraud types per field, storing nothing', async () => {
    const res = await call('supervisor', 'POST', '/api/v1/content/articles', { slug: 'sim-swap-scams', fraudType: 'impersonating_authorities', translations: { vi: text('Tráo SIM'), en: text('SIM swap') } });
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({ slug: 'sim-swap-scams', status: 'draft', live: false, version: 1, languages: ['vi', 'en'] });
    expect(res.json().translations.vi.bodyMarkdown).toBe('Nội dung **Tráo SIM**.');

    const taken = expectProblem(await call('supervisor', 'POST', '/api/v1/content/articles', { slug: 'sim-swap-scams', fraudType: 'loan', translations: { vi: text('x') } }), 409);
    expect(taken.errors?.[0]?.field).toBe('/slug');
    for (const slug of ['Lừa-đảo', 'UPPER', 'double--hyphen', '-leading', 'trailing-', 'a b', 'ab']) {
      const bad = expectProblem(await call('supervisor', 'POST', '/api/v1/content/articles', { slug, fraudType: 'nope', translations: { vi: text('x'), en: { title: '', summary: 's', bodyMarkdown: 'b' } } }), 400);
      expect(bad.errors?.map((e) => e.field)).toEqual(['/slug', '/fraudType', '/translations/en/title']);
    }
    expectProblem(await call('supervisor', 'POST', '/api/v1/content/articles', { slug: 'no-text', fraudType: 'loan', translations: { vi: text(''), en: { title: '', summary: '', bodyMarkdown: '' } } }), 400);
    const slugs = (await call('supervisor', 'GET', '/api/v1/content/articles')).json().items.map((a: { slug: string }) => a.slug);
    expect(slugs).not.toContain('no-text');
    expect(slugs.filter((s: string) => s === 'sim-swap-scams')).toHaveLength(1);
  });

  it('edits with optimistic concurrency: a stale version is a 409, a stale If-Match a 412; the import keeps the edit', async () => {
    const loaded = (await call('supervisor', 'GET', '/api/v1/content/articles/fake-investment')).json();
    expect(loaded.translations.vi.bodyMarkdown).toContain('## Dấu hiệu nhận biết');
    const edit = { version: loaded.version, fraudType: 'investment', translations: { vi: { ...loaded.translations.vi, bodyMarkdown: `${loaded.translations.vi.bodyMarkdown}\n\nĐã cập nhật.` }, en: loaded.translations.en } };
    delete edit.translations.vi.updatedAt;
    delete edit.translations.en.updatedAt;
    const first = await call('supervisor', 'PUT', '/api/v1/content/articles/fake-investment', edit, { 'if-match': `"${loaded.version}"` });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(loaded.version + 1);
    expect(first.headers.etag).toBe(`"${loaded.version + 1}"`);

    const stale = expectProblem(await call('admin', 'PUT', '/api/v1/content/articles/fake-investment', edit), 409);
    expect(stale.errors?.[0]).toMatchObject({ field: '/version', code: 'stale' });
    expectProblem(await call('admin', 'PUT', '/api/v1/content/articles/fake-investment', { ...edit, version: loaded.version + 1 }, { 'if-match': `W/"${loaded.version}"` }), 412);

    const html = (await call(null, 'GET', '/api/v1/public/articles/fake-investment')).json().html;
    expect(html).toContain('Đã cập nhật.');
    // The English text did not change, so it still follows the repository file; the Vietnamese edit is kept by a new import.
    await importArticles(db(), systemCaller('test'));
    expect((await call(null, 'GET', '/api/v1/public/articles/fake-investment')).json().html).toContain('Đã cập nhật.');
  });

  it('needs both languages to publish, schedules for later, publishes now and unpublishes with a reason', async () => {
    const half = (await call('supervisor', 'GET', '/api/v1/content/articles/half-written')).json();
    const missing = expectProblem(await call('supervisor', 'POST', '/api/v1/content/articles/half-written/publish', { version: half.version }), 422);
    expect(missing.errors).toEqual([expect.objectContaining({ field: '/translations/en', code: 'language_missing' })]);

    const article = (await call('supervisor', 'GET', '/api/v1/content/articles/sim-swap-scams')).json();
    expectProblem(await call('supervisor', 'POST', '/api/v1/content/articles/sim-swap-scams/schedule', { version: article.version, publishAt: '2020-01-01T00:00:00Z' }), 400);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = (await call('supervisor', 'POST', '/api/v1/content/articles/sim-swap-scams/schedule', { version: article.version, publishAt: at })).json();
    expect(scheduled).toMatchObject({ status: 'scheduled', live: false, publishAt: at });
    expectProblem(await call(null, 'GET', '/api/v1/public/articles/sim-swap-scams'), 404);

    const published = (await call('supervisor', 'POST', '/api/v1/content/articles/sim-swap-scams/publish', { version: scheduled.version })).json();
    expect(published).toMatchObject({ status: 'published', live: true });
    expect((await call(null, 'GET', '/api/v1/public/articles/sim-swap-scams?lang=en')).json()).toMatchObject({ title: 'SIM swap', lang: 'en' });

    const noReason = expectProblem(await call('supervisor', 'POST', '/api/v1/content/articles/sim-swap-scams/unpublish', { version: published.version, reason: '  ' }), 400);
    expect(noReason.errors?.[0]?.field).toBe('/reason');
    const unpublished = (await call('supervisor', 'POST', '/api/v1/content/articles/sim-swap-scams/unpublish', { version: published.version, reason: 'Cần rà soát lại' })).json();
    expect(unpublished).toMatchObject({ status: 'unpublished', live: false, statusReason: 'Cần rà soát lại' });
    expectProblem(await call(null, 'GET', '/api/v1/public/articles/sim-swap-scams'), 404);
    expectProblem(await call('supervisor', 'POST', '/api/v1/content/articles/sim-swap-scams/unpublish', { version: unpublished.version, reason: 'again' }), 409);

    const audit = await db().select().from(auditLog).where(and(eq(auditLog.subjectType, 'article'), eq(auditLog.subjectId, article.id)));
    expect(audit.map((a) => a.action)).toEqual(['article.created', 'article.scheduled', 'article.published', 'article.unpublished']);
    expect(audit.at(-1)!.after).toMatchObject({ status: 'unpublished', reason: 'Cần rà soát lại' });
  });
});

describe('alerts', () => {
  it('goes from draft to scheduled to published to unpublished, and the public list and the Atom feed follow', async () => {
    const created = await call('supervisor', 'POST', '/api/v1/content/alerts', { fraudTypes: ['impersonating_authorities'], translations: { vi: text('Giả danh công an'), en: text('Fake police calls') } });
    expect(created.statusCode).toBe(201);
    const alert = created.json();
    expect(alert).toMatchObject({ kind: 'alert', status: 'draft', languages: ['vi', 'en'], fraudTypes: ['impersonating_authorities'] });
    const publicIds = async () => (await call(null, 'GET', '/api/v1/public/alerts?lang=en')).json().items.map((a: { id: string }) => a.id);
    const atomIds = async () => {
      const feed = new XMLParser().parse((await call(null, 'GET', '/alerts.atom')).body).feed;
      return [feed.entry ?? []].flat().map((e: { id: string }) => e.id);
    };
    expect(await publicIds()).not.toContain(alert.id);

    const scheduled = (await call('supervisor', 'POST', `/api/v1/content/alerts/${alert.id}/schedule`, { version: alert.version, publishAt: new Date(Date.now() + 86_400_000).toISOString() })).json();
    expect(scheduled.status).toBe('scheduled');
    expect(await publicIds()).not.toContain(alert.id);
    expect(await atomIds()).not.toContain(`urn:uuid:${alert.id}`);

    const published = (await call('supervisor', 'POST', `/api/v1/content/alerts/${alert.id}/publish`, { version: scheduled.version })).json();
    expect(published.live).toBe(true);
    expect(await publicIds()).toContain(alert.id);
    expect(await atomIds()).toContain(`urn:uuid:${alert.id}`);
    expect((await call('supervisor', 'GET', '/api/v1/content/alerts?status=published')).json().items.map((a: { id: string }) => a.id)).toContain(alert.id);

    const edited = (await call('admin', 'PUT', `/api/v1/content/alerts/${alert.id}`, { version: published.version, fraudTypes: ['impersonating_authorities', 'loan'], translations: { en: text('Fake police calls, updated') } })).json();
    expect(edited).toMatchObject({ fraudTypes: ['impersonating_authorities', 'loan'], languages: ['vi', 'en'] });
    expect((await call(null, 'GET', '/api/v1/public/alerts?lang=en')).json().items.find((a: { id: string }) => a.id === alert.id).title).toBe('Fake police calls, updated');

    await call('supervisor', 'POST', `/api/v1/content/alerts/${alert.id}/unpublish`, { version: edited.version, reason: 'Sai thông tin' });
    expect(await publicIds()).not.toContain(alert.id);
    expect(await atomIds()).not.toContain(`urn:uuid:${alert.id}`);

    const audit = await db().select().from(auditLog).where(and(eq(auditLog.subjectType, 'alert'), eq(auditLog.subjectId, alert.id)));
    expect(audit.map((a) => a.action)).toEqual(['alert.created', 'alert.scheduled', 'alert.published', 'alert.updated', 'alert.unpublished']);
  });

  it('a scheduled alert becomes public when its time comes, with no job to flip it', async () => {
    const alert = (await call('supervisor', 'POST', '/api/v1/content/alerts', { fraudTypes: [], translations: { vi: text('Sắp đăng'), en: text('Soon') } })).json();
    const scheduled = (await call('supervisor', 'POST', `/api/v1/content/alerts/${alert.id}/schedule`, { version: alert.version, publishAt: new Date(Date.now() + 1500).toISOString() })).json();
    expect(scheduled.live).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect((await call(null, 'GET', '/api/v1/public/alerts')).json().items.map((a: { id: string }) => a.id)).toContain(alert.id);
    expect((await call('supervisor', 'GET', `/api/v1/content/alerts/${alert.id}`)).json()).toMatchObject({ status: 'published', live: true });
  });

  it('refuses bad alerts per field and concurrent saves', async () => {
    const bad = expectProblem(await call('supervisor', 'POST', '/api/v1/content/alerts', { fraudTypes: ['loan', 'nope'], translations: { en: { title: 'x', summary: '', bodyMarkdown: 'y' } } }), 400);
    expect(bad.errors?.map((e) => e.field)).toEqual(['/fraudTypes/1', '/translations/en/summary']);
    const alert = (await call('supervisor', 'POST', '/api/v1/content/alerts', { fraudTypes: [], translations: { vi: text('Hai người sửa') } })).json();
    const save = (role: Role) => call(role, 'PUT', `/api/v1/content/alerts/${alert.id}`, { version: alert.version, fraudTypes: [], translations: { vi: text(`Sửa bởi ${role}`) } });
    const answers = await Promise.all([save('supervisor'), save('admin')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expectProblem(await call('supervisor', 'GET', '/api/v1/content/alerts/00000000-0000-4000-8000-000000000000'), 404);
  });
});

describe('preview', () => {
  it('renders with the public pages\' sanitizing renderer', async () => {
    const res = await call('supervisor', 'POST', '/api/v1/content/preview', { markdown: '## Dấu hiệu\n\n<script>alert(1)</script> [x](javascript:alert(1)) [y](https://bank.example)' });
    expect(res.statusCode).toBe(200);
    const { html } = res.json();
    expect(html).toContain('<h2>Dấu hiệu</h2>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it('documents the routes in OpenAPI and keeps the audit chain whole', async () => {
    const doc = (await call(null, 'GET', '/api/v1/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/content/articles/{slug}', '/api/v1/content/alerts/{id}/schedule', '/api/v1/content/preview']));
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});
