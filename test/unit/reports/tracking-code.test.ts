import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newTrackingCode } from '../../../src/app/tracking-codes.ts';
import { normalizeTrackingCode, trackingCodeFromSymbols } from '../../../src/domain/reports/tracking-code.ts';

describe('tracking codes', () => {
  it('look like CG-XXXXX-XXXXX in Crockford base32 and do not repeat', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newTrackingCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^CG-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it('read back whatever the case, spacing, dashes or prefix, and fold I, L, O', () => {
    expect(normalizeTrackingCode('cg-7k4mq-9txa2')).toBe('CG-7K4MQ-9TXA2');
    expect(normalizeTrackingCode(' 7K4MQ 9TXA2 ')).toBe('CG-7K4MQ-9TXA2');
    expect(normalizeTrackingCode('CG7K4MQ9TXA2')).toBe('CG-7K4MQ-9TXA2');
    expect(normalizeTrackingCode('CG-IL0OQ-9TXA2')).toBe('CG-1100Q-9TXA2');
    expect(normalizeTrackingCode('CG-7K4MQ-9TXAU')).toBeNull();
    expect(normalizeTrackingCode('CG-7K4MQ-9TXA')).toBeNull();
    expect(normalizeTrackingCode('')).toBeNull();
  });

  it('normalizing a code gives the code (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 10, maxLength: 10 }), (symbols) => {
        const code = trackingCodeFromSymbols(symbols);
        expect(normalizeTrackingCode(code)).toBe(code);
        expect(normalizeTrackingCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
      }),
    );
  });
});
