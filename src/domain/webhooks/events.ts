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

/**
 * The outbox topic written once per intake batch with all the verdict changes it made (the first
 * reports of new identifiers list them): one message per batch instead of one per identifier,
 * which kept the outbox busier than the intake itself. Each change becomes its own webhook event.
 */
export const INDICATOR_VERDICTS_TOPIC = 'indicator.verdicts_changed';

/** What the `indicator.verdicts_changed` outbox message carries: the changes, in order. */
export interface IndicatorVerdictsChanged {
  changes: IndicatorVerdictChanged[];
}

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
