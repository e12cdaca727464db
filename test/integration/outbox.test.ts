import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OutboxWorker, type OutboxBatchHandler, type OutboxHandler } from '../../src/jobs/outbox-worker.ts';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../../src/store/connection.ts';
import { countPending, enqueue } from '../../src/store/outbox.ts';
import { freshDatabase, freshPostgresUrl } from '../helpers/database.ts';

interface Row {
  id: number;
  topic: string;
  attempts: number;
  last_error: string | null;
  available_at: Date | string;
  processed_at: Date | string | null;
  processed_by: string | null;
  claimed_by: string | null;
}

async function rowsOf(database: Database, topic: string): Promise<Row[]> {
  const rows = await queryRows<Row>(
    database.db,
    sql`select id, topic, attempts, last_error, available_at, processed_at, processed_by, claimed_by from outbox where topic = ${topic} order by id`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), attempts: Number(r.attempts) }));
}

/**
 * Two handles on one database, as two server nodes would have. On PostgreSQL each has its own
 * connection pool, so the workers really run concurrently and only the row locks keep them
 * apart. PGlite is one embedded connection: both workers share the handle.
 */
let first: Database;
let second: Database;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const pgDatabase = await freshPostgresUrl();
  if (pgDatabase) {
    first = await openDatabase({ databaseUrl: pgDatabase.url, poolSize: 4 });
    await migrateDatabase(first);
    second = await openDatabase({ databaseUrl: pgDatabase.url, poolSize: 4 });
    cleanup = async () => {
      await first.close();
      await second.close();
      await pgDatabase.drop();
    };
  } else {
    first = await freshDatabase();
    second = first;
    cleanup = () => first.close();
  }
});

afterAll(async () => {
  await cleanup();
});

describe('the outbox', () => {
  // Each test starts with an empty queue: a message another test left failing would be due again.
  beforeEach(async () => {
    await first.db.execute(sql`delete from outbox where processed_at is null`);
  });

  it('two concurrent workers process each of 300 messages exactly once', async () => {
    const ids: number[] = [];
    // Enqueued in several transactions, as separate requests would.
    for (let batch = 0; batch < 6; batch++) {
      await first.db.transaction(async (tx) => {
        for (let i = 0; i < 50; i++) ids.push(await enqueue(tx, 'test.fanout', { n: batch * 50 + i }));
      });
    }
    expect(new Set(ids).size).toBe(300);

    const takenBy = new Map<number, string[]>();
    const handlerFor =
      (worker: string): OutboxHandler =>
      async ({ id, payload }) => {
        expect(payload).toEqual({ n: ids.indexOf(id) });
        takenBy.set(id, [...(takenBy.get(id) ?? []), worker]);
        // Long enough that the two workers' transactions overlap.
        await sleep(1);
      };
    const a = new OutboxWorker(first.db, { name: 'worker-a', batchSize: 10, idleMs: 10, handlers: { 'test.fanout': handlerFor('worker-a') } });
    const b = new OutboxWorker(second.db, { name: 'worker-b', batchSize: 10, idleMs: 10, handlers: { 'test.fanout': handlerFor('worker-b') } });
    a.start();
    b.start();
    const deadline = Date.now() + 45_000;
    while ((await countPending(first.db)) > 0 && Date.now() < deadline) await sleep(50);
    await Promise.all([a.stop(), b.stop()]);

    expect(await countPending(first.db)).toBe(0);
    expect([...takenBy.keys()].sort((x, y) => x - y)).toEqual(ids);
    const twice = [...takenBy.entries()].filter(([, workers]) => workers.length !== 1);
    expect(twice).toEqual([]);
    const counts = { a: 0, b: 0 };
    for (const [, [worker]] of takenBy) counts[worker === 'worker-a' ? 'a' : 'b']++;
    // Both took part: the test would prove nothing if one worker did all the work.
    expect(counts.a).toBeGreaterThan(0);
    expect(counts.b).toBeGreaterThan(0);

    // The table agrees with what the handlers saw.
    const rows = await rowsOf(first, 'test.fanout');
    expect(rows).toHaveLength(300);
    for (const row of rows) {
      expect(row.processed_at).not.toBeNull();
      expect(row.attempts).toBe(1);
      expect(row.last_error).toBeNull();
      expect(row.processed_by).toBe(takenBy.get(row.id)![0]);
    }
  });

  it('two workers draining batches at the same moment never share a row', async () => {
    const ids: number[] = [];
    await first.db.transaction(async (tx) => {
      for (let i = 0; i < 40; i++) ids.push(await enqueue(tx, 'test.race', { i }));
    });
    const seen: Record<string, number[]> = { x: [], y: [] };
    const slow = (worker: 'x' | 'y'): OutboxHandler => async ({ id }) => {
      seen[worker]!.push(id);
      await sleep(5);
    };
    const x = new OutboxWorker(first.db, { name: 'x', batchSize: 15, handlers: { 'test.race': slow('x') } });
    const y = new OutboxWorker(second.db, { name: 'y', batchSize: 15, handlers: { 'test.race': slow('y') } });
    // Both claim while the other's batch transaction is still open.
    const [tookX, tookY] = await Promise.all([x.drainOnce(), y.drainOnce()]);
    expect(tookX).toBe(15);
    expect(tookY).toBe(15);
    expect(seen.x!.filter((id) => seen.y!.includes(id))).toEqual([]);
    // The remaining 10, and then nothing.
    expect((await x.drainOnce()) + (await y.drainOnce())).toBe(10);
    expect(await x.drainOnce()).toBe(0);
    expect([...seen.x!, ...seen.y!].sort((p, q) => p - q)).toEqual(ids);
  });

  it('retries a failing message later, recording attempts and the last error', async () => {
    const id = await enqueue(first.db, 'test.flaky', { to: 'someone' });
    let calls = 0;
    const worker = new OutboxWorker(first.db, {
      name: 'flaky-worker',
      handlers: {
        'test.flaky': async () => {
          calls++;
          if (calls <= 2) throw new Error(`SMTP refused (try ${calls})`);
        },
      },
    });

    const before = Date.now();
    expect(await worker.drainOnce()).toBe(1);
    let [row] = await rowsOf(first, 'test.flaky');
    expect(row).toMatchObject({ id, attempts: 1, last_error: 'SMTP refused (try 1)', processed_at: null });
    // The first retry waits one second.
    const firstRetry = new Date(row!.available_at).getTime();
    expect(firstRetry).toBeGreaterThanOrEqual(before + 1000);
    expect(firstRetry).toBeLessThan(Date.now() + 1000 + 50);
    // Not due yet: the message is not taken again at once.
    expect(await worker.drainOnce()).toBe(0);
    expect(calls).toBe(1);

    while (Date.now() < firstRetry + 20) await sleep(50);
    const secondTry = Date.now();
    expect(await worker.drainOnce()).toBe(1);
    [row] = await rowsOf(first, 'test.flaky');
    expect(row).toMatchObject({ attempts: 2, last_error: 'SMTP refused (try 2)', processed_at: null });
    // Exponential backoff: the second retry waits two seconds.
    const secondRetry = new Date(row!.available_at).getTime();
    expect(secondRetry).toBeGreaterThanOrEqual(secondTry + 2000);
    expect(secondRetry).toBeLessThan(Date.now() + 2000 + 50);
    expect(await worker.drainOnce()).toBe(0);

    while (Date.now() < secondRetry + 20) await sleep(50);
    expect(await worker.drainOnce()).toBe(1);
    [row] = await rowsOf(first, 'test.flaky');
    expect(row).toMatchObject({ attempts: 3, processed_by: 'flaky-worker' });
    expect(row!.processed_at).not.toBeNull();
    expect(calls).toBe(3);
    expect(await worker.drainOnce()).toBe(0);
  });

  it('a failure in one message of a batch does not hold back the others', async () => {
    await first.db.transaction(async (tx) => {
      await enqueue(tx, 'test.batch', { ok: true });
      await enqueue(tx, 'test.batch', { ok: false });
      await enqueue(tx, 'test.batch', { ok: true });
    });
    const worker = new OutboxWorker(first.db, {
      name: 'batch-worker',
      handlers: {
        'test.batch': async ({ payload }) => {
          if (!(payload as { ok: boolean }).ok) throw new Error('bad payload');
        },
      },
    });
    expect(await worker.drainOnce()).toBe(3);
    const rows = await rowsOf(first, 'test.batch');
    expect(rows.map((r) => [r.processed_at !== null, r.last_error])).toEqual([
      [true, null],
      [false, 'bad payload'],
      [true, null],
    ]);
  });

  it('batch handlers get their topics together in id order, marked done in one go; single handlers still run', async () => {
    const ids: number[] = [];
    await first.db.transaction(async (tx) => {
      for (let i = 0; i < 5; i++) {
        ids.push(await enqueue(tx, i % 2 === 0 ? 'test.bulk-a' : 'test.bulk-b', { n: i }));
        await enqueue(tx, 'test.single', { n: i });
      }
    });
    const batches: number[][] = [];
    const singles: number[] = [];
    const together: OutboxBatchHandler = async (messages) => {
      batches.push(messages.map((m) => m.id));
    };
    const worker = new OutboxWorker(first.db, {
      name: 'bulk-worker',
      batchHandlers: { 'test.bulk-a': together, 'test.bulk-b': together },
      handlers: { 'test.single': async ({ id }) => void singles.push(id) },
    });
    expect(await worker.drainOnce()).toBe(10);
    // Both topics share one handler: one call with all five, in id order.
    expect(batches).toEqual([ids]);
    expect(singles).toHaveLength(5);
    const done = [...(await rowsOf(first, 'test.bulk-a')), ...(await rowsOf(first, 'test.bulk-b')), ...(await rowsOf(first, 'test.single'))];
    expect(done.every((r) => r.processed_at !== null && r.processed_by === 'bulk-worker' && r.attempts === 1)).toBe(true);
    expect(await worker.drainOnce()).toBe(0);
  });

  it('a failing batch is retried message by message: the good ones are done, the bad one waits for its retry', async () => {
    await first.db.transaction(async (tx) => {
      for (const ok of [true, false, true]) await enqueue(tx, 'test.bulk-flaky', { ok });
    });
    const calls: number[] = [];
    const worker = new OutboxWorker(first.db, {
      name: 'bulk-flaky-worker',
      handlers: {},
      batchHandlers: {
        'test.bulk-flaky': async (messages) => {
          calls.push(messages.length);
          if (messages.some((m) => !(m.payload as { ok: boolean }).ok)) throw new Error('one bad payload');
        },
      },
    });
    expect(await worker.drainOnce()).toBe(3);
    expect(calls).toEqual([3, 1, 1, 1]);
    const rows = await rowsOf(first, 'test.bulk-flaky');
    expect(rows.map((r) => [r.processed_at !== null, r.last_error, r.attempts])).toEqual([
      [true, null, 1],
      [false, 'one bad payload', 1],
      [true, null, 1],
    ]);
  });

  it('a message for a topic without a handler is kept and retried, with the reason', async () => {
    await enqueue(first.db, 'test.nobody', {});
    const worker = new OutboxWorker(first.db, { name: 'w', handlers: {} });
    expect(await worker.drainOnce()).toBe(1);
    const [row] = await rowsOf(first, 'test.nobody');
    expect(row).toMatchObject({ attempts: 1, processed_at: null, last_error: 'no handler for topic "test.nobody"' });
  });

  it('does not take a message before its available_at', async () => {
    const later = new Date(Date.now() + 3_600_000);
    const id = await enqueue(first.db, 'test.later', { x: 1 }, later);
    const pendingBefore = await countPending(first.db);
    let calls = 0;
    const worker = new OutboxWorker(second.db, { name: 'w', handlers: { 'test.later': async () => void calls++ } });
    expect(await worker.drainOnce()).toBe(0);
    expect(calls).toBe(0);
    const [row] = await rowsOf(first, 'test.later');
    expect(row).toMatchObject({ id, attempts: 0, processed_at: null });
    expect(new Date(row!.available_at).getTime()).toBe(later.getTime());
    expect(await countPending(first.db)).toBe(pendingBefore);

    // Once due, it is taken.
    await first.db.execute(sql`update outbox set available_at = now() - interval '1 second' where id = ${id}`);
    expect(await worker.drainOnce()).toBe(1);
    expect(calls).toBe(1);
  });

  it('enqueue inside a rolled-back transaction leaves nothing; a committed one is there', async () => {
    await expect(
      first.db.transaction(async (tx) => {
        await enqueue(tx, 'test.rollback', { n: 1 });
        await enqueue(tx, 'test.rollback', { n: 2 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rowsOf(first, 'test.rollback')).toEqual([]);
    expect(await rowsOf(second, 'test.rollback')).toEqual([]);

    await first.db.transaction(async (tx) => {
      await enqueue(tx, 'test.rollback', { n: 3 });
    });
    const rows = await rowsOf(second, 'test.rollback');
    expect(rows).toHaveLength(1);
  });

  it('a message a handler is still working on is invisible to another worker, and is not lost if the worker dies', async () => {
    const id = await enqueue(first.db, 'test.crash', {});
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    // This worker's handler never finishes: it stands for a worker that died mid-message.
    const dying = new OutboxWorker(first.db, {
      name: 'dying',
      leaseMs: 1500,
      handlers: {
        'test.crash': async () => {
          started();
          await new Promise(() => undefined);
        },
      },
    });
    const calls: string[] = [];
    const other = new OutboxWorker(second.db, { name: 'other', handlers: { 'test.crash': async () => void calls.push('other') } });

    void dying.drainOnce();
    await handlerStarted;
    // The handler runs outside any transaction: other queries are not blocked (this matters on
    // PGlite, where an open transaction would stall the whole server), and the leased message
    // is not given to another worker.
    expect(await other.drainOnce()).toBe(0);
    const [leased] = await rowsOf(first, 'test.crash');
    expect(leased).toMatchObject({ id, processed_at: null, claimed_by: 'dying' });

    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect(await other.drainOnce()).toBe(1);
    expect(calls).toEqual(['other']);
    const [row] = await rowsOf(first, 'test.crash');
    expect(row).toMatchObject({ id, processed_by: 'other', attempts: 1 });
    expect(row!.processed_at).not.toBeNull();
  });
});
