import { CASE_SORTS, CASE_STATES, type CaseSort, type CaseState } from '../../../api/cases.ts';
import type { ViewFilters } from '../../../api/queue-tools.ts';

// The queue's filters live in the address (`/console/queue?status=new&sort=risk`), so that
// back and forward move between filterings and a saved view is also a link. The parser is
// total: whatever someone types or an old link carries, an unknown value is left out.

const DEFAULT_SORT: CaseSort = 'updated';
const ASSIGNEE = /^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const CATEGORY = /^[a-z0-9_]{1,64}$/;

const isState = (s: string): s is CaseState => (CASE_STATES as readonly string[]).includes(s);
const isSort = (s: string): s is CaseSort => (CASE_SORTS as readonly string[]).includes(s);

/** One form for filters with the same effect: no empty values, statuses once each in the states' order, the default sort left out. */
export function normalizeFilters(filters: ViewFilters): ViewFilters {
  const out: ViewFilters = {};
  const statuses = CASE_STATES.filter((s) => filters.status?.includes(s));
  if (statuses.length) out.status = statuses;
  if (filters.category && CATEGORY.test(filters.category)) out.category = filters.category;
  if (filters.priority !== undefined && Number.isInteger(filters.priority) && filters.priority >= 1 && filters.priority <= 5) out.priority = filters.priority;
  if (filters.assignee && ASSIGNEE.test(filters.assignee)) out.assignee = filters.assignee.toLowerCase();
  if (filters.escalationDue !== undefined) out.escalationDue = filters.escalationDue;
  if (filters.sort && isSort(filters.sort) && filters.sort !== DEFAULT_SORT) out.sort = filters.sort;
  return out;
}

export function filtersFromSearch(params: URLSearchParams): ViewFilters {
  const priority = params.get('priority');
  const due = params.get('escalationDue');
  const sort = params.get('sort') ?? '';
  return normalizeFilters({
    status: params.getAll('status').filter(isState),
    category: params.get('category') ?? undefined,
    priority: priority !== null && /^[1-5]$/.test(priority) ? Number(priority) : undefined,
    assignee: params.get('assignee') ?? undefined,
    escalationDue: due === 'true' ? true : due === 'false' ? false : undefined,
    sort: isSort(sort) ? sort : undefined,
  });
}

export function filtersToSearch(filters: ViewFilters): URLSearchParams {
  const f = normalizeFilters(filters);
  const params = new URLSearchParams();
  for (const s of f.status ?? []) params.append('status', s);
  if (f.category) params.set('category', f.category);
  if (f.priority !== undefined) params.set('priority', String(f.priority));
  if (f.assignee) params.set('assignee', f.assignee);
  if (f.escalationDue !== undefined) params.set('escalationDue', String(f.escalationDue));
  if (f.sort) params.set('sort', f.sort);
  return params;
}

/** The queue's address for these filters: also the link of a saved view. */
export const queueHref = (filters: ViewFilters) => {
  const query = filtersToSearch(filters).toString();
  return query ? `/console/queue?${query}` : '/console/queue';
};

/** Whether two filterings show the same queue. */
export const sameFilters = (a: ViewFilters, b: ViewFilters) => filtersToSearch(a).toString() === filtersToSearch(b).toString();

/** The sort to send to the server (the address leaves the default out). */
export const sortOf = (filters: ViewFilters): CaseSort => filters.sort ?? DEFAULT_SORT;
