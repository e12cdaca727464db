import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionMatches, parseActionFilter } from '../../../src/domain/audit/action-filter.ts';

const segment = fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/);
const action = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('.'));

describe('the audit action filter', () => {
  it('reads one action and a family', () => {
    expect(parseActionFilter('deadline_policy.set')).toEqual({ exact: 'deadline_policy.set' });
    expect(parseActionFilter(' fraud_category.* ')).toEqual({ prefix: 'fraud_category.' });
    for (const bad of ['', '*', '.*', 'a.', 'A.b', 'a..b', 'a.*.b', "a'; drop", 'a%', 'a_%.*']) expect(parseActionFilter(bad), bad).toBeNull();
  });

  it('is total: any string gives a filter or null, never a throw', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const f = parseActionFilter(s);
      expect(f === null || typeof f === 'object').toBe(true);
    }));
  });

  it('an exact filter matches only its action; a family matches every action under it and nothing beside it', () => {
    fc.assert(
      fc.property(action, action, (a, b) => {
        expect(actionMatches(parseActionFilter(a)!, a)).toBe(true);
        expect(actionMatches(parseActionFilter(a)!, b)).toBe(a === b);
        const family = parseActionFilter(`${a}.*`)!;
        expect(actionMatches(family, `${a}.${b}`)).toBe(true);
        expect(actionMatches(family, a)).toBe(false);
        expect(actionMatches(family, `${a}${b}`)).toBe(false);
      }),
    );
  });
});
