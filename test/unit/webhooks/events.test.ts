import { describe, expect, it } from 'vitest';
import { eventOf, messageIdOf } from '../../../src/app/webhook-fanout.ts';
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
});
