import { asc, eq } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { apiKeys } from './schema.ts';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function insertApiKey(db: Db, values: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  const [row] = await db.insert(apiKeys).values(values).returning();
  return row!;
}

export async function findApiKeyByPrefix(db: Db, prefix: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.prefix, prefix));
  return row;
}

export async function findApiKeyById(db: Db, id: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
  return row;
}

export async function listApiKeys(db: Db, organizationId?: string): Promise<ApiKeyRow[]> {
  const q = db.select().from(apiKeys);
  return (organizationId ? q.where(eq(apiKeys.organizationId, organizationId)) : q).orderBy(asc(apiKeys.createdAt));
}

export async function updateApiKey(db: Db, id: string, values: Partial<typeof apiKeys.$inferInsert>): Promise<ApiKeyRow | undefined> {
  const [row] = await db.update(apiKeys).set(values).where(eq(apiKeys.id, id)).returning();
  return row;
}
