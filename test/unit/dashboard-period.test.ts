import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/app/errors.ts';
import { dashboardPeriod, MAX_BUCKETS, parsePeriodEnd, vietnamMidnight } from '../../src/app/dashboard-period.ts';
import { parseReportMonth, previousMonth } from '../../src/app/monthly-platform-report.ts';

const VN = 7 * 3_600_000;
const DAY = 86_400_000;
const instant = fc.integer({ min: Date.UTC(2001, 0, 1), max: Date.UTC(2098, 11, 31) }).map((t) => new Date(t));
const calendarDay = fc.date({ min: new Date(Date.UTC(2001, 0, 1)), max: new Date(Date.UTC(2098, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('dashboard periods', () => {
  it('reads a calendar date as the Vietnam day: from its start, to its end', () => {
    fc.assert(
      fc.property(calendarDay, (day) => {
        const from = parsePeriodEnd(day, 'from')!;
        const to = parsePeriodEnd(day, 'to')!;
        expect(to.getTime() - from.getTime()).toBe(DAY);
        expect(new Date(from.getTime() + VN).toISOString()).toBe(`${day}T00:00:00.000Z`);
        expect(vietnamMidnight(from)).toEqual(from);
      }),
    );
  });

  it('reads an instant with a zone exactly, and is total on any string (null, never a throw)', () => {
    fc.assert(
      fc.property(instant, (at) => {
        expect(parsePeriodEnd(at.toISOString(), 'from')).toEqual(at);
      }),
    );
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('from' as const, 'to' as const), (s, end) => {
        const parsed = parsePeriodEnd(s, end);
        expect(parsed === null || !Number.isNaN(parsed.getTime())).toBe(true);
      }),
    );
    expect(parsePeriodEnd('2026-02-30', 'from')).toBeNull();
    expect(parsePeriodEnd('2026-10-01T10:00', 'from')).toBeNull();
  });

  it('the midnight of an instant is at or before it, less than a day before, and a fixed point', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const m = vietnamMidnight(at);
        expect(m.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(at.getTime() - m.getTime()).toBeLessThan(DAY);
        expect(vietnamMidnight(m)).toEqual(m);
      }),
    );
  });

  it('covers [from, to) with whole buckets, the last one possibly cut; default 90 days from a Vietnam midnight (a Monday for weeks)', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom('day' as const, 'week' as const), (now, bucket) => {
        const p = dashboardPeriod({ bucket }, now);
        expect(p.to).toEqual(now);
        expect(vietnamMidnight(p.from)).toEqual(p.from);
        if (bucket === 'week') expect(new Date(p.from.getTime() + VN).getUTCDay()).toBe(1);
        const size = (bucket === 'day' ? 1 : 7) * DAY;
        expect(p.from.getTime() + p.buckets * size).toBeGreaterThanOrEqual(p.to.getTime());
        expect(p.from.getTime() + (p.buckets - 1) * size).toBeLessThan(p.to.getTime());
        expect(p.buckets).toBeLessThanOrEqual(MAX_BUCKETS);
      }),
    );
  });

  it('refuses reversed or too long periods with a 400', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const q = { from: a.toISOString(), to: b.toISOString() };
        const tooLong = Math.ceil((b.getTime() - a.getTime()) / DAY) > MAX_BUCKETS;
        if (a >= b || tooLong) expect(() => dashboardPeriod(q)).toThrow(AppError);
        else expect(dashboardPeriod(q).buckets).toBeGreaterThan(0);
      }),
    );
  });
});

describe('report months', () => {
  it('a month is the Vietnam calendar month, and months follow each other without gap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2998 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const text = `${year}-${String(month).padStart(2, '0')}`;
        const m = parseReportMonth(text)!;
        expect(new Date(m.from.getTime() + VN).toISOString()).toBe(`${text}-01T00:00:00.000Z`);
        const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
        expect(parseReportMonth(next)!.from).toEqual(m.to);
        // The month before the one holding any instant of the next month is this one.
        expect(previousMonth(new Date(m.to.getTime() + 1))).toBe(text);
      }),
    );
  });

  it('is total: anything but YYYY-MM with a real month gives null', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(parseReportMonth(s) === null || /^\d{4}-(0[1-9]|1[0-2])$/.test(s)).toBe(true);
      }),
    );
    expect(parseReportMonth('2026-13')).toBeNull();
    expect(parseReportMonth('2026-00')).toBeNull();
  });
});
