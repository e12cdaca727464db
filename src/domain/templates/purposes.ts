/**
 * The message templates: one per purpose and language. Each purpose has a closed list of
 * placeholders (`{{trackingCode}}`, …); a template naming any other is refused on save. What goes
 * to platforms has no placeholder that could carry a reporter's or disputer's personal data.
 */
export const TEMPLATE_LOCALES = ['vi', 'en'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

export const TEMPLATE_AUDIENCES = ['reporter', 'platform', 'disputer'] as const;
export type TemplateAudience = (typeof TEMPLATE_AUDIENCES)[number];

export const TEMPLATE_PURPOSES = [
  'report.received',
  'report.under_review',
  'report.verified',
  'report.sent_to_platform',
  'report.platform_acted',
  'report.closed',
  'escalation.created',
  'escalation.due_soon',
  'escalation.overdue',
  'dispute.received',
  'dispute.upheld',
  'dispute.cleared',
] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

export interface PlaceholderSpec {
  name: string;
  /** May be empty: then `{{#name}}…{{/name}}` shows a passage only when it has a value. */
  optional?: boolean;
}

const REPORTER_PLACEHOLDERS: readonly PlaceholderSpec[] = [{ name: 'trackingCode' }, { name: 'status' }, { name: 'outcome', optional: true }];
const PLATFORM_PLACEHOLDERS: readonly PlaceholderSpec[] = [
  { name: 'caseReference' },
  { name: 'platform' },
  { name: 'dueAt' },
  { name: 'fraudCategory' },
  { name: 'legalBasis' },
  { name: 'subjects' },
  { name: 'escalationId' },
];
const DISPUTER_RECEIVED: readonly PlaceholderSpec[] = [{ name: 'trackingCode' }, { name: 'indicator' }];
const DISPUTER_DECIDED: readonly PlaceholderSpec[] = [...DISPUTER_RECEIVED, { name: 'reason' }];

export function audienceOf(purpose: TemplatePurpose): TemplateAudience {
  if (purpose.startsWith('report.')) return 'reporter';
  if (purpose.startsWith('escalation.')) return 'platform';
  return 'disputer';
}

export function placeholdersOf(purpose: TemplatePurpose): readonly PlaceholderSpec[] {
  switch (audienceOf(purpose)) {
    case 'reporter':
      return REPORTER_PLACEHOLDERS;
    case 'platform':
      return PLATFORM_PLACEHOLDERS;
    case 'disputer':
      return purpose === 'dispute.received' ? DISPUTER_RECEIVED : DISPUTER_DECIDED;
  }
}

export function isTemplatePurpose(value: string): value is TemplatePurpose {
  return (TEMPLATE_PURPOSES as readonly string[]).includes(value);
}

/** The values a purpose's placeholders take, already formatted for the language. */
export type TemplateValues = Readonly<Record<string, string>>;

/** Invented values for the preview: no real person, number or case. */
export function sampleValues(purpose: TemplatePurpose, locale: TemplateLocale, formatDueAt: (at: Date) => string): TemplateValues {
  const vi = locale === 'vi';
  switch (audienceOf(purpose)) {
    case 'reporter': {
      const status = purpose.slice('report.'.length);
      const words: Record<string, [string, string]> = {
        received: ['Đã tiếp nhận', 'Received'],
        under_review: ['Đang xem xét', 'Under review'],
        verified: ['Đã xác minh', 'Verified'],
        sent_to_platform: ['Đã chuyển cho nền tảng', 'Sent to the platform'],
        platform_acted: ['Nền tảng đã xử lý', 'The platform acted'],
        closed: ['Đã đóng', 'Closed'],
      };
      const [wordVi, wordEn] = words[status] ?? ['', ''];
      return {
        trackingCode: 'CG-7K4MQ-9TXA2',
        status: vi ? wordVi : wordEn,
        outcome: vi ? 'Nền tảng đã gỡ trang.' : 'The platform removed the page.',
      };
    }
    case 'platform':
      return {
        caseReference: 'CASE-2026-000123',
        platform: 'Facebook',
        dueAt: formatDueAt(new Date('2026-11-30T07:00:00Z')),
        fraudCategory: 'investment_scam',
        legalBasis: vi ? 'Nghị định 147/2024/NĐ-CP' : 'Decree 147/2024/ND-CP',
        subjects: 'fb:id:100012345678901, url:http://shop-gia-re.example/',
        escalationId: '00000000-0000-4000-8000-000000000123',
      };
    case 'disputer':
      return {
        trackingCode: 'KN-7K4MQ-9TXA2',
        indicator: '+84 912 000 111',
        reason: vi ? 'Số điện thoại thuộc về một cửa hàng đã được xác minh.' : 'The number belongs to a verified shop.',
      };
  }
}
