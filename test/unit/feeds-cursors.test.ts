import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/app/errors.ts';
import { csvCell } from '../../src/app/feeds-formats.ts';
import { decodeCursor, encodeCursor, tlpsUpTo } from '../../src/app/feeds-sharing.ts';
import { encodeNext } from '../../src/app/taxii.ts';

const position = fc.record({
  at: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }).chain((d) =>
    fc.integer({ min: 0, max: 999 }).map((us) => `${d.toISOString().slice(0, 23)}${String(us).padStart(3, '0')}Z`),
  ),
  id: fc.uuid(),
});

describe('feed cursors', () => {
  it('decode what they encode (property)', () => {
    fc.assert(
      fc.property(position, (p) => {
        expect(decodeCursor(encodeCursor(p), 'cursor')).toEqual(p);
      }),
    );
  });

  it('refuse anything else with a 400, never another error (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        try {
          decodeCursor(s, 'cursor');
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).status).toBe(400);
        }
      }),
    );
  });

  it('are not TAXII next tokens, and the reverse', () => {
    const next = encodeNext({ at: '2026-11-20T08:00:00.123456Z', id: '00000000-0000-4000-8000-000000000001', k: 1 });
    expect(() => decodeCursor(next, 'cursor')).toThrow(AppError);
  });
});

describe('sharing levels and CSV cells', () => {
  it('orders TLP levels', () => {
    expect(tlpsUpTo('green')).toEqual(['clear', 'green']);
    expect(tlpsUpTo('red')).toEqual(['clear', 'green', 'amber', 'red']);
  });

  it('quotes any text so a CSV reader gets it back, and defuses formulas (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (s) => {
        const cell = csvCell(s);
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        expect(unquoted).toBe(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
        if (!cell.startsWith('"')) expect(cell).not.toMatch(/[",\r\n]/);
      }),
    );
  });
});
