import { badRequest } from './errors.ts';

export const DASHBOARD_BUCKETS = ['day', 'week'] as const;
export type DashboardBucket = (typeof DASHBOARD_BUCKETS)[number];

export const BUCKET_SECONDS: Record<DashboardBucket, number> = { day: 86_400, week: 604_800 };
/** At most this many buckets in one answer: a year of days, two years of weeks. */
export const MAX_BUCKETS = 366;
export const DEFAULT_PERIOD_DAYS = 90;

const DAY_MS = 86_400_000;
/** Vietnam has no daylight saving time: UTC+7 all year. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DashboardPeriod {
  from: Date;
  to: Date;
  bucket: DashboardBucket;
  /** Number of buckets: [from + i·size, from + (i+1)·size), the last one cut at `to`. */
  buckets: number;
}

/** Midnight, Vietnam time, of the local day holding `at`. */
export function vietnamMidnight(at: Date): Date {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - VIETNAM_OFFSET_MS);
}

/**
 * One end of the period: an ISO 8601 instant, or a calendar date read in Vietnam time (a `from`
 * date is that day's start, a `to` date includes the whole day). Null when it is not a date.
 */
export function parsePeriodEnd(value: string, end: 'from' | 'to'): Date | null {
  const date = DATE_ONLY.exec(value);
  if (date) {
    const [, y, m, d] = date.map(Number) as [number, number, number, number];
    const utc = Date.UTC(y, m - 1, d);
    const check = new Date(utc);
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
    return new Date(utc - VIETNAM_OFFSET_MS + (end === 'to' ? DAY_MS : 0));
  }
  // Only full instants with a time zone: "2026-10-01T10:00" would depend on the server's zone.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/**
 * The period and bucket of a dashboard query. By default the last 90 days up to now, starting at
 * a Vietnam midnight (a Monday for weeks) so that buckets are whole local days or weeks.
 */
export function dashboardPeriod(query: { from?: string; to?: string; bucket?: DashboardBucket }, now = new Date()): DashboardPeriod {
  const bucket = query.bucket ?? 'day';
  const errors: { field: string; message: string }[] = [];
  const to = query.to === undefined ? now : parsePeriodEnd(query.to, 'to');
  if (!to) errors.push({ field: 'querystring:/to', message: 'A date (2026-10-31) or an instant with its time zone (2026-10-31T17:00:00Z).' });
  let from: Date | null;
  if (query.from !== undefined) {
    from = parsePeriodEnd(query.from, 'from');
    if (!from) errors.push({ field: 'querystring:/from', message: 'A date (2026-10-01) or an instant with its time zone (2026-10-01T00:00:00+07:00).' });
  } else if (to) {
    from = vietnamMidnight(new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS));
    if (bucket === 'week') {
      const local = new Date(from.getTime() + VIETNAM_OFFSET_MS);
      from = new Date(from.getTime() - ((local.getUTCDay() + 6) % 7) * DAY_MS);
    }
  } else from = null;
  if (errors.length) throw badRequest('The period is not valid.', errors);
  if (from!.getTime() >= to!.getTime()) throw badRequest('from must be before to.', [{ field: 'querystring:/from', message: 'Before to.' }]);
  const buckets = Math.ceil((to!.getTime() - from!.getTime()) / (BUCKET_SECONDS[bucket] * 1000));
  if (buckets > MAX_BUCKETS) {
    throw badRequest(`At most ${MAX_BUCKETS} buckets: choose a shorter period or weekly buckets.`, [{ field: 'querystring:/from', message: `At most ${MAX_BUCKETS} ${bucket}s before to.` }]);
  }
  return { from: from!, to: to!, bucket, buckets };
}
