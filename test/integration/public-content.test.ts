import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert, seedDemoAlerts, setAlertStatus } from '../../src/app/alerts.ts';
import { publicArticle, saveArticleTranslation, setArticleStatus } from '../../src/app/articles.ts';
import { verifyAuditChain } from '../../src/app/audit.ts';
import { systemCaller } from '../../src/app/caller.ts';
import type { ArticleFile } from '../../src/app/content-files.ts';
import { importArticles } from '../../src/app/content-import.ts';
import { expectProblem, startTestServer, type TestServer } from '../helpers/server.ts';

const PUBLIC_URL = 'https://canhgiac.test';
let server: TestServer;
let webDist: string;
const caller = systemCaller('test');
const db = () => server.database.db;
const get = (url: string) => server.app.inject({ method: 'GET', url });

function articleFile(key: string, lang: 'vi' | 'en', body: string, extra: Partial<ArticleFile> = {}): ArticleFile {
  return { key, lang, title: `${key} ${lang}`, summary: `About ${key} (${lang})`, body, sha256: `${key}-${lang}-${body.length}`, data: {}, file: `${key}.${lang}.md`, fraudType: 'loan', ...extra };
}

beforeAll(async () => {
  // A built web app, so the index.html fallback is live: the feeds must still be answered by their routes.
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-web-'));
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>web app</title>');
  server = await startTestServer({ WEB_DIST: webDist, PUBLIC_URL });
  await importArticles(db(), caller);
  await seedDemoAlerts(db(), caller);
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

describe('articles', () => {
  it('lists the published library in Vietnamese by default and in English on request, cacheable for a minute', async () => {
    const vi = await get('/api/v1/public/articles');
    expect(vi.statusCode).toBe(200);
    expect(vi.headers['cache-control']).toBe('public, max-age=60');
    const item = vi.json().items.find((i: { slug: string }) => i.slug === 'fake-investment');
    expect(item).toMatchObject({ slug: 'fake-investment', fraudType: 'investment', lang: 'vi', title: 'Lừa đảo đầu tư tài chính, tiền ảo, chứng khoán' });
    expect(Date.parse(item.updatedAt)).not.toBeNaN();
    const types = vi.json().items.map((i: { fraudType: string }) => i.fraudType);
    expect(types.slice(0, 3)).toEqual(['investment', 'job_task', 'impersonating_authorities']);
    expect(types.at(-1)).toBe('other');
    const en = (await get('/api/v1/public/articles?lang=en')).json().items.find((i: { slug: string }) => i.slug === 'fake-investment');
    expect(en).toMatchObject({ lang: 'en', title: 'Investment scams (trading, crypto, stocks)' });
  });

  it('serves one article rendered to HTML with the languages it exists in', async () => {
    const res = await get('/api/v1/public/articles/fake-investment?lang=en');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ slug: 'fake-investment', fraudType: 'investment', lang: 'en', translations: ['vi', 'en'] });
    expect(body.html).toContain('<h2>Warning signs</h2>');
    expect(body.html).toContain('<code>vangso-pro.example</code>');
    expect(body.summary.length).toBeGreaterThan(20);
  });

  it('answers 404 problem+json for an unknown slug and 400 for a malformed slug or language', async () => {
    expect(expectProblem(await get('/api/v1/public/articles/no-such-article'), 404).detail).toMatch(/article/i);
    expectProblem(await get('/api/v1/public/articles/Not%20A%20Slug'), 400);
    expect(expectProblem(await get('/api/v1/public/articles?lang=fr'), 400).errors?.[0]?.field).toMatch(/lang/);
    expectProblem(await get('/api/v1/public/alerts?lang=de'), 400);
    expectProblem(await get('/api/v1/public/alerts?limit=0'), 400);
  });

  it('falls back to Vietnamese when the English version is missing, and says so', async () => {
    await importArticles(db(), caller, [articleFile('only-vietnamese', 'vi', 'Chỉ có *tiếng Việt*.')]);
    const res = await get('/api/v1/public/articles/only-vietnamese?lang=en');
    expect(res.json()).toMatchObject({ lang: 'vi', translations: ['vi'], title: 'only-vietnamese vi' });
    expect(res.json().html).toBe('<p>Chỉ có <em>tiếng Việt</em>.</p>\n');
    const listed = (await get('/api/v1/public/articles?lang=en')).json().items.find((i: { slug: string }) => i.slug === 'only-vietnamese');
    expect(listed).toMatchObject({ lang: 'vi', title: 'only-vietnamese vi' });
  });

  it('escapes raw HTML and refuses script links in the markdown', async () => {
    const body = 'Hello <script>alert(1)</script> <img src=x onerror=alert(2)>\n\n[click](javascript:alert(3)) [ok](https://bank.example/help)\n\n<div onclick="x()">raw</div>';
    await importArticles(db(), caller, [articleFile('hostile-markup', 'vi', body)]);
    const { html } = (await get('/api/v1/public/articles/hostile-markup')).json();
    expect(html).not.toMatch(/<script|<img|<div|href="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;div onclick=&quot;x()&quot;&gt;raw&lt;/div&gt;');
    expect(html).toContain('<a href="https://bank.example/help" rel="noopener noreferrer nofollow">ok</a>');
  });

  it('does not serve unpublished, draft or scheduled articles, and serves a scheduled one once its time has come', async () => {
    await importArticles(db(), caller, [articleFile('to-be-hidden', 'vi', 'Text.'), articleFile('to-be-hidden', 'en', 'Text.')]);
    expect((await get('/api/v1/public/articles/to-be-hidden')).statusCode).toBe(200);

    await setArticleStatus(db(), caller, 'to-be-hidden', { status: 'unpublished' });
    expectProblem(await get('/api/v1/public/articles/to-be-hidden'), 404);
    expectProblem(await get('/api/v1/public/articles/to-be-hidden?lang=en'), 404);
    const slugs = () => get('/api/v1/public/articles').then((r) => r.json().items.map((i: { slug: string }) => i.slug));
    expect(await slugs()).not.toContain('to-be-hidden');

    await setArticleStatus(db(), caller, 'to-be-hidden', { status: 'draft' });
    expectProblem(await get('/api/v1/public/articles/to-be-hidden'), 404);

    const inAnHour = new Date(Date.now() + 3_600_000);
    await setArticleStatus(db(), caller, 'to-be-hidden', { status: 'scheduled', publishAt: inAnHour });
    expectProblem(await get('/api/v1/public/articles/to-be-hidden'), 404);
    expect(await slugs()).not.toContain('to-be-hidden');
    const later = await publicArticle(db(), 'to-be-hidden', 'vi', new Date(inAnHour.getTime() + 1000));
    expect(later.slug).toBe('to-be-hidden');

    await expect(setArticleStatus(db(), caller, 'to-be-hidden', { status: 'scheduled', publishAt: new Date(Date.now() - 1000) })).rejects.toMatchObject({ status: 400 });
    await setArticleStatus(db(), caller, 'to-be-hidden', { status: 'published' });
    expect(await slugs()).toContain('to-be-hidden');
  });

  it('imports a changed file over imported text, but never over a console edit or a status', async () => {
    await importArticles(db(), caller, [articleFile('edited-later', 'vi', 'First.'), articleFile('edited-later', 'en', 'First.')]);
    let summary = await importArticles(db(), caller, [articleFile('edited-later', 'vi', 'Second!'), articleFile('edited-later', 'en', 'First.')]);
    expect(summary).toEqual({ created: 0, updated: 1, unchanged: 1, keptEdits: 0 });
    expect((await get('/api/v1/public/articles/edited-later')).json().html).toBe('<p>Second!</p>\n');

    await saveArticleTranslation(db(), caller, 'edited-later', 'vi', { title: 'Edited', summary: 'Edited in the console', bodyMarkdown: 'Edited.' });
    await expect(saveArticleTranslation(db(), caller, 'edited-later', 'vi', { title: 'x', summary: 'y', bodyMarkdown: '  ' })).rejects.toMatchObject({ status: 400, errors: [{ field: '/bodyMarkdown' }] });
    await expect(saveArticleTranslation(db(), caller, 'no-such-article', 'vi', { title: 'x', summary: 'y', bodyMarkdown: 'z' })).rejects.toMatchObject({ status: 404 });
    await setArticleStatus(db(), caller, 'edited-later', { status: 'unpublished' });
    summary = await importArticles(db(), caller, [articleFile('edited-later', 'vi', 'Third, from the file.'), articleFile('edited-later', 'en', 'First.')]);
    expect(summary).toEqual({ created: 0, updated: 0, unchanged: 1, keptEdits: 1 });
    await setArticleStatus(db(), caller, 'edited-later', { status: 'published' });
    expect((await get('/api/v1/public/articles/edited-later')).json()).toMatchObject({ title: 'Edited', html: '<p>Edited.</p>\n' });
  });
});

describe('alerts', () => {
  it('lists published alerts newest first in the requested language, with rendered HTML', async () => {
    const res = await get('/api/v1/public/alerts?lang=en&limit=2');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const { items } = res.json();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ lang: 'en', fraudTypes: ['impersonating_authorities'] });
    expect(items[0].title).toMatch(/police/);
    expect(items[0].html).toContain('<strong>0900 000 202</strong>');
    expect(Date.parse(items[0].publishedAt)).toBeGreaterThan(Date.parse(items[1].publishedAt));
    const vi = (await get('/api/v1/public/alerts')).json().items;
    expect(vi.length).toBeGreaterThanOrEqual(3);
    expect(vi[0].lang).toBe('vi');
    expect(vi[0].title).toMatch(/giả danh công an/);
  });

  it('does not serve draft, scheduled or unpublished alerts; falls back to Vietnamese', async () => {
    const text = (title: string) => ({ title, summary: `${title} summary`, bodyMarkdown: `${title} body` });
    await createAlert(db(), caller, { fraudTypes: ['loan'], status: 'draft', translations: { vi: text('Bản nháp') } });
    await createAlert(db(), caller, { fraudTypes: ['loan'], status: 'scheduled', publishAt: new Date(Date.now() + 86_400_000), translations: { vi: text('Hẹn giờ') } });
    const hidden = await createAlert(db(), caller, { fraudTypes: ['loan'], status: 'published', translations: { vi: text('Gỡ xuống') } });
    await setAlertStatus(db(), caller, hidden.id, { status: 'unpublished' });
    const viOnly = await createAlert(db(), caller, { fraudTypes: ['loan'], status: 'published', translations: { vi: text('Chỉ tiếng Việt') } });

    const items = (await get('/api/v1/public/alerts?lang=en&limit=100')).json().items as { id: string; title: string; lang: string }[];
    const titles = items.map((i) => i.title);
    expect(titles).not.toContain('Bản nháp');
    expect(titles).not.toContain('Hẹn giờ');
    expect(titles).not.toContain('Gỡ xuống');
    expect(items.find((i) => i.id === viOnly.id)).toMatchObject({ lang: 'vi', title: 'Chỉ tiếng Việt' });
    await setAlertStatus(db(), caller, viOnly.id, { status: 'unpublished' });
    await expect(createAlert(db(), caller, { fraudTypes: ['not_a_type'], status: 'draft', translations: { vi: text('x') } })).rejects.toMatchObject({ status: 400, errors: [{ field: '/fraudTypes/0' }] });
    await expect(createAlert(db(), caller, { fraudTypes: [], status: 'draft', translations: { en: { title: ' ', summary: 's', bodyMarkdown: 'b' } } })).rejects.toMatchObject({ status: 400, errors: [{ field: '/translations/en/title' }] });
    await expect(createAlert(db(), caller, { fraudTypes: [], status: 'draft', translations: {} })).rejects.toMatchObject({ status: 400 });
  });
});

describe('feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
  const list = <T>(x: T | T[]) => (Array.isArray(x) ? x : [x]);

  it('serves the alerts as well-formed Atom 1.0 with absolute links, not the web app', async () => {
    const res = await get('/alerts.atom?lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const feed = parser.parse(res.body).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title).toBe('Canh Giác — Scam alerts');
    expect(feed.id).toBe(`${PUBLIC_URL}/alerts?lang=en`);
    expect(Date.parse(feed.updated)).not.toBeNaN();
    expect(feed.author.name).toBe('Canh Giác');
    expect(list(feed.link).map((l: { '@href': string }) => l['@href'])).toContain(`${PUBLIC_URL}/alerts.atom?lang=en`);
    const entries = list(feed.entry);
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const entry of entries) {
      expect(entry.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(entry.title['#text'] ?? entry.title).toBeTruthy();
      expect(Date.parse(entry.updated)).not.toBeNaN();
      expect(list(entry.link)[0]['@href']).toMatch(new RegExp(`^${PUBLIC_URL}/alerts#alert-[0-9a-f-]{36}$`));
    }
    expect(entries[0].title['#text'] ?? entries[0].title).toMatch(/police/);
  });

  it('serves the alerts as well-formed RSS 2.0 in Vietnamese by default', async () => {
    const res = await get('/alerts.rss');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const rss = parser.parse(res.body).rss;
    expect(rss['@version']).toBe('2.0');
    const channel = rss.channel;
    expect(channel.title).toBe('Canh Giác — Cảnh báo lừa đảo');
    expect(channel.link).toBe(`${PUBLIC_URL}/alerts`);
    expect(channel.description).toMatch(/lừa đảo/);
    expect(channel.language).toBe('vi');
    const items = list(channel.item);
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const item of items) {
      expect(item.title).toBeTruthy();
      expect(item.link).toMatch(new RegExp(`^${PUBLIC_URL}/alerts#alert-`));
      expect(item.guid['#text']).toMatch(/^urn:uuid:/);
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
    }
    expect(items[0].title).toMatch(/giả danh công an/);
  });

  it('rejects an unknown feed language with a problem, ignores other parameters, and leaves other paths to the web app', async () => {
    expectProblem(await get('/alerts.atom?lang=xx'), 400);
    expect((await get('/alerts.rss?lang=en&utm_source=newsletter')).statusCode).toBe(200);
    expect((await get('/api/v1/public/articles/fake-investment?utm_source=zalo')).statusCode).toBe(200);
    const page = await get('/alerts');
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('the public answers', () => {
  it('are in the OpenAPI document as public operations', async () => {
    const doc = (await get('/api/v1/openapi.json')).json();
    for (const p of ['/api/v1/public/articles', '/api/v1/public/articles/{slug}', '/api/v1/public/alerts', '/api/v1/public/statistics', '/alerts.atom', '/alerts.rss']) {
      expect(doc.paths[p]?.get?.security, p).toEqual([]);
    }
    expect(doc.paths['/api/v1/public/articles'].get.parameters.find((x: { name: string }) => x.name === 'lang').schema.default).toBe('vi');
  });

  it('need no credentials, and the audit chain holds after imports and status changes', async () => {
    // Campaigns' public routes are counted in campaigns.test.ts.
    const rule = server.app.accessRules.filter((r) => (r.url.startsWith('/api/v1/public/') && !r.url.startsWith('/api/v1/public/campaigns')) || r.url.startsWith('/alerts.'));
    expect(rule).toHaveLength(6);
    for (const r of rule) expect(r.access).toEqual({ public: true });
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});
