import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { generateSecret, signatureOf, signedHeaders } from '../../../src/domain/webhooks/signature.ts';

const now = () => Math.floor(Date.now() / 1000);

describe('Standard Webhooks signing, checked with the reference library', () => {
  it('a signed message verifies, and its payload comes back', () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify({ type: 'indicator.confirmed', timestamp: new Date().toISOString(), data: { indicator: 'phone:+84912345678' } });
    const headers = signedHeaders([secret], 'msg_cg1', now(), body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('matches the library’s own signature byte for byte', () => {
    const secret = generateSecret();
    const at = new Date('2026-11-28T12:00:00Z');
    expect(signatureOf(secret, 'msg_x', at.getTime() / 1000, '{"a":1}')).toBe(new Webhook(secret).sign('msg_x', at, '{"a":1}'));
  });

  it('during a rotation both the new and the old secret verify the same message', () => {
    const [fresh, old] = [generateSecret(), generateSecret()];
    const body = '{"type":"escalation.created"}';
    const headers = signedHeaders([fresh, old], 'msg_cg2', now(), body);
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(() => new Webhook(fresh).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(old).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(generateSecret()).verify(body, headers)).toThrow();
  });

  it('a changed body, id or timestamp fails verification (property)', () => {
    const secret = generateSecret();
    const webhook = new Webhook(secret);
    fc.assert(
      fc.property(fc.json({ maxDepth: 2 }), fc.stringMatching(/^[a-z0-9]{1,10}$/), (body, tamper) => {
        // One timestamp for the signature and its tampered copy: calling the clock twice could
        // cross a second boundary and "tamper" it back to the signed value.
        const signedAt = now();
        const headers = signedHeaders([secret], 'msg_p', signedAt, body);
        expect(() => webhook.verify(body, headers)).not.toThrow();
        expect(() => webhook.verify(`${body} `, headers)).toThrow();
        expect(() => webhook.verify(body, { ...headers, 'webhook-timestamp': String(signedAt - 1) })).toThrow();
        expect(() => webhook.verify(body, { ...headers, 'webhook-id': `msg_p${tamper}` })).toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
