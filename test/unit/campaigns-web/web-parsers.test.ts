import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { move } from '../../../web/src/pages/console/campaigns/reorder.ts';
import { joinLines, splitLines } from '../../../web/src/pages/console/campaigns/lines.ts';
import { MAX_QUIZ_ITEMS, parseQuizResult } from '../../../web/src/pages/campaigns/result-params.ts';

describe('a shared quiz result (?score=&of=)', () => {
  it('reads every valid result back as it was written', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_QUIZ_ITEMS }).chain((of) => fc.tuple(fc.integer({ min: 0, max: of }), fc.constant(of))),
        ([score, of]) => {
          expect(parseQuizResult(String(score), String(of))).toEqual({ score, of });
        },
      ),
    );
  });

  it('never yields a score above its total, a total out of 1–100, or anything from junk', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: null }), fc.option(fc.string(), { nil: null }), (score, of) => {
        const result = parseQuizResult(score, of);
        if (result === null) return;
        expect(Number.isInteger(result.score) && Number.isInteger(result.of)).toBe(true);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(result.of);
        expect(result.of).toBeGreaterThanOrEqual(1);
        expect(result.of).toBeLessThanOrEqual(MAX_QUIZ_ITEMS);
      }),
    );
    for (const [score, of] of [['13', '12'], ['1', '0'], ['-1', '5'], ['1.5', '4'], ['3', '101'], ['1e1', '20'], [null, '5'], ['2', '']]) {
      expect(parseQuizResult(score ?? null, of ?? null)).toBeNull();
    }
  });
});

describe('one-per-line fields', () => {
  const entry = fc.string({ minLength: 1 }).map((s) => s.replace(/[\r\n]/g, ' ').trim()).filter((s) => s.length > 0);

  it('splits what it joined, for trimmed single-line entries', () => {
    fc.assert(fc.property(fc.array(entry), (entries) => {
        expect(splitLines(joinLines(entries))).toEqual(entries);
      }));
  });

  it('is idempotent and never keeps a blank or untrimmed entry, whatever the line endings', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = splitLines(text);
        expect(splitLines(joinLines(once))).toEqual(once);
        for (const line of once) {
          expect(line).toBe(line.trim());
          expect(line.length).toBeGreaterThan(0);
          expect(line).not.toMatch(/[\r\n]/);
        }
      }),
    );
    expect(splitLines('a\r\n\r\n  b  \rc\n')).toEqual(['a', 'b', 'c']);
  });
});

describe('reordering quiz items', () => {
  it('keeps the same items, swapping two neighbours or changing nothing at the ends', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 20 }), fc.integer({ min: -2, max: 22 }), fc.constantFrom(-1 as const, 1 as const), (list, index, by) => {
        const moved = move(list, index, by);
        expect([...moved].sort()).toEqual([...list].sort());
        const target = index + by;
        if (index >= 0 && index < list.length && target >= 0 && target < list.length) {
          expect(moved[target]).toBe(list[index]);
          expect(moved[index]).toBe(list[target]);
        } else {
          expect(moved).toEqual(list);
        }
      }),
    );
  });
});
