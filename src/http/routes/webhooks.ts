import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  createSubscription,
  getDelivery,
  getSubscription,
  listDeliveries,
  listSubscriptions,
  removeSubscription,
  replayDelivery,
  rotateSecret,
  sendTestEvent,
  updateSubscriptionSettings,
  type WebhookSettings,
} from '../../app/webhooks.ts';
import { WEBHOOK_EVENT_TYPES } from '../../domain/webhooks/events.ts';
import type { Db } from '../../store/connection.ts';
import { WEBHOOK_ROUTINGS } from '../../store/schema.ts';
import { IdParams, problemResponses, Uuid } from '../schemas/common.ts';

const Subscription = Type.Object({
  id: Type.String(),
  organizationId: Type.String(),
  url: Type.String(),
  description: Type.String(),
  eventTypes: Type.Array(Type.String()),
  routing: Type.Enum(WEBHOOK_ROUTINGS),
  status: Type.Enum(['active', 'paused', 'disabled']),
  disabledReason: Type.Union([Type.String(), Type.Null()]),
  previousSecretValidUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

const WithSecret = Type.Object({
  subscription: Subscription,
  secret: Type.String({ description: 'whsec_… — shown only in this answer; keep it to verify signatures.' }),
});

const Delivery = Type.Object({
  id: Type.Integer(),
  subscriptionId: Type.String(),
  messageId: Type.String(),
  eventType: Type.String(),
  status: Type.Enum(['pending', 'delivered', 'failed']),
  attempts: Type.Integer(),
  nextAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  deliveredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  payload: Type.Unknown(),
});

const Attempt = Type.Object({
  attemptedAt: Type.String({ format: 'date-time' }),
  statusCode: Type.Union([Type.Integer(), Type.Null()]),
  durationMs: Type.Integer(),
  error: Type.Union([Type.String(), Type.Null()]),
  responseBody: Type.Union([Type.String(), Type.Null()]),
});

const EventTypes = Type.Array(Type.Enum(WEBHOOK_EVENT_TYPES), { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length });
const DeliveryParams = Type.Object({ id: Uuid, deliveryId: Type.String({ maxLength: 40, description: 'the delivery id (a number)' }) });

/** A delivery id that is not a number names no delivery: 404, like an unknown one. */
function deliveryNumber(raw: string): number {
  return /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : 0;
}

/** Admins manage every organization's webhooks; partner administrators and `webhooks:manage` keys their own. */
const MANAGERS = { roles: ['admin', 'partner_admin'], scopes: ['webhooks:manage'] } as const;

export const webhookRoutes: FastifyPluginAsyncTypebox<{ db: Db; settings: WebhookSettings }> = async (app, { db, settings }) => {
  app.get(
    '/api/v1/webhooks',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['webhooks'],
        summary: 'Webhook subscriptions (admins: all, or one organization; partners: their own)',
        querystring: Type.Object({ organizationId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Subscription) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listSubscriptions(db, request.caller, request.query.organizationId) }),
  );

  app.post(
    '/api/v1/webhooks',
    {
      config: { access: MANAGERS, idempotent: true },
      schema: {
        tags: ['webhooks'],
        summary: 'Register a webhook receiver; the signing secret is in the answer, once',
        body: Type.Object(
          {
            organizationId: Type.Optional(Uuid),
            url: Type.String({ minLength: 1, maxLength: 2000 }),
            description: Type.Optional(Type.String({ maxLength: 500 })),
            eventTypes: EventTypes,
            routing: Type.Optional(Type.Enum(WEBHOOK_ROUTINGS)),
          },
          { additionalProperties: false },
        ),
        response: { 201: WithSecret, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createSubscription(db, request.caller, request.body, settings)),
  );

  app.get(
    '/api/v1/webhooks/:id',
    {
      config: { access: MANAGERS },
      schema: { tags: ['webhooks'], summary: 'One webhook subscription', params: IdParams, response: { 200: Subscription, ...problemResponses } },
    },
    async (request) => getSubscription(db, request.caller, request.params.id),
  );

  app.patch(
    '/api/v1/webhooks/:id',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['webhooks'],
        summary: 'Change a subscription: URL, filters, routing; pause it or resume it (also after it was disabled)',
        params: IdParams,
        body: Type.Object(
          {
            url: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
            description: Type.Optional(Type.String({ maxLength: 500 })),
            eventTypes: Type.Optional(EventTypes),
            routing: Type.Optional(Type.Enum(WEBHOOK_ROUTINGS)),
            status: Type.Optional(Type.Enum(['active', 'paused'])),
          },
          { additionalProperties: false },
        ),
        response: { 200: Subscription, ...problemResponses },
      },
    },
    async (request) => updateSubscriptionSettings(db, request.caller, request.params.id, request.body, settings),
  );

  app.delete(
    '/api/v1/webhooks/:id',
    {
      config: { access: MANAGERS },
      schema: { tags: ['webhooks'], summary: 'Delete a subscription and its queue', params: IdParams, response: { 204: Type.Null(), ...problemResponses } },
    },
    async (request, reply) => {
      await removeSubscription(db, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/webhooks/:id/rotate-secret',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['webhooks'],
        summary: 'A new signing secret, shown once; the old one keeps signing (two signatures per message) for the grace period',
        params: IdParams,
        response: { 200: WithSecret, ...problemResponses },
      },
    },
    async (request) => rotateSecret(db, request.caller, request.params.id, settings),
  );

  app.post(
    '/api/v1/webhooks/:id/test',
    {
      config: { access: MANAGERS },
      schema: { tags: ['webhooks'], summary: 'Queue a signed `webhook.test` event, to check the receiver end to end', params: IdParams, response: { 202: Delivery, ...problemResponses } },
    },
    async (request, reply) => reply.code(202).send(await sendTestEvent(db, request.caller, request.params.id)),
  );

  app.get(
    '/api/v1/webhooks/:id/deliveries',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['webhooks'],
        summary: "A subscription's deliveries, newest first",
        params: IdParams,
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            before: Type.Optional(Type.Integer({ minimum: 1 })),
            status: Type.Optional(Type.Enum(['pending', 'delivered', 'failed'], { description: 'only deliveries in this state (e.g. `failed`)' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Delivery) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listDeliveries(db, request.caller, request.params.id, request.query) }),
  );

  app.get(
    '/api/v1/webhooks/:id/deliveries/:deliveryId',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['webhooks'],
        summary: 'One delivery with its log of attempts',
        params: DeliveryParams,
        response: { 200: Type.Intersect([Delivery, Type.Object({ log: Type.Array(Attempt) })]), ...problemResponses },
      },
    },
    async (request) => getDelivery(db, request.caller, request.params.id, deliveryNumber(request.params.deliveryId)),
  );

  app.post(
    '/api/v1/webhooks/:id/deliveries/:deliveryId/replay',
    {
      config: { access: MANAGERS },
      schema: { tags: ['webhooks'], summary: 'Send a delivery again (same webhook-id)', params: DeliveryParams, response: { 202: Delivery, ...problemResponses } },
    },
    async (request, reply) => reply.code(202).send(await replayDelivery(db, request.caller, request.params.id, deliveryNumber(request.params.deliveryId))),
  );
};
