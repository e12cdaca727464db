import { eq } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { organizations, partnerTrust } from './schema.ts';

export type PartnerTrustRow = typeof partnerTrust.$inferSelect;

export async function findPartnerTrust(db: Db, organizationId: string): Promise<PartnerTrustRow | undefined> {
  const [row] = await db.select().from(partnerTrust).where(eq(partnerTrust.organizationId, organizationId));
  return row;
}

export async function upsertPartnerTrust(db: Db, values: typeof partnerTrust.$inferInsert): Promise<PartnerTrustRow> {
  const { organizationId: _id, ...changes } = values;
  const [row] = await db
    .insert(partnerTrust)
    .values(values)
    .onConflictDoUpdate({ target: partnerTrust.organizationId, set: { ...changes, updatedAt: new Date() } })
    .returning();
  return row!;
}

export async function findOrganizationById(db: Db, id: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row;
}
