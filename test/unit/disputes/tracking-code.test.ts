import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISPUTE_CODE_SYMBOLS, disputeCodeFromSymbols, normalizeDisputeCode } from '../../../src/domain/disputes/tracking-code.ts';

describe('dispute tracking codes', () => {
  it('format ten symbols as KN-XXXXX-XXXXX and read back whatever way they are typed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 31 }), { minLength: DISPUTE_CODE_SYMBOLS, maxLength: DISPUTE_CODE_SYMBOLS }), (symbols) => {
        const code = disputeCodeFromSymbols(symbols);
        expect(code).toMatch(/^KN-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
        expect(normalizeDisputeCode(code)).toBe(code);
        expect(normalizeDisputeCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
        expect(normalizeDisputeCode(code.slice(3))).toBe(code);
      }),
    );
  });

  it('reads misread letters as digits and refuses what cannot be a code', () => {
    expect(normalizeDisputeCode('kn-o1il0-00000')).toBe('KN-01110-00000');
    for (const bad of ['', 'KN-', 'KN-00000-0000', 'KN-00000-000000', 'KN-0000U-00000', 'CG-00000-00000x']) expect(normalizeDisputeCode(bad)).toBeNull();
    expect(() => disputeCodeFromSymbols([1, 2, 3])).toThrow(RangeError);
    expect(() => disputeCodeFromSymbols(Array(10).fill(32))).toThrow(RangeError);
  });
});
