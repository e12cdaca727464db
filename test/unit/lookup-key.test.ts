import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyOf } from '../../src/app/lookup-index.ts';
import { keyFromHex } from '../../src/domain/indicators/compact-index.ts';
import { indicatorSha256 } from '../../src/domain/indicators/hashing.ts';
import { anyText } from './identifiers/arbitraries.ts';

describe('keyOf (the look-up index key)', () => {
  it('is the first 96 bits of the sha256 the database stores, for any text', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(keyOf(s)).toEqual(keyFromHex(indicatorSha256(s)));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on indicators of every shape, long ones included', () => {
    for (const s of ['', 'phone:+84912345678', 'url:https://xn--t-9ja.example/a?b=1', 'domain:ví-dụ.vn', `url:https://a.example/${'x'.repeat(5000)}`, '\u{1f600}\ud800']) {
      expect(keyOf(s)).toEqual(keyFromHex(indicatorSha256(s)));
    }
  });
});
