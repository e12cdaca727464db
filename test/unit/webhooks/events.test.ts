import { describe, expect, it } from 'vitest';
import { eventOf, eventsOf, messageIdOf } from '../../../src/app/webhook-fanout.ts';
import { indicatorEventType } from '../../../src/domain/webhooks/events.ts';

const now = new Date('2026-11-28T12:00:00Z');

describe('webhook events from outbox messages', () => {
  it('verdicts map to event types', () => {
    expect(['suspected', 'confirmed', 'cleared', 'disputed'].map((v) => indicatorEventType(v as never))).toEqual(['indicator.listed', 'indicator.confirmed', 'indicator.cleared', 'indicator.disputed']);
  });

  it('payloads are built field by field: anything else in the message never reaches a partner', () => {
    const event = eventOf(
      'indicator.verdict_changed',
      {
        indicatorId: 'i1', indicator: 'phone:+84961234567', kind: 'phone', display: '096 123 4567', fromVerdict: null, toVerdict: 'suspected',
        confidence: 40, tlp: 'green', fraudTypes: ['investment'], changedAt: now.toISOString(),
        // A field someone might add to the message one day:
        reporterEmail: 'nguoi.bao@example.vn', reporterContactEncrypted: 'v1.abc',
      },
      now,
    )!;
    expect(event.envelope.type).toBe('indicator.listed');
    expect(event.concerns.networks).toEqual(['viettel']);
    expect(JSON.stringify(event.envelope)).not.toMatch(/reporter|nguoi\.bao/);
    const escalation = eventOf('escalation.overdue', { escalationId: 'e1', caseReference: 'CG-1', platform: 'zalo', organizationId: 'org-z', status: 'open', fraudCategory: 'loan', dueAt: now.toISOString(), breachedAt: now.toISOString(), action: null, subjects: ['zalo:123'], narrative: 'secret story' }, now)!;
    expect(escalation.concerns.organizationIds).toEqual(['org-z']);
    expect(JSON.stringify(escalation.envelope)).not.toContain('secret story');
  });

  it('other topics are not webhook events; message ids are stable per outbox message', () => {
    expect(eventOf('email.send', { to: 'a@example.vn' }, now)).toBeNull();
    expect(messageIdOf(42)).toBe(messageIdOf(42));
    expect(messageIdOf(42)).not.toBe(messageIdOf(43));
  });

  it('a message carrying a batch of verdict changes becomes one event per change, each with its own id', () => {
    const change = (n: number, toVerdict: string) => ({
      indicatorId: `i${n}`, indicator: `phone:+8496123400${n}`, kind: 'phone', display: `096 123 400${n}`, fromVerdict: null, toVerdict,
      confidence: 40, tlp: 'green', fraudTypes: ['loan'], changedAt: now.toISOString(), reporterEmail: 'nguoi.bao@example.vn',
    });
    const events = eventsOf({ id: 7, topic: 'indicator.verdicts_changed', payload: { changes: [change(1, 'suspected'), change(2, 'confirmed')] } }, now);
    expect(events.map((e) => e.messageId)).toEqual(['msg_cg7_0', 'msg_cg7_1']);
    expect(events.map((e) => e.event.envelope.type)).toEqual(['indicator.listed', 'indicator.confirmed']);
    expect(JSON.stringify(events)).not.toContain('nguoi.bao');
    expect(eventsOf({ id: 8, topic: 'indicator.verdict_changed', payload: change(3, 'suspected') }, now).map((e) => e.messageId)).toEqual(['msg_cg8']);
    expect(eventsOf({ id: 9, topic: 'email.send', payload: {} }, now)).toEqual([]);
    expect(messageIdOf(7, 0)).not.toBe(messageIdOf(70));
  });
});
