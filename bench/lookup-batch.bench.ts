/**
 * A batch of 10,000 look-ups, server-side: POST /api/v1/lookup/batch through the real server
 * (`app.inject`: routing, access check with an API key, body parsing and validation, the
 * look-ups, serialization; no socket), against an index of 100,000 indicators. Also the
 * look-up loop alone, to show where the time goes.
 *
 * Wall time and CPU time of this process (`process.cpuUsage()`, user + system) are both shown:
 * on a shared, loaded machine wall time mostly measures the other processes.
 *
 *   npx tsx bench/lookup-batch.bench.ts [rounds]
 */
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { createApiKey } from '../src/app/api-keys.ts';
import { systemCaller } from '../src/app/caller.ts';
import { createOrganization } from '../src/app/accounts.ts';
import { lookup } from '../src/app/lookups.ts';
import { loadConfig } from '../src/config.ts';
import { buildServer } from '../src/http/server.ts';
import { migrateDatabase, openDatabase } from '../src/store/connection.ts';

const rounds = Number(process.argv[2] ?? 7);
const database = await openDatabase({ dataDir: null });
await migrateDatabase(database);
await database.db.execute(sql`
  insert into indicators (indicator, kind, display, sha256, range_prefix, verdict, tlp, confidence, report_count, fraud_types)
  select ind, 'phone', ind, h, ('x' || substr(h, 1, 5))::bit(20)::int, (array['suspected','confirmed'])[1 + i % 2], 'green', 90, 5, array['investment']
  from (select i, 'phone:+849' || lpad(i::text, 8, '0') as ind, encode(sha256(convert_to('phone:+849' || lpad(i::text, 8, '0'), 'UTF8')), 'hex') as h
        from generate_series(0, 99999) i) s`);
const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent-web-dist', PII_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') });
const app = await buildServer({ config, database, logger: pino({ level: 'silent' }) });
const org = await createOrganization(database.db, systemCaller('bench'), { slug: 'bank', name: 'Bank', kind: 'bank' });
const { key } = await createApiKey(database.db, systemCaller('bench'), { organizationId: org.id, name: 'bench', scopes: ['lookup:batch'] });

// Phones as banks send them (half listed), and a mixed batch as a platform might.
const phones = Array.from({ length: 10_000 }, (_, i) => `09${String(i * 37).padStart(8, '0')}`);
const mixed = Array.from({ length: 10_000 }, (_, i) => {
  switch (i % 5) {
    case 0:
      return `0${9 - (i % 2)}${String(i * 37).padStart(8, '0')}`;
    case 1:
      return `VCB 00110045${String(i).padStart(5, '0')}`;
    case 2:
      return `https://shop-${i}.example.vn/pay?id=${i}`;
    case 3:
      return `https://www.facebook.com/page.${i}/posts/${i * 11}`;
    default:
      return `user${i}@mail.example.vn`;
  }
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows = [];
for (const [name, items] of [
  ['10,000 phone numbers', phones],
  ['10,000 mixed (phone, bank, URL, Facebook, e-mail)', mixed],
] as const) {
  const http: number[] = [];
  const httpCpu: number[] = [];
  const loop: number[] = [];
  const loopCpu: number[] = [];
  const body = JSON.stringify({ items });
  const cpuMs = (since: NodeJS.CpuUsage): number => {
    const c = process.cpuUsage(since);
    return (c.user + c.system) / 1000;
  };
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    let c = process.cpuUsage();
    const res = await app.inject({ method: 'POST', url: '/api/v1/lookup/batch', payload: body, headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` } });
    http.push(performance.now() - t);
    httpCpu.push(cpuMs(c));
    if (res.statusCode !== 200) throw new Error(res.body);
    t = performance.now();
    c = process.cpuUsage();
    for (const q of items) lookup(app.lookupIndex, q, 'partner');
    loop.push(performance.now() - t);
    loopCpu.push(cpuMs(c));
  }
  rows.push({
    batch: name,
    'POST median ms (CPU)': `${median(http).toFixed(0)} (${median(httpCpu).toFixed(0)})`,
    'POST best ms (CPU)': `${Math.min(...http).toFixed(0)} (${Math.min(...httpCpu).toFixed(0)})`,
    'look-ups alone, median ms (CPU)': `${median(loop).toFixed(0)} (${median(loopCpu).toFixed(0)})`,
    rounds,
  });
}
console.table(rows);
console.log(`load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
await app.close();
await database.close();
