import { describe, expect, it } from 'vitest';
import type { Db } from '../../../src/store/connection.ts';
import { postgresErrorCode, transactionRetryingDeadlocks } from '../../../src/store/deadlock-retry.ts';

/** A stand-in database whose transactions fail with the given codes, then succeed. */
function fakeDb(failures: string[], nested = false): { db: Db; calls: () => number } {
  let calls = 0;
  const db = {
    ...(nested ? { rollback: () => undefined } : {}),
    transaction: async (work: (tx: unknown) => Promise<unknown>) => {
      calls++;
      const code = failures.shift();
      if (code) throw Object.assign(new Error('query failed'), { cause: Object.assign(new Error('db'), { code }) });
      return work({});
    },
  };
  return { db: db as unknown as Db, calls: () => calls };
}

describe('transactionRetryingDeadlocks', () => {
  it('runs again after a deadlock or a serialization failure, at most three times', async () => {
    const ok = fakeDb(['40P01', '40001']);
    expect(await transactionRetryingDeadlocks(ok.db, async () => 'done')).toBe('done');
    expect(ok.calls()).toBe(3);
    const stuck = fakeDb(['40P01', '40P01', '40P01', '40P01']);
    await expect(transactionRetryingDeadlocks(stuck.db, async () => 'done')).rejects.toThrow('query failed');
    expect(stuck.calls()).toBe(3);
  });

  it('does not retry other errors, or inside an outer transaction', async () => {
    const unique = fakeDb(['23505']);
    await expect(transactionRetryingDeadlocks(unique.db, async () => 'done')).rejects.toThrow();
    expect(unique.calls()).toBe(1);
    const nested = fakeDb(['40P01'], true);
    await expect(transactionRetryingDeadlocks(nested.db, async () => 'done')).rejects.toThrow();
    expect(nested.calls()).toBe(1);
  });

  it('finds the SQLSTATE on the error or its causes', () => {
    expect(postgresErrorCode(Object.assign(new Error(), { code: '40P01' }))).toBe('40P01');
    expect(postgresErrorCode(new Error('x', { cause: Object.assign(new Error(), { code: '40001' }) }))).toBe('40001');
    expect(postgresErrorCode(Object.assign(new Error(), { code: 'ECONNRESET' }))).toBeUndefined();
    expect(postgresErrorCode('nope')).toBeUndefined();
  });
});
