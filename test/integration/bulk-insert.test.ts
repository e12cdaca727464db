import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertJsonRows, insertJsonRowsReturning, writeJsonRows } from '../../src/store/bulk-insert.ts';
import { executeText, queryRows, type Database } from '../../src/store/connection.ts';
import { auditLog, indexChanges, indicators, networks } from '../../src/store/schema.ts';
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
const json = fc.jsonValue({ maxDepth: 2 }).filter((v) => !JSON.stringify(v).includes('\\u0000') && !Object.is(v, -0));
const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

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
            rows.map((r) => [r.seq, r.at.toISOString(), r.action, r.subjectId, r.after, 'requestId' in r ? r.requestId : null]),
          );
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

