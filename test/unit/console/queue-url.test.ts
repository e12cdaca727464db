import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_SORTS, CASE_STATES } from '../../../web/src/api/cases.ts';
import type { ViewFilters } from '../../../web/src/api/queue-tools.ts';
import { filtersFromSearch, filtersToSearch, normalizeFilters, sameFilters } from '../../../web/src/pages/console/queue/queue-url.ts';

const filters: fc.Arbitrary<ViewFilters> = fc.record(
  {
    status: fc.array(fc.constantFrom(...CASE_STATES), { maxLength: 4 }),
    category: fc.constantFrom('investment', 'job_scam', 'romance', 'Bad Category', ''),
    priority: fc.integer({ min: 0, max: 6 }),
    assignee: fc.oneof(fc.constantFrom('me', 'none', 'bob', ''), fc.uuid()),
    escalationDue: fc.boolean(),
    sort: fc.constantFrom(...CASE_SORTS),
  },
  { requiredKeys: [] },
);

describe('queue filters in the address', () => {
  it('reads back what it writes (after normalizing), and normalizing is idempotent', () => {
    fc.assert(
      fc.property(filters, (f) => {
        const normal = normalizeFilters(f);
        expect(normalizeFilters(normal)).toEqual(normal);
        expect(filtersFromSearch(filtersToSearch(f))).toEqual(normal);
        expect(sameFilters(f, normal)).toBe(true);
      }),
    );
  });

  it('never throws on any query string and keeps only known values', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.tuple(fc.constantFrom('status', 'category', 'priority', 'assignee', 'escalationDue', 'sort', 'x'), fc.string())), (raw, pairs) => {
        for (const params of [new URLSearchParams(raw), new URLSearchParams(pairs)]) {
          const f = filtersFromSearch(params);
          expect(normalizeFilters(f)).toEqual(f);
          for (const s of f.status ?? []) expect(CASE_STATES).toContain(s);
          if (f.priority !== undefined) expect(f.priority).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });

  it('treats the order of statuses and the default sort as the same queue', () => {
    expect(sameFilters({ status: ['triaged', 'new'], sort: 'updated' }, { status: ['new', 'triaged'] })).toBe(true);
    expect(filtersToSearch({ status: ['triaged', 'new'], sort: 'risk', priority: 2 }).toString()).toBe('status=new&status=triaged&priority=2&sort=risk');
    expect(sameFilters({ sort: 'risk' }, {})).toBe(false);
  });
});
