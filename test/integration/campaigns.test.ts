import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAlerts } from '../../src/app/alerts.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { importArticles } from '../../src/app/content-import.ts';
import { seedDemoCampaigns } from '../../src/app/seed-campaigns.ts';
import { vietnamDate } from '../../src/domain/campaigns/dates.ts';
import { queryRows } from '../../src/store/connection.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

const PUBLIC_URL = 'https://canhgiac.test';
let server: TestServer;
let webDist: string;
let users: Awaited<ReturnType<typeof seedUsers>>;
let supervisor: Session;
let admin: Session;
let analyst: Session;
let operator: Session;
let partner: Session;

const db = () => server.database.db;
const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });
const send = (method: 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload: unknown) =>
  server.app.inject({ method, url, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });

const today = vietnamDate(new Date());
const daysFrom = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const text = (lang: 'vi' | 'en', title: string) => ({
  title,
  summary: lang === 'vi' ? `Tóm tắt của ${title}` : `Summary of ${title}`,
  body: lang === 'vi' ? `## Vì sao\n\nĐừng **chuyển tiền** trước.` : `## Why\n\nNever **pay** first.`,
  tips: [lang === 'vi' ? 'Không bao giờ nạp tiền để nhận việc.' : 'Never pay to get a job.'],
});

const quizItem = (id: string, answer: 'scam' | 'legit', articleSlug?: string) => ({
  id,
  kind: 'message',
  channel: 'Zalo',
  sender: 'Chị Hạnh tuyển dụng',
  answer,
  ...(articleSlug && { articleSlug }),
  vi: { content: `Nội dung ${id}`, signs: ['Hứa thu nhập cao'], explanation: `Giải thích ${id}` },
  en: { content: `Content ${id}`, signs: ['Promises high pay'], explanation: `Explanation ${id}` },
});

function fullCampaign(slug: string, extra: Record<string, unknown> = {}) {
  return {
    slug,
    startsOn: daysFrom(today, -10),
    endsOn: daysFrom(today, 20),
    theme: 'summer',
    fraudTypes: ['job_task'],
    partnerOrganizationIds: [users.orgs['meta']!, users.orgs['bank-a']!],
    articleSlugs: ['task-jobs'],
    vi: text('vi', 'Việc nhẹ lương cao? Dừng lại!'),
    en: text('en', 'Easy job, high pay? Stop!'),
    quiz: [quizItem('q1', 'scam', 'task-jobs'), quizItem('q2', 'legit')],
    ...extra,
  };
}

/** Creates and publishes a campaign through the API; returns its id. */
async function publishedCampaign(slug: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await send('POST', '/api/v1/campaigns', supervisor.headers, fullCampaign(slug, extra));
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const published = await send('PATCH', `/api/v1/campaigns/${id}`, supervisor.headers, { status: 'published' });
  expect(published.statusCode, published.body).toBe(200);
  return id;
}

beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-web-'));
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><html><head><title>Canh Giác</title></head><body><div id="root"></div></body></html>');
  server = await startTestServer({ WEB_DIST: webDist, PUBLIC_URL });
  users = await seedUsers(server.database);
  supervisor = await signInAs(server.app, users.supervisor.email);
  admin = await signInAs(server.app, users.admin.email);
  analyst = await signInAs(server.app, users.analyst.email);
  operator = await signInAs(server.app, users.platform_operator.email);
  partner = await signInAs(server.app, users.partner_admin.email);
  await importArticles(db(), systemCaller('test'));
  await seedDemoAlerts(db(), systemCaller('test'));
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

describe('public campaign pages', () => {
  it('lists and serves a published campaign in Vietnamese by default and English on request', async () => {
    await publishedCampaign('job-scams-test');
    const list = await get('/api/v1/public/campaigns');
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json().items.find((i: { slug: string }) => i.slug === 'job-scams-test');
    expect(item).toMatchObject({ lang: 'vi', title: 'Việc nhẹ lương cao? Dừng lại!', theme: 'summer', active: true, fraudTypes: ['job_task'], cardUrl: '/api/v1/public/campaigns/job-scams-test/card.png?lang=vi' });
    expect(item.partners).toEqual([
      { name: 'Meta', kind: 'platform' },
      { name: 'Bank A', kind: 'bank' },
    ]);
    const en = (await get('/api/v1/public/campaigns/job-scams-test?lang=en')).json();
    expect(en).toMatchObject({ lang: 'en', title: 'Easy job, high pay? Stop!', quizCount: 2, tips: ['Never pay to get a job.'] });
    expect(en.bodyHtml).toContain('<h2>Why</h2>');
    expect(en.articles).toEqual([{ slug: 'task-jobs', title: expect.any(String) }]);
    const quiz = (await get('/api/v1/public/campaigns/job-scams-test/quiz')).json();
    expect(quiz.items.map((i: { id: string }) => i.id)).toEqual(['q1', 'q2']);
    expect(quiz.items[0]).toEqual({ id: 'q1', kind: 'message', channel: 'Zalo', sender: 'Chị Hạnh tuyển dụng', content: 'Nội dung q1', answer: 'scam', signs: ['Hứa thu nhập cao'], explanation: 'Giải thích q1', articleSlug: 'task-jobs' });
  });

  it('answers 404 for unknown, draft, archived or not yet started campaigns, and 400 for a malformed slug or language', async () => {
    expectProblem(await get('/api/v1/public/campaigns/no-such-campaign'), 404);
    const draft = await send('POST', '/api/v1/campaigns', supervisor.headers, fullCampaign('still-a-draft'));
    expect(draft.statusCode).toBe(201);
    for (const url of ['/api/v1/public/campaigns/still-a-draft', '/api/v1/public/campaigns/still-a-draft/quiz']) expectProblem(await get(url), 404);

    const archivedId = await publishedCampaign('archived-one');
    expect((await get('/api/v1/public/campaigns/archived-one')).statusCode).toBe(200);
    expect((await send('PATCH', `/api/v1/campaigns/${archivedId}`, supervisor.headers, { status: 'archived' })).statusCode).toBe(200);
    expectProblem(await get('/api/v1/public/campaigns/archived-one'), 404);

    await publishedCampaign('starts-next-month', { startsOn: daysFrom(today, 30), endsOn: daysFrom(today, 60) });
    expectProblem(await get('/api/v1/public/campaigns/starts-next-month'), 404);
    const slugs = (await get('/api/v1/public/campaigns')).json().items.map((i: { slug: string }) => i.slug);
    expect(slugs).not.toContain('still-a-draft');
    expect(slugs).not.toContain('archived-one');
    expect(slugs).not.toContain('starts-next-month');

    expectProblem(await get('/api/v1/public/campaigns/Not%20A%20Slug'), 400);
    expect(expectProblem(await get('/api/v1/public/campaigns?lang=fr'), 400).errors?.[0]?.field).toMatch(/lang/);
  });

  it('lists active campaigns before past ones', async () => {
    await publishedCampaign('ended-last-year', { startsOn: daysFrom(today, -400), endsOn: daysFrom(today, -330) });
    const items = (await get('/api/v1/public/campaigns')).json().items as { slug: string; active: boolean }[];
    const firstPast = items.findIndex((i) => !i.active);
    expect(firstPast).toBeGreaterThan(0);
    expect(items.slice(firstPast).every((i) => !i.active)).toBe(true);
    expect(items.find((i) => i.slug === 'ended-last-year')?.active).toBe(false);
  });
});

describe('reach events', () => {
  const event = (slug: string, payload: unknown, remoteAddress = '203.0.113.7') =>
    server.app.inject({ method: 'POST', url: `/api/v1/public/campaigns/${slug}/events`, remoteAddress, headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 UniqueAgent/42', cookie: 'tracker=abc123' }, payload: JSON.stringify(payload) });

  it('counts events per day and kind, with the score sums of completed quizzes, and stores nothing about the visitor', async () => {
    const id = await publishedCampaign('counted-campaign');
    for (const body of [{ kind: 'view' }, { kind: 'view' }, { kind: 'quiz_start' }, { kind: 'quiz_complete', score: 9, of: 12 }, { kind: 'quiz_complete', score: 6, of: 12 }, { kind: 'share' }, { kind: 'lookup' }, { kind: 'report' }]) {
      const res = await event('counted-campaign', body);
      expect(res.statusCode, res.body).toBe(202);
      expect(res.json()).toEqual({});
    }
    const rows = await queryRows<Record<string, unknown>>(db(), sql`select row_to_json(c)::text as json from campaign_daily_counts c where campaign_id = ${id}`);
    const stored = rows.map((r) => String(r.json)).join('\n');
    for (const needle of ['203.0.113.7', 'UniqueAgent', 'abc123', 'Mozilla']) expect(stored).not.toContain(needle);
    const columns = await queryRows<{ column_name: string }>(db(), sql`select column_name from information_schema.columns where table_name = 'campaign_daily_counts' order by column_name`);
    expect(columns.map((c) => c.column_name)).toEqual(['campaign_id', 'count', 'day', 'kind', 'of_sum', 'score_sum']);

    const figures = (await get(`/api/v1/campaigns/${id}/figures`, analyst.headers)).json();
    expect(figures.totals).toEqual({ views: 2, quizStarts: 1, quizCompletions: 2, averageScore: 0.625, shares: 1, lookups: 1, reports: 1 });
    const day = figures.days.find((d: { date: string }) => d.date === today);
    expect(day).toMatchObject({ views: 2, quizCompletions: 2, averageScore: 0.625 });
    expect(figures.days[0].date).toBe(daysFrom(today, -10));
    expect(figures.days.at(-1).date).toBe(today);

    const listed = (await get('/api/v1/campaigns', analyst.headers)).json().items.find((c: { id: string }) => c.id === id);
    expect(listed.totals).toMatchObject({ views: 2, quizCompletions: 2 });

    const stats = (await get('/api/v1/public/statistics')).json();
    expect(stats.campaigns.find((c: { slug: string }) => c.slug === 'counted-campaign')).toEqual({
      slug: 'counted-campaign',
      title: 'Việc nhẹ lương cao? Dừng lại!',
      titles: { vi: 'Việc nhẹ lương cao? Dừng lại!', en: 'Easy job, high pay? Stop!' },
      views: 2,
      quizCompletions: 2,
      averageScore: 0.625,
      shares: 1,
      lookups: 1,
      reports: 1,
    });
    expect(stats.campaigns.map((c: { slug: string }) => c.slug)).not.toContain('still-a-draft');
  });

  it('refuses bad events with 400 problem+json per field and counts nothing', async () => {
    const id = await publishedCampaign('strict-events');
    const cases: [unknown, string][] = [
      [{ kind: 'click' }, '/kind'],
      [{}, '/kind'],
      [{ kind: 'quiz_complete' }, ''],
      [{ kind: 'quiz_complete', score: 13, of: 12 }, '/score'],
      [{ kind: 'quiz_complete', score: -1, of: 12 }, '/score'],
      [{ kind: 'quiz_complete', score: 3, of: 51 }, '/of'],
      [{ kind: 'quiz_complete', score: 1.5, of: 2 }, '/score'],
      [{ kind: 'view', score: 3 }, '/score'],
      [{ kind: 'view', ip: '1.2.3.4' }, '/ip'],
    ];
    for (const [body, field] of cases) {
      const problem = expectProblem(await event('strict-events', body), 400);
      expect(problem.errors?.some((e) => e.field.startsWith(field)), `${JSON.stringify(body)}: ${JSON.stringify(problem.errors)}`).toBe(true);
    }
    expectProblem(await event('no-such-campaign', { kind: 'view' }), 404);
    const [row] = await queryRows<{ n: number | string }>(db(), sql`select count(*) as n from campaign_daily_counts where campaign_id = ${id}`);
    expect(Number(row!.n)).toBe(0);
  });

  it('limits events per address', async () => {
    await publishedCampaign('rate-limited');
    let limited = 0;
    for (let i = 0; i < 62; i++) {
      const res = await event('rate-limited', { kind: 'view' }, '198.51.100.23');
      if (res.statusCode === 429) limited++;
      else expect(res.statusCode).toBe(202);
    }
    expect(limited).toBe(2);
    // Another address is not affected.
    expect((await event('rate-limited', { kind: 'view' }, '198.51.100.24')).statusCode).toBe(202);
  });
});

describe('share cards', () => {
  const decode = (body: Buffer) => PNG.sync.read(body);

  it('renders the campaign card as a 1200×630 PNG, cacheable with an ETag', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/public/campaigns/job-scams-test/card.png' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toBe('public, max-age=600');
    const png = decode(res.rawPayload);
    expect([png.width, png.height]).toEqual([1200, 630]);
    if (process.env.CAMPAIGN_CARDS_DIR) fs.writeFileSync(path.join(process.env.CAMPAIGN_CARDS_DIR, 'card-vi.png'), res.rawPayload);
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await server.app.inject({ method: 'GET', url: '/api/v1/public/campaigns/job-scams-test/card.png', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    const en = await server.app.inject({ method: 'GET', url: '/api/v1/public/campaigns/job-scams-test/card.png?lang=en' });
    expect(en.headers.etag).not.toBe(etag);
    expect([decode(en.rawPayload).width, decode(en.rawPayload).height]).toEqual([1200, 630]);
  });

  it('renders a result card, and refuses impossible scores and unknown campaigns', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/public/campaigns/job-scams-test/result-card.png?score=9&of=12&lang=vi' });
    expect(res.statusCode).toBe(200);
    const png = decode(res.rawPayload);
    expect([png.width, png.height]).toEqual([1200, 630]);
    if (process.env.CAMPAIGN_CARDS_DIR) fs.writeFileSync(path.join(process.env.CAMPAIGN_CARDS_DIR, 'result-vi.png'), res.rawPayload);
    expect(expectProblem(await get('/api/v1/public/campaigns/job-scams-test/result-card.png?score=13&of=12'), 400).errors?.[0]?.field).toMatch(/score/);
    expectProblem(await get('/api/v1/public/campaigns/job-scams-test/result-card.png?score=1'), 400);
    expectProblem(await get('/api/v1/public/campaigns/job-scams-test/result-card.png?score=0&of=0'), 400);
    expectProblem(await get('/api/v1/public/campaigns/no-such-campaign/card.png'), 404);
    expectProblem(await get('/api/v1/public/campaigns/still-a-draft/card.png'), 404);
  });
});

describe('Open Graph tags on campaign pages', () => {
  // Attribute values as a browser reads them (only &amp; occurs in these URLs and texts).
  const metas = (html: string) => Object.fromEntries([...html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)" \/>/g)].map((m) => [m[1], m[2]!.replace(/&amp;/g, '&')]));

  it('puts the campaign title, summary, card and address into the head of its pages', async () => {
    const res = await get('/campaigns/job-scams-test');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const tags = metas(res.body);
    expect(tags).toMatchObject({
      'og:title': 'Việc nhẹ lương cao? Dừng lại!',
      'og:type': 'website',
      'og:url': `${PUBLIC_URL}/campaigns/job-scams-test?lang=vi`,
      'og:image': `${PUBLIC_URL}/api/v1/public/campaigns/job-scams-test/card.png?lang=vi`,
      'og:image:width': '1200',
      'og:image:height': '630',
      'twitter:card': 'summary_large_image',
    });
    expect(tags['og:description']).toContain('Tóm tắt');
    expect(res.body).toContain('<title>Việc nhẹ lương cao? Dừng lại! — Canh Giác</title>');
    expect(res.body).toContain('<div id="root"></div>');

    const en = metas((await get('/campaigns/job-scams-test/quiz?lang=en')).body);
    expect(en).toMatchObject({ 'og:title': 'Easy job, high pay? Stop!', 'og:url': `${PUBLIC_URL}/campaigns/job-scams-test/quiz?lang=en` });

    const result = metas((await get('/campaigns/job-scams-test/result?score=9&of=12&lang=en')).body);
    expect(result['og:title']).toBe('I spotted 9 of 12 right — Easy job, high pay? Stop!');
    expect(result['og:image']).toBe(`${PUBLIC_URL}/api/v1/public/campaigns/job-scams-test/result-card.png?score=9&of=12&lang=en`);
    // An impossible score falls back to the campaign's own card.
    expect(metas((await get('/campaigns/job-scams-test/result?score=99&of=12')).body)['og:image']).toContain('/card.png');
  });

  it('escapes what editors wrote', async () => {
    await publishedCampaign('hostile-title', { vi: { ...text('vi', 'Cẩn thận "<script>alert(1)</script>" & $& co'), summary: `Tóm tắt '<b>' "x"` } });
    const res = await get('/campaigns/hostile-title');
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).toContain('content="Cẩn thận &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; $&amp; co"');
    expect(res.body).toContain('content="Tóm tắt &#39;&lt;b&gt;&#39; &quot;x&quot;"');
    expect(res.body).toContain('<title>Cẩn thận &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; $&amp; co — Canh Giác</title>');
  });

  it('leaves unknown campaigns and other pages as they are', async () => {
    const unknown = await get('/campaigns/no-such-campaign');
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).not.toContain('og:title');
    const draft = await get('/campaigns/still-a-draft');
    expect(draft.body).not.toContain('og:title');
    const other = await get('/check');
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('og:');
  });
});

describe('console authoring', () => {
  it('lets supervisors and admins write, analysts read, and refuses other roles and anonymous callers', async () => {
    const created = await send('POST', '/api/v1/campaigns', admin.headers, fullCampaign('roles-check'));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ slug: 'roles-check', status: 'draft', partnerOrganizationIds: [users.orgs['meta'], users.orgs['bank-a']], quiz: [{ id: 'q1' }, { id: 'q2' }] });

    expect((await get(`/api/v1/campaigns/${id}`, analyst.headers)).statusCode).toBe(200);
    expect((await get('/api/v1/campaigns', analyst.headers)).statusCode).toBe(200);
    expectProblem(await send('POST', '/api/v1/campaigns', analyst.headers, fullCampaign('by-analyst')), 403);
    expectProblem(await send('PATCH', `/api/v1/campaigns/${id}`, analyst.headers, { theme: 'tet' }), 403);
    for (const who of [operator, partner]) {
      expectProblem(await get('/api/v1/campaigns', who.headers), 403);
      expectProblem(await get(`/api/v1/campaigns/${id}`, who.headers), 403);
      expectProblem(await get(`/api/v1/campaigns/${id}/figures`, who.headers), 403);
      expectProblem(await send('POST', '/api/v1/campaigns', who.headers, fullCampaign('by-partner')), 403);
      expectProblem(await send('PATCH', `/api/v1/campaigns/${id}`, who.headers, { theme: 'tet' }), 403);
    }
    expectProblem(await get('/api/v1/campaigns'), 401);
    expectProblem(await get(`/api/v1/campaigns/${id}`), 401);
    expectProblem(await get(`/api/v1/campaigns/${id}/figures`), 401);
    expectProblem(await send('POST', '/api/v1/campaigns', {}, fullCampaign('anonymous')), 401);
    expectProblem(await send('PATCH', `/api/v1/campaigns/${id}`, {}, { theme: 'tet' }), 401);
    expectProblem(await get('/api/v1/campaigns/00000000-0000-4000-8000-000000000000', analyst.headers), 404);
  });

  it('validates each field and stores nothing when a field is wrong', async () => {
    const bad = async (body: Record<string, unknown>, field: string) => {
      const problem = expectProblem(await send('POST', '/api/v1/campaigns', supervisor.headers, { ...fullCampaign('invalid-one'), ...body }), 400);
      expect(problem.errors?.map((e) => e.field), JSON.stringify(problem)).toContainEqual(expect.stringMatching(new RegExp(`^${field}`)));
    };
    await bad({ slug: 'Not a slug!' }, '/slug');
    await bad({ startsOn: '2027-02-30' }, '/startsOn');
    await bad({ startsOn: daysFrom(today, 5), endsOn: today }, '/endsOn');
    await bad({ fraudTypes: ['crystal_healing'] }, '/fraudTypes/0');
    await bad({ theme: 'neon' }, '/theme');
    await bad({ articleSlugs: ['no-such-article'] }, '/articleSlugs/0');
    await bad({ alertIds: ['00000000-0000-4000-8000-000000000000'] }, '/alertIds/0');
    await bad({ partnerOrganizationIds: ['00000000-0000-4000-8000-000000000000'] }, '/partnerOrganizationIds/0');
    await bad({ quiz: [quizItem('same', 'scam'), quizItem('same', 'legit')] }, '/quiz/1/id');
    await bad({ quiz: [{ ...quizItem('q1', 'scam'), articleSlug: 'no-such-article' }] }, '/quiz/0/articleSlug');
    await bad({ quiz: [{ ...quizItem('q1', 'scam'), answer: 'maybe' }] }, '/quiz/0/answer');
    const [row] = await queryRows<{ n: number | string }>(db(), sql`select count(*) as n from campaigns where slug = 'invalid-one'`);
    expect(Number(row!.n)).toBe(0);

    // A create retried with the same Idempotency-Key answers the first result and creates nothing more.
    const keyed = { ...supervisor.headers, 'idempotency-key': 'create-once-1' };
    const once = await send('POST', '/api/v1/campaigns', keyed, fullCampaign('created-once'));
    const twice = await send('POST', '/api/v1/campaigns', keyed, fullCampaign('created-once'));
    expect([once.statusCode, twice.statusCode]).toEqual([201, 201]);
    expect(twice.json().id).toBe(once.json().id);

    const first = await send('POST', '/api/v1/campaigns', supervisor.headers, fullCampaign('taken-slug'));
    expect(first.statusCode).toBe(201);
    expectProblem(await send('POST', '/api/v1/campaigns', supervisor.headers, fullCampaign('taken-slug')), 409);
  });

  it('publishes only with both languages complete, changes any subset, replaces the quiz and audits every change', async () => {
    const created = await send('POST', '/api/v1/campaigns', supervisor.headers, { slug: 'half-written', startsOn: today, endsOn: daysFrom(today, 30), theme: 'tet', fraudTypes: ['online_shopping'], vi: text('vi', 'Mua sắm Tết an toàn') });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json().en).toEqual({ title: '', summary: '', body: '', tips: [] });

    const refused = expectProblem(await send('PATCH', `/api/v1/campaigns/${id}`, supervisor.headers, { status: 'published' }), 400);
    const fields = refused.errors!.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['/en/title', '/en/summary', '/en/body', '/en/tips']));
    expect(fields.some((f) => f.startsWith('/vi'))).toBe(false);
    expect((await get(`/api/v1/campaigns/${id}`, analyst.headers)).json().status).toBe('draft');

    const patched = await send('PATCH', `/api/v1/campaigns/${id}`, supervisor.headers, { en: text('en', 'Safe shopping for Tết'), quiz: [quizItem('only-one', 'legit')], status: 'published' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ status: 'published', en: { title: 'Safe shopping for Tết' }, quiz: [{ id: 'only-one' }] });
    expect(patched.json().publishedAt).not.toBeNull();

    const retitled = await send('PATCH', `/api/v1/campaigns/${id}`, supervisor.headers, { vi: { title: 'Tết này mua sắm an toàn' } });
    expect(retitled.json().vi).toMatchObject({ title: 'Tết này mua sắm an toàn', summary: 'Tóm tắt của Mua sắm Tết an toàn' });
    // A published campaign stays complete: emptying a text is refused.
    expectProblem(await send('PATCH', `/api/v1/campaigns/${id}`, supervisor.headers, { en: { title: '' } }), 400);

    const audit = await queryRows<{ action: string }>(db(), sql`select action from audit_log where subject_type = 'campaign' and subject_id = ${id} order by seq`);
    expect(audit.map((a) => a.action)).toEqual(['campaign.created', 'campaign.published', 'campaign.updated']);
  });

  it('refuses a bad figures range', async () => {
    const id = (await get('/api/v1/campaigns', analyst.headers)).json().items[0].id;
    expectProblem(await get(`/api/v1/campaigns/${id}/figures?from=2026-02-30`, analyst.headers), 400);
    expectProblem(await get(`/api/v1/campaigns/${id}/figures?from=2026-03-10&to=2026-03-01`, analyst.headers), 400);
    expectProblem(await get(`/api/v1/campaigns/${id}/figures?from=2020-01-01&to=2026-01-01`, analyst.headers), 400);
    const ok = (await get(`/api/v1/campaigns/${id}/figures?from=2026-03-01&to=2026-03-03`, analyst.headers)).json();
    expect(ok.days.map((d: { date: string }) => d.date)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(ok.totals.averageScore).toBeNull();
  });
});

describe('demo campaigns', () => {
  it('seeds the campaigns of content/campaigns once, published, with 12 quiz items each', async () => {
    expect(await seedDemoCampaigns(db(), systemCaller('test'))).toBe(2);
    expect(await seedDemoCampaigns(db(), systemCaller('test'))).toBe(0);
    for (const slug of ['viec-nhe-luong-cao', 'mua-sam-tet-an-toan']) {
      const quiz = (await get(`/api/v1/public/campaigns/${slug}/quiz?lang=en`)).json();
      expect(quiz.items, slug).toHaveLength(12);
      const page = (await get(`/api/v1/public/campaigns/${slug}`)).json();
      expect(page.partners.map((p: { name: string }) => p.name), slug).toContain('Meta');
      expect(page.articles.length, slug).toBeGreaterThan(0);
    }
  });
});

describe('access rules', () => {
  it('declares the public campaign routes public and the console ones for agency staff', () => {
    const rules = server.app.accessRules.filter((r) => r.url.includes('campaigns'));
    const publicOnes = rules.filter((r) => 'public' in r.access).map((r) => `${r.method} ${r.url}`);
    expect(publicOnes.sort()).toEqual(
      [
        'GET /api/v1/public/campaigns',
        'GET /api/v1/public/campaigns/:slug',
        'GET /api/v1/public/campaigns/:slug/card.png',
        'GET /api/v1/public/campaigns/:slug/quiz',
        'GET /api/v1/public/campaigns/:slug/result-card.png',
        'POST /api/v1/public/campaigns/:slug/events',
        'GET /campaigns/:slug',
        'GET /campaigns/:slug/quiz',
        'GET /campaigns/:slug/result',
      ].sort(),
    );
    for (const r of rules.filter((x) => !('public' in x.access))) {
      expect(r.access, `${r.method} ${r.url}`).toEqual({ roles: r.method === 'GET' ? ['admin', 'supervisor', 'analyst'] : ['admin', 'supervisor'] });
    }
  });
});

describe('API reference', () => {
  it('describes the campaign routes with their access rules, and not the web pages', async () => {
    const res = await get('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, { description?: string; summary?: string }>>;
    for (const p of ['/api/v1/public/campaigns', '/api/v1/public/campaigns/{slug}', '/api/v1/public/campaigns/{slug}/quiz', '/api/v1/public/campaigns/{slug}/events', '/api/v1/public/campaigns/{slug}/card.png', '/api/v1/public/campaigns/{slug}/result-card.png', '/api/v1/campaigns', '/api/v1/campaigns/{id}', '/api/v1/campaigns/{id}/figures']) {
      expect(paths[p], p).toBeDefined();
    }
    expect(paths['/api/v1/campaigns']!.post!.description).toContain('Access: users with role admin, supervisor.');
    expect(paths['/api/v1/campaigns/{id}/figures']!.get!.description).toContain('admin, supervisor, analyst');
    expect(Object.keys(paths).some((p) => p.startsWith('/campaigns'))).toBe(false);
  });
});
