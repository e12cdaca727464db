import type { Language } from '../../../i18n/language.ts';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export const localeOf = (language: Language) => LOCALES[language];

/** The Vietnam calendar date (YYYY-MM-DD) of an instant: what a date field shows. */
export function vietnamDate(iso: string): string {
  return new Date(new Date(iso).getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Vietnam month (YYYY-MM) before the one holding `now`. */
export function previousVietnamMonth(now = new Date()): string {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A bucket's first day, short: "3 thg 10" / "3 Oct". */
export function bucketLabel(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
}

export function formatHours(hours: number | null, language: Language): string {
  return hours === null ? '—' : new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 }).format(hours);
}

export function formatRate(rate: number | null, language: Language): string {
  return rate === null ? '—' : new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** A large amount in few characters for a tile ("33,5 T ₫", "₫33.5bn"); the exact figure goes in its title and the table. */
export function formatCompactVnd(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'VND', notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
