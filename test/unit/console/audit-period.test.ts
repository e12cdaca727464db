import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOfVietnamDay, startOfVietnamDay } from '../../../web/src/pages/console/settings/audit-period.ts';

const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('the audit filter period in Vietnam days', () => {
  it('starts at midnight in Vietnam (17:00 UTC the day before) and the end day is included', () => {
    expect(startOfVietnamDay('2026-11-28')).toBe('2026-11-27T17:00:00.000Z');
    expect(endOfVietnamDay('2026-11-28')).toBe('2026-11-28T17:00:00.000Z');
    expect(endOfVietnamDay('2026-12-31')).toBe('2026-12-31T17:00:00.000Z');
  });

  it('every day is 24 hours long and the next day starts where it ends', () => {
    fc.assert(
      fc.property(day, (d) => {
        const start = Date.parse(startOfVietnamDay(d)!);
        const end = Date.parse(endOfVietnamDay(d)!);
        expect(end - start).toBe(24 * 60 * 60 * 1000);
        const next = new Date(Date.parse(`${d}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
        expect(startOfVietnamDay(next)).toBe(endOfVietnamDay(d));
      }),
    );
  });

  it('is total: anything else gives no bound, never a throw', () => {
    for (const bad of ['', '28/11/2026', '2026-13-01', '2026-11-28T00:00', 'yesterday']) expect(startOfVietnamDay(bad), bad).toBeUndefined();
    fc.assert(fc.property(fc.string(), (s) => {
      const start = startOfVietnamDay(s);
      expect(start === undefined || !Number.isNaN(Date.parse(start))).toBe(true);
    }));
  });
});
