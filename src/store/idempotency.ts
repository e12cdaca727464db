import { and, eq } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { idempotencyKeys } from './schema.ts';

export type StoredReply = typeof idempotencyKeys.$inferSelect;

export async function findStoredReply(db: Db, principal: string, key: string): Promise<StoredReply | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
  return row;
}

export async function storeReply(db: Db, values: typeof idempotencyKeys.$inferInsert): Promise<void> {
  await db.insert(idempotencyKeys).values(values).onConflictDoNothing();
}
