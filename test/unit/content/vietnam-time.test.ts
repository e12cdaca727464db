import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromVietnamInput, toVietnamInput } from '../../../web/src/pages/console/content/vietnam-time.ts';

describe('the schedule picker in Vietnam time', () => {
  it('reads back every minute it writes', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const minute = new Date(Math.floor(d.getTime() / 60_000) * 60_000);
        return fromVietnamInput(toVietnamInput(minute)) === minute.toISOString();
      }),
    );
  });

  it('is UTC+7 and refuses incomplete values', () => {
    expect(fromVietnamInput('2026-11-28T09:00')).toBe('2026-11-28T02:00:00.000Z');
    expect(toVietnamInput(new Date('2026-11-28T20:30:00Z'))).toBe('2026-11-29T03:30');
    for (const v of ['', '2026-11-28', '2026-11-28T9:00', 'x']) expect(fromVietnamInput(v)).toBeNull();
  });
});
