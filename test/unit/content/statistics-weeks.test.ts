import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weekStartOf } from '../../../src/app/public-statistics.ts';

const VIETNAM = 7 * 3_600_000;

describe('weekStartOf (weeks of the public statistics, Vietnam time)', () => {
  it('is Monday 00:00 in Vietnam, which is Sunday 17:00 UTC', () => {
    expect(weekStartOf(new Date('2026-11-28T20:00:00Z')).toISOString()).toBe('2026-11-22T17:00:00.000Z');
    // Sunday 18:00 UTC is already Monday 01:00 in Vietnam: a new week.
    expect(weekStartOf(new Date('2026-11-29T18:00:00Z')).toISOString()).toBe('2026-11-29T17:00:00.000Z');
  });

  it('gives the Monday at or before the instant, less than a week before it (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (at) => {
        const start = weekStartOf(at);
        expect(start.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(at.getTime() - start.getTime()).toBeLessThan(7 * 86_400_000);
        const local = new Date(start.getTime() + VIETNAM);
        expect(local.getUTCDay()).toBe(1);
        expect(local.getUTCHours() + local.getUTCMinutes() + local.getUTCSeconds() + local.getUTCMilliseconds()).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
});
