import { randomUUID } from 'node:crypto';
import { WEBHOOK_EVENT_TYPES, isWebhookEventType, type WebhookEnvelope } from '../domain/webhooks/events.ts';
import { generateSecret } from '../domain/webhooks/signature.ts';
import { appendAudit } from '../store/audit-log.ts';
import type { Db } from '../store/connection.ts';
import { findOrganizationById } from '../store/organizations.ts';
import type { WebhookRouting } from '../store/schema.ts';
import {
  deleteSubscription,
  findDelivery,
  findSubscription,
  insertDelivery,
  insertSubscription,
  listAttempts,
  listDeliveries as listDeliveryRows,
  listSubscriptions as listSubscriptionRows,
  updateDelivery,
  updateSubscription,
  type WebhookAttemptRow,
  type WebhookDeliveryRow,
  type WebhookSubscriptionRow,
} from '../store/webhooks.ts';
import { auditActor, type Actor, type Caller } from './caller.ts';
import { badRequest, forbidden, notFound, type FieldError } from './errors.ts';
import { sealSecret } from './webhook-secrets.ts';
import { checkTarget, TargetRefused } from './webhook-targets.ts';

export interface WebhookSettings {
  allowPrivateTargets: boolean;
  secretGraceMs: number;
}

export interface WebhookSubscriptionView {
  id: string;
  organizationId: string;
  url: string;
  description: string;
  eventTypes: string[];
  routing: WebhookRouting;
  status: 'active' | 'paused' | 'disabled';
  disabledReason: string | null;
  /** During a rotation: until when the previous secret still signs too. */
  previousSecretValidUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export function subscriptionView(s: WebhookSubscriptionRow, now = new Date()): WebhookSubscriptionView {
  return {
    id: s.id,
    organizationId: s.organizationId,
    url: s.url,
    description: s.description,
    eventTypes: s.eventTypes,
    routing: s.routing,
    status: s.status,
    disabledReason: s.disabledReason,
    previousSecretValidUntil: s.previousSecret && s.previousSecretUntil && s.previousSecretUntil > now ? s.previousSecretUntil.toISOString() : null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** Admins manage every organization's webhooks; a partner's administrator and keys with `webhooks:manage` their own. */
function mayManage(actor: Actor, organizationId: string): boolean {
  if (actor.type === 'system') return true;
  if (actor.type === 'user') return actor.role === 'admin' || (actor.role === 'partner_admin' && actor.organizationId === organizationId);
  if (actor.type === 'api_key') return actor.scopes.includes('webhooks:manage') && actor.organizationId === organizationId;
  return false;
}

function ownOrganization(actor: Actor): string | null {
  return actor.type === 'user' || actor.type === 'api_key' ? actor.organizationId : null;
}

/** Another organization's subscription is "not found", never "forbidden": its existence is not told. */
async function manageable(db: Db, caller: Caller, id: string): Promise<WebhookSubscriptionRow> {
  const row = await findSubscription(db, id);
  if (!row || !mayManage(caller.actor, row.organizationId)) throw notFound('The webhook subscription');
  return row;
}

function eventTypeErrors(eventTypes: readonly string[] | undefined): FieldError[] {
  if (eventTypes === undefined) return [];
  if (eventTypes.length === 0) return [{ field: '/eventTypes', message: 'Choose at least one event type.' }];
  return eventTypes.flatMap((t, i) =>
    isWebhookEventType(t) ? [] : [{ field: `/eventTypes/${i}`, message: `Unknown event type "${t}". Known: ${WEBHOOK_EVENT_TYPES.join(', ')}.` }],
  );
}

async function checkedUrl(raw: string, settings: WebhookSettings): Promise<string> {
  try {
    return (await checkTarget(raw.trim(), settings.allowPrivateTargets)).toString();
  } catch (error) {
    if (error instanceof TargetRefused) throw badRequest('The target URL cannot receive webhooks.', [{ field: '/url', message: error.message, code: 'target_refused' }]);
    throw error;
  }
}

export interface NewSubscriptionInput {
  /** Defaults to the caller's organization. */
  organizationId?: string;
  url: string;
  description?: string;
  eventTypes: string[];
  routing?: WebhookRouting;
}

export async function createSubscription(db: Db, caller: Caller, input: NewSubscriptionInput, settings: WebhookSettings): Promise<{ subscription: WebhookSubscriptionView; secret: string }> {
  const organizationId = input.organizationId ?? ownOrganization(caller.actor);
  const errors = eventTypeErrors(input.eventTypes);
  if (!organizationId) errors.push({ field: '/organizationId', message: 'Name the organization the subscription is for.' });
  if (errors.length) throw badRequest('The webhook subscription is not valid.', errors);
  if (!mayManage(caller.actor, organizationId!)) throw forbidden('You may manage only your own organization’s webhooks.');
  const url = await checkedUrl(input.url, settings);
  const secret = generateSecret();
  return db.transaction(async (tx) => {
    if (!(await findOrganizationById(tx, organizationId!))) throw badRequest('The organization does not exist.', [{ field: '/organizationId', message: 'Unknown organization.' }]);
    const row = await insertSubscription(tx, {
      organizationId: organizationId!,
      url,
      description: input.description?.trim() ?? '',
      eventTypes: [...new Set(input.eventTypes)],
      routing: input.routing ?? 'concerned',
      secret: sealSecret(secret),
      createdBy: caller.actor.type === 'user' ? caller.actor.userId : null,
    });
    const subscription = subscriptionView(row);
    await appendAudit(tx, { ...auditActor(caller), action: 'webhook.created', subjectType: 'webhook_subscription', subjectId: row.id, after: subscription });
    return { subscription, secret };
  });
}

export async function listSubscriptions(db: Db, caller: Caller, organizationId?: string): Promise<WebhookSubscriptionView[]> {
  const a = caller.actor;
  if (a.type === 'system' || (a.type === 'user' && a.role === 'admin')) return (await listSubscriptionRows(db, organizationId)).map((r) => subscriptionView(r));
  const own = ownOrganization(a);
  if (!own || !mayManage(a, own)) throw forbidden();
  if (organizationId && organizationId !== own) return [];
  return (await listSubscriptionRows(db, own)).map((r) => subscriptionView(r));
}

export async function getSubscription(db: Db, caller: Caller, id: string): Promise<WebhookSubscriptionView> {
  return subscriptionView(await manageable(db, caller, id));
}

export interface SubscriptionChanges {
  url?: string;
  description?: string;
  eventTypes?: string[];
  routing?: WebhookRouting;
  /** `paused` holds deliveries (they queue); `active` resumes, and re-enables a disabled subscription. */
  status?: 'active' | 'paused';
}

export async function updateSubscriptionSettings(db: Db, caller: Caller, id: string, changes: SubscriptionChanges, settings: WebhookSettings): Promise<WebhookSubscriptionView> {
  const errors = eventTypeErrors(changes.eventTypes);
  if (errors.length) throw badRequest('The changes are not valid.', errors);
  const url = changes.url === undefined ? undefined : await checkedUrl(changes.url, settings);
  return db.transaction(async (tx) => {
    const existing = await manageable(tx, caller, id);
    const row = await updateSubscription(tx, id, {
      ...(url !== undefined ? { url } : {}),
      ...(changes.description !== undefined ? { description: changes.description.trim() } : {}),
      ...(changes.eventTypes !== undefined ? { eventTypes: [...new Set(changes.eventTypes)] } : {}),
      ...(changes.routing !== undefined ? { routing: changes.routing } : {}),
      ...(changes.status !== undefined ? { status: changes.status, disabledReason: null } : {}),
    });
    const view = subscriptionView(row!);
    await appendAudit(tx, { ...auditActor(caller), action: 'webhook.updated', subjectType: 'webhook_subscription', subjectId: id, before: subscriptionView(existing), after: view });
    return view;
  });
}

export async function removeSubscription(db: Db, caller: Caller, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const existing = await manageable(tx, caller, id);
    await deleteSubscription(tx, id);
    await appendAudit(tx, { ...auditActor(caller), action: 'webhook.deleted', subjectType: 'webhook_subscription', subjectId: id, before: subscriptionView(existing) });
  });
}

/**
 * A new secret, shown once. The old one keeps signing for the grace period: each message
 * carries both signatures meanwhile, so the receiver can switch at its own pace.
 */
export async function rotateSecret(db: Db, caller: Caller, id: string, settings: WebhookSettings): Promise<{ subscription: WebhookSubscriptionView; secret: string }> {
  return db.transaction(async (tx) => {
    const existing = await manageable(tx, caller, id);
    const secret = generateSecret();
    const until = new Date(Date.now() + settings.secretGraceMs);
    const row = await updateSubscription(tx, id, { secret: sealSecret(secret), previousSecret: existing.secret, previousSecretUntil: until });
    const view = subscriptionView(row!);
    await appendAudit(tx, { ...auditActor(caller), action: 'webhook.secret_rotated', subjectType: 'webhook_subscription', subjectId: id, after: { previousSecretValidUntil: until.toISOString() } });
    return { subscription: view, secret };
  });
}

export interface DeliveryView {
  id: number;
  subscriptionId: string;
  messageId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  payload: unknown;
}

export interface AttemptView {
  attemptedAt: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  responseBody: string | null;
}

function deliveryView(d: WebhookDeliveryRow): DeliveryView {
  return {
    id: d.id,
    subscriptionId: d.subscriptionId,
    messageId: d.messageId,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    payload: d.payload,
  };
}

function attemptView(a: WebhookAttemptRow): AttemptView {
  return { attemptedAt: a.attemptedAt.toISOString(), statusCode: a.statusCode, durationMs: a.durationMs, error: a.error, responseBody: a.responseBody };
}

export async function listDeliveries(
  db: Db,
  caller: Caller,
  subscriptionId: string,
  page: { limit?: number; before?: number; status?: WebhookDeliveryRow['status'] } = {},
): Promise<DeliveryView[]> {
  await manageable(db, caller, subscriptionId);
  return (await listDeliveryRows(db, subscriptionId, Math.min(page.limit ?? 50, 200), page.before, page.status)).map(deliveryView);
}

async function manageableDelivery(db: Db, caller: Caller, subscriptionId: string, deliveryId: number): Promise<WebhookDeliveryRow> {
  await manageable(db, caller, subscriptionId);
  const delivery = await findDelivery(db, deliveryId);
  if (!delivery || delivery.subscriptionId !== subscriptionId) throw notFound('The delivery');
  return delivery;
}

/** A delivery with its log: every attempt's time, status code, duration, error and the start of the answer. */
export async function getDelivery(db: Db, caller: Caller, subscriptionId: string, deliveryId: number): Promise<DeliveryView & { log: AttemptView[] }> {
  const delivery = await manageableDelivery(db, caller, subscriptionId, deliveryId);
  return { ...deliveryView(delivery), log: (await listAttempts(db, delivery.id)).map(attemptView) };
}

/**
 * Queues a `webhook.test` event for the subscription (behind what is already queued), so a
 * partner can check its receiver and signature verification end to end.
 */
export async function sendTestEvent(db: Db, caller: Caller, subscriptionId: string): Promise<DeliveryView> {
  return db.transaction(async (tx) => {
    const subscription = await manageable(tx, caller, subscriptionId);
    const now = new Date();
    const messageId = `msg_test_${randomUUID()}`;
    const envelope: WebhookEnvelope = { type: 'webhook.test', timestamp: now.toISOString(), data: { subscriptionId: subscription.id, message: 'A test event from Canh Giác: verify its signature, answer 2xx.' } };
    await insertDelivery(tx, { subscriptionId: subscription.id, messageId, eventType: envelope.type, payload: envelope, at: now });
    const [row] = (await listDeliveryRows(tx, subscription.id, 1)).filter((d) => d.messageId === messageId);
    await appendAudit(tx, { ...auditActor(caller), action: 'webhook.test_sent', subjectType: 'webhook_subscription', subjectId: subscription.id });
    return deliveryView(row!);
  });
}

/**
 * Sends a delivery again (same `webhook-id`, so a receiver that already has it can tell): it
 * goes back in the queue, in its original place in the subscription's order, with a fresh
 * retry window.
 */
export async function replayDelivery(db: Db, caller: Caller, subscriptionId: string, deliveryId: number): Promise<DeliveryView> {
  return db.transaction(async (tx) => {
    const delivery = await manageableDelivery(tx, caller, subscriptionId, deliveryId);
    const row = await updateDelivery(tx, delivery.id, { status: 'pending', nextAttemptAt: new Date(), firstAttemptAt: null, leaseUntil: null, deliveredAt: null });
    await appendAudit(tx, { ...auditActor(caller), action: 'webhook.delivery_replayed', subjectType: 'webhook_delivery', subjectId: String(delivery.id), before: { status: delivery.status } });
    return deliveryView(row!);
  });
}
