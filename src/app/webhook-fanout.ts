import {
  INDICATOR_VERDICT_TOPIC,
  INDICATOR_VERDICTS_TOPIC,
  indicatorEventType,
  type IndicatorVerdictChanged,
  type IndicatorVerdictsChanged,
  type WebhookEnvelope,
  type WebhookEventType,
} from '../domain/webhooks/events.ts';
import { concernsOf, receives, type Concerns } from '../domain/webhooks/routing.ts';
import type { Db } from '../store/connection.ts';
import { insertDeliveries, subscribersOfAny, type DeliveryToQueue } from '../store/webhooks.ts';
import { ESCALATION_TOPICS, type EscalationTopic } from './escalation-notices.ts';

/**
 * The Standard Webhooks `webhook-id` of the event made from an outbox message; `part` numbers
 * the events of a message that carries several (a batch of verdict changes), from 0.
 */
export function messageIdOf(outboxId: number, part?: number): string {
  return part === undefined ? `msg_cg${outboxId}` : `msg_cg${outboxId}_${part}`;
}

type WebhookEvent = NonNullable<ReturnType<typeof eventOf>>;

/** The webhook events an outbox message becomes, each with its `webhook-id`; none for other topics. */
export function eventsOf(message: { id: number; topic: string; payload: unknown }, now: Date): { messageId: string; event: WebhookEvent }[] {
  if (message.topic === INDICATOR_VERDICTS_TOPIC) {
    return (message.payload as IndicatorVerdictsChanged).changes.map((change, part) => ({
      messageId: messageIdOf(message.id, part),
      event: eventOf(INDICATOR_VERDICT_TOPIC, change, now)!,
    }));
  }
  const event = eventOf(message.topic, message.payload, now);
  return event ? [{ messageId: messageIdOf(message.id), event }] : [];
}

/** What an escalation outbox message carries (see notifyEscalation). */
interface EscalationMessage {
  escalationId: string;
  caseReference: string;
  platform: string;
  organizationId: string;
  status: string;
  fraudCategory: string;
  dueAt: string;
  breachedAt: string | null;
  action: string | null;
  subjects: string[];
}

/**
 * The webhook event an outbox message becomes, and whom it concerns; null for messages that
 * are not webhook events. Payloads are built field by field from the message (never spread),
 * so nothing about reporters can slip through.
 */
export function eventOf(topic: string, payload: unknown, now: Date): { envelope: WebhookEnvelope; family: 'indicator' | 'escalation'; tlp: IndicatorVerdictChanged['tlp'] | null; concerns: Concerns } | null {
  if (topic === INDICATOR_VERDICT_TOPIC) {
    const p = payload as IndicatorVerdictChanged;
    const concerns = concernsOf([p.indicator]);
    return {
      family: 'indicator',
      tlp: p.tlp,
      concerns,
      envelope: {
        type: indicatorEventType(p.toVerdict),
        timestamp: p.changedAt,
        data: {
          id: p.indicatorId,
          indicator: p.indicator,
          kind: p.kind,
          display: p.display,
          verdict: p.toVerdict,
          previousVerdict: p.fromVerdict,
          confidence: p.confidence,
          tlp: p.tlp,
          fraudTypes: p.fraudTypes,
          concerns: { bins: concerns.bins, networks: concerns.networks, platforms: concerns.platforms },
        },
      },
    };
  }
  if ((ESCALATION_TOPICS as readonly string[]).includes(topic)) {
    const p = payload as EscalationMessage;
    return {
      family: 'escalation',
      tlp: null,
      concerns: concernsOf([], [p.organizationId]),
      envelope: {
        type: topic as EscalationTopic satisfies WebhookEventType,
        timestamp: now.toISOString(),
        data: {
          id: p.escalationId,
          caseReference: p.caseReference,
          platform: p.platform,
          status: p.status,
          fraudCategory: p.fraudCategory,
          dueAt: p.dueAt,
          breachedAt: p.breachedAt,
          action: p.action,
          subjects: p.subjects,
        },
      },
    };
  }
  return null;
}

/**
 * Turns outbox messages into one queued delivery per subscription that asked for the event type
 * and may receive it (routing by BIN, network, platform, addressee; TLP). One query finds the
 * subscribers of all the messages' event types and one statement queues every delivery, in
 * message order (each subscription's queue is read in id order); with no subscriber, nothing
 * is written. A repeated message (the outbox delivers at least once) queues nothing new.
 * Returns how many deliveries were queued.
 */
export async function fanOutEvents(db: Db, messages: readonly { id: number; topic: string; payload: unknown }[], now: Date = new Date()): Promise<number> {
  const events = [...messages].sort((a, b) => a.id - b.id).flatMap((message) => eventsOf(message, now));
  if (events.length === 0) return 0;
  const subscribers = await subscribersOfAny(db, [...new Set(events.map((e) => e.event.envelope.type))]);
  if (subscribers.length === 0) return 0;
  const deliveries: DeliveryToQueue[] = [];
  for (const { messageId, event } of events) {
    const eventType = event.envelope.type;
    for (const s of subscribers) {
      if (s.eventTypes.includes(eventType) && receives(s, event)) deliveries.push({ subscriptionId: s.subscriptionId, messageId, eventType, payload: event.envelope, at: now });
    }
  }
  await insertDeliveries(db, deliveries);
  return deliveries.length;
}

/** One outbox message's deliveries (see fanOutEvents). */
export function fanOutEvent(db: Db, message: { id: number; topic: string; payload: unknown }, now: Date = new Date()): Promise<number> {
  return fanOutEvents(db, [message], now);
}

/** The outbox topics that become webhook events. */
export const WEBHOOK_SOURCE_TOPICS: readonly string[] = [INDICATOR_VERDICT_TOPIC, INDICATOR_VERDICTS_TOPIC, ...ESCALATION_TOPICS];
