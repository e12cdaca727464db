import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datesBetween, isActiveOn, isIsoDate, vietnamDate } from '../../../src/domain/campaigns/dates.ts';
import { sumFigures } from '../../../src/domain/campaigns/figures.ts';
import { parseCampaignSlug } from '../../../src/domain/campaigns/slug.ts';

describe('parseCampaignSlug', () => {
  it('is total and idempotent, and what it accepts is a slug', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^ ?[A-Za-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3} ?$/), fc.anything()), (input) => {
        const first = parseCampaignSlug(input);
        if (!first.ok) return;
        expect(first.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(first.slug.length).toBeLessThanOrEqual(80);
        expect(parseCampaignSlug(first.slug)).toEqual(first);
      }),
    );
  });

  it('forgives spaces and capitals, refuses the rest with a reason', () => {
    expect(parseCampaignSlug('  Tet-2027 ')).toEqual({ ok: true, slug: 'tet-2027' });
    for (const bad of ['', 'a--b', '-a', 'a-', 'mua sắm', 'a_b', 'x'.repeat(81), 42, null]) expect(parseCampaignSlug(bad).ok, String(bad)).toBe(false);
  });
});

describe('campaign dates', () => {
  it('knows real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('2027-1-01')).toBe(false);
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }), (d) => {
        expect(isIsoDate(d.toISOString().slice(0, 10))).toBe(true);
      }),
    );
  });

  it('counts the day in Vietnam (UTC+7)', () => {
    expect(vietnamDate(new Date('2026-11-28T16:59:59Z'))).toBe('2026-11-28');
    expect(vietnamDate(new Date('2026-11-28T17:00:00Z'))).toBe('2026-11-29');
  });

  it('is active from the first to the last day, both included', () => {
    const c = { startsOn: '2026-11-15', endsOn: '2027-02-20' };
    expect([isActiveOn(c, '2026-11-14'), isActiveOn(c, '2026-11-15'), isActiveOn(c, '2027-02-20'), isActiveOn(c, '2027-02-21')]).toEqual([false, true, true, false]);
  });

  it('lists every day of a range once, in order', () => {
    expect(datesBetween('2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(datesBetween('2026-03-02', '2026-03-01')).toEqual([]);
    expect(datesBetween('2020-01-01', '2030-01-01', 10)).toHaveLength(10);
  });
});

describe('sumFigures', () => {
  it('adds counts per kind and weighs the average score by questions', () => {
    const figures = sumFigures([
      { kind: 'view', count: 3, scoreSum: 0, ofSum: 0 },
      { kind: 'quiz_complete', count: 2, scoreSum: 15, ofSum: 24 },
      { kind: 'quiz_complete', count: 1, scoreSum: 1, ofSum: 6 },
      { kind: 'share', count: 1, scoreSum: 0, ofSum: 0 },
    ]);
    expect(figures).toEqual({ views: 3, quizStarts: 0, quizCompletions: 3, averageScore: 0.533, shares: 1, lookups: 0, reports: 0 });
    expect(sumFigures([]).averageScore).toBeNull();
  });
});
