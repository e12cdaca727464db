import { api } from './client.ts';

// Webhook subscriptions, their delivery log and replays (/api/v1/webhooks…; see docs/sharing.md).

/** Event types a subscription can ask for (mirrors src/domain/webhooks/events.ts). */
export const WEBHOOK_EVENT_TYPES = [
  'indicator.listed',
  'indicator.confirmed',
  'indicator.cleared',
  'indicator.disputed',
  'escalation.created',
  'escalation.due_soon',
  'escalation.overdue',
  'escalation.answered',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_ROUTINGS = ['concerned', 'all'] as const;
export type WebhookRouting = (typeof WEBHOOK_ROUTINGS)[number];

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface WebhookSubscription {
  id: string;
  organizationId: string;
  url: string;
  description: string;
  eventTypes: string[];
  routing: WebhookRouting;
  status: 'active' | 'paused' | 'disabled';
  disabledReason: string | null;
  previousSecretValidUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookDelivery {
  id: number;
  subscriptionId: string;
  messageId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface NewWebhook {
  organizationId: string;
  url: string;
  description?: string;
  eventTypes: WebhookEventType[];
  routing: WebhookRouting;
}

type WithSecret = { subscription: WebhookSubscription; secret: string };

export const listWebhooks = (organizationId: string) => api.get<{ items: WebhookSubscription[] }>(`/api/v1/webhooks?organizationId=${encodeURIComponent(organizationId)}`);
export const createWebhook = (body: NewWebhook) => api.post<WithSecret>('/api/v1/webhooks', body);
export const setWebhookStatus = (id: string, status: 'active' | 'paused') => api.patch<WebhookSubscription>(`/api/v1/webhooks/${id}`, { status });
export const rotateWebhookSecret = (id: string) => api.post<WithSecret>(`/api/v1/webhooks/${id}/rotate-secret`);
export const sendWebhookTest = (id: string) => api.post<WebhookDelivery>(`/api/v1/webhooks/${id}/test`);
export const deleteWebhook = (id: string) => api.delete<void>(`/api/v1/webhooks/${id}`);
export const listDeliveries = (id: string, status?: DeliveryStatus) =>
  api.get<{ items: WebhookDelivery[] }>(`/api/v1/webhooks/${id}/deliveries?limit=50${status ? `&status=${status}` : ''}`);
export const replayDelivery = (id: string, deliveryId: number) => api.post<WebhookDelivery>(`/api/v1/webhooks/${id}/deliveries/${deliveryId}/replay`);
export const getWebhook = (id: string) => api.get<WebhookSubscription>(`/api/v1/webhooks/${id}`);
