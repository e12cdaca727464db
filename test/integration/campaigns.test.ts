import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAlerts } from '../../src/app/alerts.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { importArticles } from '../../src/app/content-import.ts';
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
    await publishedCampaign('viec-nhe-luong-cao');
    const list = await get('/api/v1/public/campaigns');
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json().items.find((i: { slug: string }) => i.slug === 'viec-nhe-luong-cao');
    expect(item).toMatchObject({ lang: 'vi', title: 'Việc nhẹ lương cao? Dừng lại!', theme: 'summer', active: true, fraudTypes: ['job_task'], cardUrl: '/api/v1/public/campaigns/viec-nhe-luong-cao/card.png?lang=vi' });
    expect(item.partners).toEqual([
      { name: 'Meta', kind: 'platform' },
      { name: 'Bank A', kind: 'bank' },
    ]);
    const en = (await get('/api/v1/public/campaigns/viec-nhe-luong-cao?lang=en')).json();
    expect(en).toMatchObject({ lang: 'en', title: 'Easy job, high pay? Stop!', quizCount: 2, tips: ['Never pay to get a job.'] });
    expect(en.bodyHtml).toContain('<h2>Why</h2>');
    expect(en.articles).toEqual([{ slug: 'task-jobs', title: expect.any(String) }]);
    const quiz = (await get('/api/v1/public/campaigns/viec-nhe-luong-cao/quiz')).json();
    expect(quiz.items.map((i: { id: string }) => i.id)).toEqual(['q1', 'q2']);
    expect(quiz.items[0]).toEqual({ id: 'q1', kind: 'message', channel: 'Zalo', sender: 'Chị Hạnh tuyển dụng', content: 'Nội dung q1', answer: 'scam', signs: ['Hứa thu nhập cao'], explanation: 'Giải thích q1', articleSlug: 'task-jobs' });
  });
});
