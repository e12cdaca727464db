import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAUD_TYPES } from '../../src/domain/fraud-types.ts';
import { queryRows } from '../../src/store/connection.ts';
import { freshCliTarget, runCli, spawnServer, type CliTarget } from '../helpers/cli.ts';

let target: CliTarget;
beforeAll(async () => {
  target = await freshCliTarget();
});
afterAll(async () => target?.cleanup());

describe('canhgiac content import, then seed --demo', () => {
  it('imports every article once; a second run finds nothing new', async () => {
    const first = await runCli(['content', 'import'], target.env, 90_000);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`Articles: ${FRAUD_TYPES.length} new; language versions: ${FRAUD_TYPES.length * 2} written, 0 unchanged, 0 edited in the console and kept.\n`);
    const again = await runCli(['content', 'import'], target.env, 90_000);
    expect(again.stdout).toBe(`Articles: 0 new; language versions: 0 written, ${FRAUD_TYPES.length * 2} unchanged, 0 edited in the console and kept.\n`);
  });

  it('seed --demo adds the demo alerts, and the library stays one article per fraud type, published, in both languages', async () => {
    const seeded = await runCli(['seed', '--demo'], target.env, 90_000);
    expect(seeded.code, seeded.stderr).toBe(0);
    const database = await target.open();
    try {
      const rows = await queryRows<{ fraud_type: string; status: string; langs: string }>(
        database.db,
        sql`select a.fraud_type, a.status, string_agg(t.lang, ',' order by t.lang) as langs from articles a join article_translations t on t.article_id = a.id group by a.id`,
      );
      expect(rows.map((r) => r.fraud_type).sort()).toEqual([...FRAUD_TYPES].sort());
      for (const r of rows) expect(r).toMatchObject({ status: 'published', langs: 'en,vi' });
      const [alerts] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from alerts where status = 'published'`);
      expect(Number(alerts!.n)).toBeGreaterThanOrEqual(3);
    } finally {
      await database.close();
    }
  });

  it('the server imports at start an article the database does not have yet (a new one shipped in a release)', async () => {
    const database = await target.open();
    try {
      await database.db.execute(sql`delete from articles where slug = 'loan-scams'`);
    } finally {
      await database.close();
    }
    const server = await spawnServer(target.env);
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const article = await fetch(`${base}/api/v1/public/articles/loan-scams?lang=en`);
      expect(article.status).toBe(200);
      expect(((await article.json()) as { fraudType: string }).fraudType).toBe('loan');
      const atom = await fetch(`${base}/alerts.atom`);
      expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      expect(await atom.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
