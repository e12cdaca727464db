import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreRisk } from '../../../src/domain/risk/index.ts';
import type { RiskResult } from '../../../src/domain/risk/index.ts';

function wellFormed(r: RiskResult): void {
  expect(Number.isInteger(r.score)).toBe(true);
  expect(r.score).toBeGreaterThanOrEqual(0);
  expect(r.score).toBeLessThanOrEqual(100);
  expect(r.label).toBe(r.score >= 50 ? 'scam' : 'legit');
  expect(r.reasons.reduce((n, x) => n + x.weight, 0)).toBe(r.score);
  for (const x of r.reasons) {
    expect(typeof x.signal).toBe('string');
    expect(Number.isInteger(x.weight)).toBe(true);
    expect(typeof x.detail).toBe('string');
  }
}

// Pieces scam messages are made of, so random texts reach the rules and link signals too.
const PIECES = ['chuyển khoản', 'ck trc', 'OTP', 'mã xác nhận', 'https://vietcornbank.example/a', 'xn--80ak6aa92e.com', 'bit.ly/x', '0912 345 678', 'VCB 0011004567890', 't.me/shopee_cskh', 'không bao giờ', 'việc nhẹ lương cao', '30%/ngày', '🔥', '\u200b', 'ο', 'м'];
const messy = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(...PIECES)), { maxLength: 30 }).map((xs) => xs.join(' '));

describe('scoreRisk properties', () => {
  it('never throws and always gives a well-formed, fully explained score (random Unicode)', () => {
    fc.assert(
      fc.property(messy, fc.array(fc.string({ unit: 'binary', maxLength: 60 }), { maxLength: 5 }), fc.boolean(), (text, identifiers, withResolver) => {
        const r = scoreRisk({ text, identifiers }, withResolver ? { resolve: (i) => (i.length % 3 === 0 ? { verdict: 'confirmed', reportCount: 1 } : undefined) } : {});
        wellFormed(r);
      }),
      { numRuns: 400 },
    );
  });

  it('copes with huge inputs quickly', () => {
    const huge = 'Gửi mã OTP ck trước https://vietcornbank.example/x 0912 345 678 '.repeat(40_000); // ~2.6 MB
    const started = performance.now();
    const r = scoreRisk({ text: huge, identifiers: Array(500).fill('0912345678') });
    wellFormed(r);
    expect(r.label).toBe('scam');
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('copes with input that is not what the types say (from JSON)', () => {
    for (const input of [{}, { text: null }, { text: 5 }, { text: 'x', identifiers: 'nope' }, { text: 'x', identifiers: [1, null, {}] }, null]) {
      wellFormed(scoreRisk(input as never));
    }
  });
});
