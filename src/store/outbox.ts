import { sql } from 'drizzle-orm';
import { writeJsonRows } from './bulk-insert.ts';
import { executeText, queryRows, type Db } from './connection.ts';
import { outbox } from './schema.ts';

export type OutboxRow = typeof outbox.$inferSelect;

/** Writes a message in the caller's transaction: it leaves the process only if that commits. */
export async function enqueue(db: Db, topic: string, payload: unknown, availableAt?: Date): Promise<number> {
  // Straight to the driver: every intake batch writes one (see executeText).
  const [row] = await executeText(db, 'insert into outbox (topic, payload, available_at) values ($1, $2::jsonb, coalesce($3::timestamptz, now())) returning id', [
    topic,
    JSON.stringify(payload),
    availableAt ? availableAt.toISOString() : null,
  ]);
  return Number(row!.id);
}

/**
 * The same for a message whose id the caller does not need, as a write-only bulk insert: inside
 * `holdWrites` it travels with the other held inserts (the batched intake's listings message).
 */
export async function enqueueWriteOnly(db: Db, topic: string, payload: unknown): Promise<void> {
  await writeJsonRows(db, outbox, [{ topic, payload }]);
}

export interface ClaimedMessage {
  id: number;
  topic: string;
  payload: unknown;
  attempts: number;
}

/**
 * Claims up to `limit` due messages for `worker` by giving them a lease. The selection uses
 * FOR UPDATE SKIP LOCKED, so two workers claiming at the same moment never take the same row;
 * a leased row is not due again until its lease runs out (the worker died) or it is released.
 */
export async function claimDue(db: Db, limit: number, worker: string, leaseMs: number): Promise<ClaimedMessage[]> {
  const rows = await queryRows<{ id: number | string; topic: string; payload: unknown; attempts: number }>(db, sql`
    update ${outbox} set lease_until = now() + make_interval(secs => ${leaseMs / 1000}), claimed_by = ${worker}
    where id in (
      select id from ${outbox}
      where processed_at is null and available_at <= now() and (lease_until is null or lease_until < now())
      order by available_at, id
      limit ${limit}
      for update skip locked)
    returning id, topic, payload, attempts`);
  return rows
    .map((r) => ({ id: Number(r.id), topic: r.topic, payload: r.payload, attempts: Number(r.attempts) }))
    .sort((a, b) => a.id - b.id);
}

/** Marks a message done, unless another worker has taken it over after this one's lease ran out. */
export async function markProcessed(db: Db, id: number, worker: string): Promise<void> {
  await db.execute(
    sql`update ${outbox} set processed_at = now(), processed_by = ${worker}, attempts = attempts + 1, lease_until = null
        where id = ${id} and processed_at is null`,
  );
}

/** Marks many messages done in one statement (those another worker took over are left alone). */
export async function markProcessedMany(db: Db, ids: readonly number[], worker: string): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(
    sql`update ${outbox} set processed_at = now(), processed_by = ${worker}, attempts = attempts + 1, lease_until = null
        where id = any(${sql.param(ids.map(String))}::bigint[]) and processed_at is null and claimed_by = ${worker}`,
  );
}

/** Releases a failed message for a retry at `retryAt`, keeping its last error. */
export async function markFailed(db: Db, id: number, error: string, retryAt: Date): Promise<void> {
  await db.execute(
    sql`update ${outbox} set attempts = attempts + 1, last_error = ${error.slice(0, 2000)}, available_at = ${retryAt.toISOString()}, lease_until = null
        where id = ${id} and processed_at is null`,
  );
}

export async function countPending(db: Db): Promise<number> {
  const rows = await queryRows<{ n: number | string }>(db, sql`select count(*) as n from ${outbox} where processed_at is null`);
  return Number(rows[0]?.n ?? 0);
}
