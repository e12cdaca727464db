import type { TemplateLocale } from './purposes.ts';

const FORMATS: Record<TemplateLocale, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }),
};

/** A due time in Vietnam's time, in the language's own way, with the zone said (platforms' staff sit abroad). */
export function formatDueAt(at: Date, locale: TemplateLocale): string {
  return `${FORMATS[locale].format(at)} (${locale === 'vi' ? 'giờ Việt Nam' : 'Vietnam time'}, UTC+7)`;
}
