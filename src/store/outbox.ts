import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './connection.ts';
import { outbox } from './schema.ts';

export type OutboxRow = typeof outbox.$inferSelect;

/** Writes a message in the caller's transaction: it leaves the process only if that commits. */
export async function enqueue(db: Db, topic: string, payload: unknown, availableAt?: Date): Promise<number> {
  const [row] = await db
    .insert(outbox)
    .values({ topic, payload: payload as object, ...(availableAt ? { availableAt } : {}) })
    .returning({ id: outbox.id });
  return Number(row!.id);
}

export interface ClaimedMessage {
  id: number;
  topic: string;
  payload: unknown;
  attempts: number;
}

/**
 * Claims up to `limit` due messages inside `tx` with FOR UPDATE SKIP LOCKED: rows another
 * worker holds are skipped, so no two workers ever take the same message.
 */
export async function claimDue(tx: Db, limit: number): Promise<ClaimedMessage[]> {
  const rows = await queryRows<{ id: number | string; topic: string; payload: unknown; attempts: number }>(tx, sql`
    select id, topic, payload, attempts from ${outbox}
    where processed_at is null and available_at <= now()
    order by available_at, id
    limit ${limit}
    for update skip locked`);
  return rows.map((r) => ({ id: Number(r.id), topic: r.topic, payload: r.payload, attempts: Number(r.attempts) }));
}

export async function markProcessed(tx: Db, id: number, worker: string): Promise<void> {
  await tx.execute(sql`update ${outbox} set processed_at = now(), processed_by = ${worker}, attempts = attempts + 1 where id = ${id}`);
}

export async function markFailed(tx: Db, id: number, error: string, retryAt: Date): Promise<void> {
  await tx.execute(
    sql`update ${outbox} set attempts = attempts + 1, last_error = ${error.slice(0, 2000)}, available_at = ${retryAt.toISOString()} where id = ${id}`,
  );
}

export async function countPending(db: Db): Promise<number> {
  const rows = await queryRows<{ n: number | string }>(db, sql`select count(*) as n from ${outbox} where processed_at is null`);
  return Number(rows[0]?.n ?? 0);
}
