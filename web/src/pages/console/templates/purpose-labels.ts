import type { ParseKeys } from 'i18next';

/** The words for a template purpose (`report.verified` → `templates.purposes.report_verified`). */
export const purposeKey = (purpose: string) => `templates.purposes.${purpose.replace('.', '_')}` as ParseKeys;
