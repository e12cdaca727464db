import type { Language } from '../../../i18n/language.ts';

/** How long ago a dispute came in ("3 days ago" / "3 ngày trước"), in the largest whole unit. */
export function disputeAge(createdAt: string, now: number, language: Language): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(createdAt)) / 60_000));
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
  if (minutes < 60) return format.format(-minutes, 'minute');
  if (minutes < 48 * 60) return format.format(-Math.floor(minutes / 60), 'hour');
  return format.format(-Math.floor(minutes / 1440), 'day');
}
