/**
 * The audit filter's days are Vietnam's calendar days (UTC+7, no daylight saving): "from" is the
 * start of its day, "to" the start of the day after, so the day chosen is included.
 */
const VIETNAM_OFFSET = '+07:00';
const DAY_MS = 24 * 60 * 60 * 1000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function startOfVietnamDay(day: string): string | undefined {
  if (!DAY.test(day)) return undefined;
  const time = Date.parse(`${day}T00:00:00${VIETNAM_OFFSET}`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

export function endOfVietnamDay(day: string): string | undefined {
  const start = startOfVietnamDay(day);
  return start === undefined ? undefined : new Date(Date.parse(start) + DAY_MS).toISOString();
}
