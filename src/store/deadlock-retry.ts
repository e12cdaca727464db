import type { Db, Tx } from './connection.ts';

const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

/** The SQLSTATE of a database error, wherever the driver or Drizzle put it. */
export function postgresErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Runs `work` in a transaction, again (up to three times) when PostgreSQL aborted it as a
 * deadlock victim or a serialization failure. Every audited write takes the audit chain head
 * until commit, so two transactions that lock a case or an indicator on either side of their
 * first audit record can deadlock; PostgreSQL breaks the cycle and the loser simply runs again.
 * Inside an outer transaction there is nothing to retry (the outer one is aborted): it runs once.
 */
export async function transactionRetryingDeadlocks<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const nested = 'rollback' in db;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      const code = postgresErrorCode(error);
      if (nested || attempt >= ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
    }
  }
}
