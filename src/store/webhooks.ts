import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { OrganizationKind } from '../domain/auth/roles.ts';
import type { Tlp } from '../domain/indicators/verdicts.ts';
import { writeJsonRows } from './bulk-insert.ts';
import { queryRows, type Db } from './connection.ts';
import { organizations, partnerTrust, webhookAttempts, webhookDeliveries, webhookSubscriptions } from './schema.ts';

export type WebhookSubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;

export async function insertSubscription(db: Db, values: typeof webhookSubscriptions.$inferInsert): Promise<WebhookSubscriptionRow> {
  const [row] = await db.insert(webhookSubscriptions).values(values).returning();
  return row!;
}

export async function findSubscription(db: Db, id: string): Promise<WebhookSubscriptionRow | undefined> {
  const [row] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
  return row;
}

export async function listSubscriptions(db: Db, organizationId?: string): Promise<WebhookSubscriptionRow[]> {
  const q = db.select().from(webhookSubscriptions);
  return (organizationId ? q.where(eq(webhookSubscriptions.organizationId, organizationId)) : q).orderBy(asc(webhookSubscriptions.createdAt));
}

export async function updateSubscription(db: Db, id: string, values: Partial<typeof webhookSubscriptions.$inferInsert>): Promise<WebhookSubscriptionRow | undefined> {
  const [row] = await db
    .update(webhookSubscriptions)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(webhookSubscriptions.id, id))
    .returning();
  return row;
}

export async function deleteSubscription(db: Db, id: string): Promise<void> {
  await db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
}

/** A subscription that wants an event type, with what routing needs to know of its organization. */
export interface SubscriberRow {
  subscriptionId: string;
  organizationId: string;
  routing: 'concerned' | 'all';
  kind: OrganizationKind;
  platform: string | null;
  network: string | null;
  bins: string[];
  maxTlp: Tlp | null;
  /** The event types the subscription asked for. */
  eventTypes: string[];
}

/** Subscriptions (active or paused: a paused one keeps its queue) whose filter has `eventType`. */
export async function subscribersOf(db: Db, eventType: string): Promise<SubscriberRow[]> {
  return subscribersOfAny(db, [eventType]);
}

/** Subscriptions (active or paused) whose filter has any of `eventTypes`, in one query. */
export async function subscribersOfAny(db: Db, eventTypes: readonly string[]): Promise<SubscriberRow[]> {
  if (eventTypes.length === 0) return [];
  const rows = await db
    .select({
      subscriptionId: webhookSubscriptions.id,
      organizationId: webhookSubscriptions.organizationId,
      routing: webhookSubscriptions.routing,
      kind: organizations.kind,
      platform: organizations.platform,
      network: organizations.network,
      bins: partnerTrust.bins,
      maxTlp: partnerTrust.maxTlp,
      eventTypes: webhookSubscriptions.eventTypes,
    })
    .from(webhookSubscriptions)
    .innerJoin(organizations, eq(organizations.id, webhookSubscriptions.organizationId))
    .leftJoin(partnerTrust, eq(partnerTrust.organizationId, webhookSubscriptions.organizationId))
    .where(and(inArray(webhookSubscriptions.status, ['active', 'paused']), sql`${webhookSubscriptions.eventTypes} && ${sql.param([...eventTypes])}::text[]`));
  return rows.map((r) => ({ ...r, bins: r.bins ?? [], maxTlp: r.maxTlp ?? null, eventTypes: r.eventTypes ?? [] }));
}

/** Queues an event for a subscription; a repeat of the same message (the outbox is at-least-once) is ignored. */
export async function insertDelivery(db: Db, values: { subscriptionId: string; messageId: string; eventType: string; payload: unknown; at: Date }): Promise<void> {
  await db
    .insert(webhookDeliveries)
    .values({ subscriptionId: values.subscriptionId, messageId: values.messageId, eventType: values.eventType, payload: values.payload as object, nextAttemptAt: values.at, createdAt: values.at })
    .onConflictDoNothing({ target: [webhookDeliveries.subscriptionId, webhookDeliveries.messageId] });
}

/** A delivery to queue: one event for one subscription. */
export interface DeliveryToQueue {
  subscriptionId: string;
  messageId: string;
  eventType: string;
  payload: unknown;
  at: Date;
}

/**
 * Queues many deliveries in one statement, in the given order (a subscription's queue is read
 * in id order); a repeat of the same message for a subscription (the outbox is at-least-once)
 * is ignored.
 */
export async function insertDeliveries(db: Db, deliveries: readonly DeliveryToQueue[]): Promise<void> {
  if (deliveries.length === 0) return;
  await writeJsonRows(
    db,
    webhookDeliveries,
    deliveries.map((d) => ({ subscriptionId: d.subscriptionId, messageId: d.messageId, eventType: d.eventType, payload: d.payload as object, nextAttemptAt: d.at, createdAt: d.at })),
    `on conflict (subscription_id, message_id) do nothing`,
  );
}

export interface ClaimedDelivery {
  id: number;
  subscriptionId: string;
  messageId: string;
  payload: unknown;
  attempts: number;
  firstAttemptAt: Date | null;
}

/**
 * Leases due deliveries, at most one per subscription: the oldest pending delivery of an
 * active subscription, and only when it is due. While it is pending (retrying), the later
 * deliveries of its subscription wait; other subscriptions are not held up.
 *
 * Each subscription's head is found through the pending index (cost grows with the number of
 * subscriptions, not of queued deliveries). Two claimers racing for one head: the second waits
 * for the first's row lock, then re-checks the lease and status and skips it.
 */
export async function claimDueDeliveries(db: Db, limit: number, now: Date, leaseMs: number): Promise<ClaimedDelivery[]> {
  const nowIso = now.toISOString();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  const rows = await queryRows<{ id: number | string; subscription_id: string; message_id: string; payload: unknown; attempts: number; first_attempt_at: Date | string | null }>(
    db,
    sql`update webhook_deliveries set lease_until = ${leaseUntil}
      where id in (
        select h.id from webhook_subscriptions s
        cross join lateral (
          select d.id, d.next_attempt_at, d.lease_until from webhook_deliveries d
          where d.subscription_id = s.id and d.status = 'pending'
          order by d.id limit 1) h
        where s.status = 'active' and h.next_attempt_at <= ${nowIso} and (h.lease_until is null or h.lease_until < ${nowIso})
        order by h.next_attempt_at, h.id
        limit ${limit})
        and status = 'pending' and (lease_until is null or lease_until < ${nowIso})
      returning id, subscription_id, message_id, payload, attempts, first_attempt_at`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    subscriptionId: r.subscription_id,
    messageId: r.message_id,
    payload: r.payload,
    attempts: Number(r.attempts),
    firstAttemptAt: r.first_attempt_at === null ? null : new Date(r.first_attempt_at),
  }));
}

export async function insertAttempt(db: Db, values: typeof webhookAttempts.$inferInsert): Promise<void> {
  await db.insert(webhookAttempts).values({ ...values, responseBody: values.responseBody?.slice(0, 1000) ?? null, error: values.error?.slice(0, 1000) ?? null });
}

export async function updateDelivery(db: Db, id: number, values: Partial<typeof webhookDeliveries.$inferInsert>): Promise<WebhookDeliveryRow | undefined> {
  const [row] = await db.update(webhookDeliveries).set(values).where(eq(webhookDeliveries.id, id)).returning();
  return row;
}

export async function findDelivery(db: Db, id: number): Promise<WebhookDeliveryRow | undefined> {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row;
}

/** A subscription's deliveries, newest first, before `beforeId` when paging, of one status when given. */
export async function listDeliveries(db: Db, subscriptionId: string, limit: number, beforeId?: number, status?: WebhookDeliveryRow['status']): Promise<WebhookDeliveryRow[]> {
  const where = and(
    eq(webhookDeliveries.subscriptionId, subscriptionId),
    beforeId ? lt(webhookDeliveries.id, beforeId) : undefined,
    status ? eq(webhookDeliveries.status, status) : undefined,
  );
  return db.select().from(webhookDeliveries).where(where).orderBy(desc(webhookDeliveries.id)).limit(limit);
}

/** Deletes finished deliveries (and their attempts) created before `before`; returns how many. */
export async function purgeFinishedDeliveries(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(webhookDeliveries)
    .where(and(inArray(webhookDeliveries.status, ['delivered', 'failed']), lt(webhookDeliveries.createdAt, before)))
    .returning({ id: webhookDeliveries.id });
  return rows.length;
}

export async function listAttempts(db: Db, deliveryId: number): Promise<WebhookAttemptRow[]> {
  return db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId)).orderBy(asc(webhookAttempts.id));
}
