import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactIndex, keyFromBytes, keyFromHex, type IndexedIndicator } from '../../src/domain/indicators/compact-index.ts';
import { indicatorSha256 } from '../../src/domain/indicators/hashing.ts';

const entry = (over: Partial<IndexedIndicator> = {}): IndexedIndicator => ({
  verdict: 'confirmed',
  tlp: 'green',
  confidence: 80,
  reportCount: 3,
  platformConfirmations: 1,
  fraudMask: 0b101,
  lastSeenDay: 20_000,
  ...over,
});

describe('CompactIndex', () => {
  it('keeps every entry through growth, and finds nothing that was not put', () => {
    const table = new CompactIndex();
    const n = 20_000;
    for (let i = 0; i < n; i++) table.set(keyFromHex(indicatorSha256(`phone:+849${i}`)), entry({ reportCount: i }));
    expect(table.size).toBe(n);
    for (let i = 0; i < n; i++) expect(table.get(keyFromHex(indicatorSha256(`phone:+849${i}`)))?.reportCount).toBe(i);
    for (let i = n; i < n + 2000; i++) expect(table.get(keyFromHex(indicatorSha256(`phone:+849${i}`)))).toBeUndefined();
  });

  it('tells keys apart that share a slot and differ only in the check word', () => {
    const table = new CompactIndex();
    table.set([1, 2, 3], entry({ reportCount: 1 }));
    table.set([1, 2, 4], entry({ reportCount: 2 }));
    table.set([1, 5, 3], entry({ reportCount: 3 }));
    expect(table.get([1, 2, 3])?.reportCount).toBe(1);
    expect(table.get([1, 2, 4])?.reportCount).toBe(2);
    expect(table.get([1, 5, 3])?.reportCount).toBe(3);
    expect(table.get([1, 2, 5])).toBeUndefined();
  });

  it('round-trips every field within its range, clamping beyond it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('suspected', 'confirmed', 'cleared', 'disputed'),
        fc.constantFrom('clear', 'green', 'amber', 'red'),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 0xfff }),
        fc.integer({ min: 0, max: 0xffff }),
        (verdict, tlp, confidence, reportCount, platformConfirmations, fraudMask, lastSeenDay) => {
          const table = new CompactIndex();
          const e = { verdict, tlp, confidence, reportCount, platformConfirmations, fraudMask, lastSeenDay } as IndexedIndicator;
          table.set([7, 8, 9], e);
          expect(table.get([7, 8, 9])).toEqual({ ...e, flagged: false });
        },
      ),
    );
    const table = new CompactIndex();
    table.set([1, 1, 1], entry({ confidence: 250, platformConfirmations: 100_000 }));
    expect(table.get([1, 1, 1])).toMatchObject({ confidence: 100, platformConfirmations: 0xffff });
  });

  it('keeps the sticky flag and the slot of an entry marked gone', () => {
    const table = new CompactIndex();
    table.set([1, 2, 3], entry({ flagged: true }));
    table.set([1, 2, 3], entry({ verdict: 'cleared' }));
    expect(table.get([1, 2, 3])).toMatchObject({ verdict: 'cleared', flagged: true });
    table.markGone([1, 2, 3]);
    expect(table.get([1, 2, 3])).toBeUndefined();
    expect(table.flagged([1, 2, 3])).toBe(true);
    expect(table.size).toBe(1);
  });

  it('collects the first 64 key bits of the entries a filter keeps', () => {
    const table = new CompactIndex();
    table.set([10, 11, 12], entry({ verdict: 'confirmed', tlp: 'green' }));
    table.set([20, 21, 22], entry({ verdict: 'suspected' }));
    table.set([30, 31, 32], entry({ verdict: 'confirmed', tlp: 'amber' }));
    table.set([40, 41, 42], entry());
    table.markGone([40, 41, 42]);
    const words = table.collect((e) => e.verdict === 'confirmed' && e.tlp !== 'amber');
    expect([...words]).toEqual([10, 11]);
  });

  it('reads the same key from hex and from bytes', () => {
    const hex = indicatorSha256('phone:+84912345678');
    expect(keyFromBytes(Buffer.from(hex, 'hex'))).toEqual(keyFromHex(hex));
  });
});
