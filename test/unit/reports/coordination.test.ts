import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessCoordination, foldNarrative, isLowReputation, reputationWeight, type RecentReport } from '../../../src/domain/reports/coordination.ts';
import { isProxyLikeAddress, networkPrefix } from '../../../src/app/report-source.ts';

const now = new Date('2026-11-28T12:00:00Z');
const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
const report = (p: Partial<RecentReport> & { minutesAgo?: number } = {}): RecentReport => ({
  createdAt: at(p.minutesAgo ?? 10),
  sourceKey: p.sourceKey === undefined ? `s${Math.random()}` : p.sourceKey,
  narrativeHash: p.narrativeHash === undefined ? `n${Math.random()}` : p.narrativeHash,
  reputation: p.reputation ?? null,
});

describe('assessCoordination', () => {
  it('genuine reports from different people with their own words are not flagged, however many', () => {
    const reports = Array.from({ length: 20 }, (_, n) => report({ minutesAgo: n }));
    expect(assessCoordination(reports, now)).toEqual({ flagged: false, reasons: [] });
  });

  it('three copies of one narrative are flagged, and a burst is named with it', () => {
    const copies = Array.from({ length: 3 }, () => report({ narrativeHash: 'same' }));
    expect(assessCoordination(copies, now)).toMatchObject({ flagged: true, reasons: [{ signal: 'identical_narratives', count: 3 }] });
    const burst = [...copies, ...Array.from({ length: 6 }, () => report())];
    expect(assessCoordination(burst, now).reasons.map((r) => r.signal)).toEqual(['burst', 'identical_narratives']);
  });

  it('three reports from one source are flagged; two are not', () => {
    expect(assessCoordination([report({ sourceKey: 'net:x' }), report({ sourceKey: 'net:x' })], now).flagged).toBe(false);
    expect(assessCoordination([report({ sourceKey: 'net:x' }), report({ sourceKey: 'net:x' }), report({ sourceKey: 'net:x' })], now).reasons[0]).toMatchObject({ signal: 'same_source', count: 3 });
  });

  it('two reports from sources whose reports were mostly rejected are flagged', () => {
    const bad = { verified: 0, rejected: 3 };
    expect(assessCoordination([report({ reputation: bad }), report({ reputation: bad })], now).reasons[0]).toMatchObject({ signal: 'low_reputation_sources', count: 2 });
    expect(assessCoordination([report({ reputation: bad }), report({ reputation: { verified: 5, rejected: 3 } })], now).flagged).toBe(false);
  });

  it('reports older than two days do not count', () => {
    const old = Array.from({ length: 3 }, () => report({ narrativeHash: 'same', minutesAgo: 49 * 60 }));
    expect(assessCoordination(old, now).flagged).toBe(false);
  });

  it('never throws and always explains a flag', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            minutesAgo: fc.integer({ min: 0, max: 5000 }),
            sourceKey: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }),
            narrativeHash: fc.option(fc.constantFrom('x', 'y'), { nil: null }),
            reputation: fc.option(fc.record({ verified: fc.nat(5), rejected: fc.nat(5) }), { nil: null }),
          }),
          { maxLength: 40 },
        ),
        (specs) => {
          const result = assessCoordination(specs.map((s) => report(s)), now);
          expect(result.flagged).toBe(result.reasons.some((r) => r.signal !== 'burst'));
        },
      ),
    );
  });
});

describe('reputation', () => {
  it('a new source weighs one half; verified reports raise it, rejected ones lower it', () => {
    expect(reputationWeight(null)).toBe(0.5);
    expect(reputationWeight({ verified: 8, rejected: 0 })).toBeCloseTo(0.9);
    expect(reputationWeight({ verified: 0, rejected: 8 })).toBeCloseTo(0.1);
    expect(isLowReputation({ verified: 0, rejected: 2 })).toBe(true);
    expect(isLowReputation({ verified: 0, rejected: 1 })).toBe(false);
    expect(isLowReputation({ verified: 3, rejected: 3 })).toBe(false);
  });
});

describe('foldNarrative', () => {
  it('folds case, accents, đ, digits and punctuation, so copies with other numbers match', () => {
    expect(foldNarrative('Tôi ĐÃ chuyển 5.000.000đ cho STK 0011 0045!')).toBe(foldNarrative('toi da chuyen 7 trieu d cho stk'.replace('7 trieu ', '')));
    expect(foldNarrative('Họ hứa lãi 30%/tháng')).toBe('ho hua lai thang');
  });

  it('is idempotent and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(foldNarrative(foldNarrative(s))).toBe(foldNarrative(s));
      }),
    );
  });
});

describe('networkPrefix', () => {
  it('IPv4 /24, IPv6 /48 (also written with ::), IPv4-mapped IPv6 as IPv4; anything else null', () => {
    expect(networkPrefix('203.0.113.77')).toBe('203.0.113.0/24');
    expect(networkPrefix('::ffff:203.0.113.9')).toBe('203.0.113.0/24');
    expect(networkPrefix('2001:db8:1234:5678::1')).toBe('2001:db8:1234::/48');
    expect(networkPrefix('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(networkPrefix('not an address')).toBeNull();
  });

  it('loopback and private addresses (a reverse proxy TRUST_PROXY does not name) give no source', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.1.9', '::1', 'fd00::5', '::ffff:10.0.0.1']) expect(isProxyLikeAddress(ip), ip).toBe(true);
    for (const ip of ['203.0.113.7', '1.52.3.4', '2001:db8::1', '::ffff:113.160.1.1']) expect(isProxyLikeAddress(ip), ip).toBe(false);
  });
});
