import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertJsonRows, insertJsonRowsReturning, writeJsonRows } from '../../src/store/bulk-insert.ts';
import { executeText, holdWrites, queryRows, type Database } from '../../src/store/connection.ts';
import { auditLog, caseEvents, cases, indexChanges, indicatorSources, indicators, networks, organizations } from '../../src/store/schema.ts';
import { freshDatabase } from '../helpers/database.ts';

// The rows travel as one JSON text whose keys are the schema's property names; the statement
// maps them to the columns. These tests read back what was written, on the run's database.
let database: Database;
let seq = 1_000_000;

beforeAll(async () => {
  database = await freshDatabase();
});

afterAll(async () => {
  await database?.close();
});

const text = fc.string({ unit: fc.constantFrom('a', 'Đ', 'ệ', '"', '\\', '\n', "'", '😀', ' ', '{', ','), maxLength: 20 });
// Any JSON value (jsonb holds no \u0000); it reads back as JSON carries it, so a -0 anywhere in it comes back 0.
const json = fc.jsonValue({ maxDepth: 2 }).filter((v) => !JSON.stringify(v).includes('\\u0000'));
// Rows of a batch often share one instant (their `now`), which the insert formats once.
const batchNow = new Date('2026-11-29T12:34:56.789Z');
const instant = fc.oneof(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), fc.constant(batchNow));

describe('bulk inserts', () => {
  it('audit-shaped rows (text, jsonb, timestamps, nulls) read back as written', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ action: text, subjectId: fc.option(text, { nil: null }), after: json, at: instant, requestId: fc.option(text, { nil: undefined }) }), { minLength: 1, maxLength: 8 }),
        async (specs) => {
          const rows = specs.map((s) => ({
            seq: ++seq,
            at: s.at,
            actorType: 'system' as const,
            action: s.action,
            subjectType: 'property-test',
            subjectId: s.subjectId,
            after: s.after as object,
            prevHash: 'p',
            hash: `h${seq}`,
            ...(s.requestId === undefined ? {} : { requestId: s.requestId }),
            // Not a column: ignored.
            notAColumn: 'ignored',
          }));
          await writeJsonRows(database.db, auditLog, rows);
          const back = await queryRows<{ seq: number | string; at: Date | string; action: string; subject_id: string | null; after: unknown; request_id: string | null }>(
            database.db,
            sql`select seq, at, action, subject_id, after, request_id from audit_log where seq >= ${rows[0]!.seq} and seq <= ${seq} order by seq`,
          );
          expect(back.map((r) => [Number(r.seq), new Date(r.at).toISOString(), r.action, r.subject_id, r.after, r.request_id])).toEqual(
            rows.map((r) => [r.seq, r.at.toISOString(), r.action, r.subjectId, JSON.parse(JSON.stringify(r.after)), 'requestId' in r ? r.requestId : null]),
          );
          // The caller's rows are left as they were.
          expect(rows.every((r) => r.at instanceof Date)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('arrays, integers and defaults: a column given in no row takes its default, in some rows is null in the others', async () => {
    const id = () => crypto.randomUUID();
    const rows = [
      { id: id(), indicator: 'phone:+84900000101', kind: 'phone', display: '090 000 0101', sha256: 's1', rangePrefix: 1, verdict: 'suspected' as const, fraudTypes: ['loan', 'job "task"'], networkId: id() },
      { id: id(), indicator: 'phone:+84900000102', kind: 'phone', display: '090 000 0102', sha256: 's2', rangePrefix: 2, verdict: 'confirmed' as const, fraudTypes: [] },
    ];
    const returned = await insertJsonRows(database.db, indicators, rows);
    expect(returned.map((r) => [r.indicator, r.fraudTypes, r.networkId, r.confidence, r.tlp])).toEqual([
      ['phone:+84900000101', ['loan', 'job "task"'], rows[0]!.networkId, 50, 'green'],
      ['phone:+84900000102', [], null, 50, 'green'],
    ]);
    expect(returned[0]!.updatedAt).toBeInstanceOf(Date);
  });

  it('a constant suffix (an upsert) and a single returned column', async () => {
    const a = crypto.randomUUID();
    expect(await insertJsonRowsReturning(database.db, networks, [{ id: a, size: 2 }], 'id')).toEqual([a]);
    await writeJsonRows(database.db, networks, [{ id: a, size: 7 }], 'on conflict (id) do update set size = excluded.size');
    const [row] = await queryRows<{ size: number }>(database.db, sql`select size from networks where id = ${a}`);
    expect(row!.size).toBe(7);
  });
});

// executeText reaches past Drizzle to its driver client (an internal of Drizzle's): pinned down
// here on the run's driver, including that inside db.transaction it runs in that transaction.
describe('executeText', () => {
  const countNamed = async (indicator: string) =>
    Number((await queryRows<{ n: number | string }>(database.db, sql`select count(*) as n from index_changes where indicator = ${indicator}`))[0]!.n);

  it('runs a statement with parameters and returns its rows', async () => {
    expect(await executeText(database.db, 'select $1::int + 1 as n, $2::text as t', [41, 'bốn mươi hai'])).toEqual([{ n: 42, t: 'bốn mươi hai' }]);
    await expect(executeText(database.db, 'select * from no_such_table', [])).rejects.toThrow(/no_such_table/);
  });

  it('inside db.transaction it runs in that transaction: a rollback undoes its write, a commit keeps it', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await executeText(tx, 'insert into index_changes (indicator) values ($1)', ['phone:+84900000201']);
        expect(Number((await executeText(tx, 'select count(*) as n from index_changes where indicator = $1', ['phone:+84900000201']))[0]!.n)).toBe(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await countNamed('phone:+84900000201')).toBe(0);
    await database.db.transaction(async (tx) => {
      await writeJsonRows(tx, indexChanges, [{ indicator: 'phone:+84900000202' }]);
    });
    expect(await countNamed('phone:+84900000202')).toBe(1);
  });
});


// holdWrites: the write-only inserts of a stretch of the intake travel together, one statement
// for several tables. Counted at the driver: the statements that reach the database.
describe('holdWrites', () => {
  function countStatements(tx: Database['db']): { texts: string[] } {
    const client = (tx as unknown as { session: { client: { query: (...args: unknown[]) => Promise<unknown> } } }).session.client;
    const seen = { texts: [] as string[] };
    const query = client.query.bind(client);
    client.query = (...args: unknown[]) => {
      // node-postgres is given a query config by Drizzle, a text by executeText.
      seen.texts.push(typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text);
      return query(...args);
    };
    return seen;
  }
  const caseRow = (id: string, n: number) => ({ id, reference: `CG-HOLD-${n}-${id.slice(0, 8)}`, category: 'loan' });
  const eventRow = (caseId: string) => ({ caseId, type: 'created' as const, actorType: 'system' as const, payload: { note: 'held "together"' } });
  const countIn = async (table: string, caseId: string) =>
    Number((await queryRows<{ n: number | string }>(database.db, sql`select count(*) as n from ${sql.raw(table)} where ${sql.raw(table === 'cases' ? 'id' : 'case_id')} = ${caseId}`))[0]!.n);

  // indicator_sources.organization_id references organizations.
  const organizationRow = (id: string) => ({ id, slug: `hold-${id}`, name: 'Ngân hàng Thử nghiệm', kind: 'bank' as const });
  const sourceRow = (organizationId: string) => ({ indicatorId: crypto.randomUUID(), sourceKey: organizationId, organizationId, sourceType: 'bank' as const, reports: 1 });
  const sourcesOf = async (organizationId: string) =>
    Number((await queryRows<{ n: number | string }>(database.db, sql`select count(*) as n from indicator_sources where organization_id = ${organizationId}`))[0]!.n);

  it('sends inserts into different tables as one statement, a row referencing a parent inserted beside it', async () => {
    const id = crypto.randomUUID();
    const organization = crypto.randomUUID();
    await database.db.transaction(async (tx) => {
      const seen = countStatements(tx);
      await holdWrites(tx, async () => {
        await writeJsonRows(tx, cases, [caseRow(id, 1)]);
        await writeJsonRows(tx, caseEvents, [eventRow(id)]);
        await writeJsonRows(tx, organizations, [organizationRow(organization)]);
        // The foreign key to the organization inserted beside it is checked at the end of the statement, so it passes.
        await writeJsonRows(tx, indicatorSources, [sourceRow(organization)]);
        expect(seen.texts).toEqual([]);
      });
      expect(seen.texts).toHaveLength(1);
      expect(seen.texts[0]).toMatch(/^with w0 as \(insert into "cases".*w1 as \(insert into "case_events".*w2 as \(insert into "organizations".*w3 as \(insert into "indicator_sources"/s);
    });
    expect([await countIn('cases', id), await countIn('case_events', id), await sourcesOf(organization)]).toEqual([1, 1, 1]);
  });

  it('sends what is held before a read through queryRows or executeText, and before a second insert into a held table', async () => {
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    await database.db.transaction(async (tx) => {
      const seen = countStatements(tx);
      await holdWrites(tx, async () => {
        await writeJsonRows(tx, cases, [caseRow(a, 2)]);
        const [row] = await queryRows<{ n: number | string }>(tx, sql`select count(*) as n from cases where id = ${a}`);
        expect(Number(row!.n)).toBe(1);
        await writeJsonRows(tx, caseEvents, [eventRow(a)]);
        expect(Number((await executeText(tx, 'select count(*) as n from case_events where case_id = $1', [a]))[0]!.n)).toBe(1);
        await writeJsonRows(tx, cases, [caseRow(b, 3)]);
        await writeJsonRows(tx, cases, [caseRow(crypto.randomUUID(), 4)]);
      });
      // insert, read, insert, read, insert (sent by the second insert into cases), insert (sent at the end).
      expect(seen.texts.map((t) => t.slice(0, 20))).toEqual([
        'insert into "cases" ',
        'select count(*) as n',
        'insert into "case_eve',
        'select count(*) as n',
        'insert into "cases" ',
        'insert into "cases" ',
      ].map((t) => t.slice(0, 20)));
    });
    expect(await countIn('cases', b)).toBe(1);
  });

  it('a failing held statement fails the work, and nothing of it stays; outside holdWrites each insert runs at once', async () => {
    const id = crypto.randomUUID();
    await expect(
      database.db.transaction(async (tx) => {
        await holdWrites(tx, async () => {
          await writeJsonRows(tx, cases, [caseRow(id, 5)]);
          // A source naming an organization that does not exist: the foreign key fails the whole statement.
          await writeJsonRows(tx, indicatorSources, [sourceRow(crypto.randomUUID())]);
        });
      }),
    ).rejects.toThrow();
    expect(await countIn('cases', id)).toBe(0);
    await database.db.transaction(async (tx) => {
      const seen = countStatements(tx);
      await writeJsonRows(tx, cases, [caseRow(id, 6)]);
      expect(seen.texts).toHaveLength(1);
      await holdWrites(tx, async () => undefined);
      expect(seen.texts).toHaveLength(1);
    });
    expect(await countIn('cases', id)).toBe(1);
  });
});
