import type { Tlp, Verdict } from '../indicators/verdicts.ts';

/** The events a webhook subscription can ask for. */
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

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** The outbox topic written with every verdict change, in the change's transaction. */
export const INDICATOR_VERDICT_TOPIC = 'indicator.verdict_changed';

/** What the `indicator.verdict_changed` outbox message carries: the indicator, never a reporter. */
export interface IndicatorVerdictChanged {
  indicatorId: string;
  indicator: string;
  kind: string;
  display: string;
  fromVerdict: Verdict | null;
  toVerdict: Verdict;
  confidence: number;
  tlp: Tlp;
  fraudTypes: string[];
  changedAt: string;
}

/** The webhook event a verdict change becomes: suspected → listed, and so on. */
export function indicatorEventType(toVerdict: Verdict): WebhookEventType {
  switch (toVerdict) {
    case 'suspected':
      return 'indicator.listed';
    case 'confirmed':
      return 'indicator.confirmed';
    case 'cleared':
      return 'indicator.cleared';
    case 'disputed':
      return 'indicator.disputed';
  }
}

/** The body of every webhook: the Standard Webhooks envelope. */
export interface WebhookEnvelope {
  type: WebhookEventType | 'webhook.test';
  timestamp: string;
  data: Record<string, unknown>;
}
