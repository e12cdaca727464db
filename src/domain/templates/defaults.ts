import type { TemplateLocale, TemplatePurpose } from './purposes.ts';

export interface TemplateText {
  subject: string;
  body: string;
}

/**
 * The built-in texts: what the notices said before templates could be edited, in force until a
 * supervisor saves a version, and what "reset to default" puts back.
 */
const REPORTER: Record<TemplateLocale, TemplateText> = {
  vi: {
    subject: 'Canh Giác: báo cáo {{trackingCode}} — {{status}}',
    body: 'Báo cáo {{trackingCode}} của bạn: {{status}}.\n\n{{#outcome}}Kết quả: {{outcome}}\n\n{{/outcome}}Cảm ơn bạn đã báo cáo. — Canh Giác',
  },
  en: {
    subject: 'Canh Giác: report {{trackingCode}} — {{status}}',
    body: 'Your report {{trackingCode}}: {{status}}.\n\n{{#outcome}}Outcome: {{outcome}}\n\n{{/outcome}}Thank you for reporting. — Canh Giác',
  },
};

function platformBody(headline: string, locale: TemplateLocale): string {
  return locale === 'vi'
    ? `${headline}.\n\nLoại lừa đảo: {{fraudCategory}}. Căn cứ pháp lý: {{legalBasis}}.\n\nĐối tượng: {{subjects}}.\n\nMở trong hộp thư Canh Giác hoặc qua API: GET /api/v1/escalations/{{escalationId}}`
    : `${headline}.\n\nFraud category: {{fraudCategory}}. Legal basis: {{legalBasis}}.\n\nSubjects: {{subjects}}.\n\nOpen it in your Canh Giác inbox or through the API: GET /api/v1/escalations/{{escalationId}}`;
}

function platform(headlines: Record<TemplateLocale, string>): Record<TemplateLocale, TemplateText> {
  return {
    vi: { subject: headlines.vi, body: platformBody(headlines.vi, 'vi') },
    en: { subject: headlines.en, body: platformBody(headlines.en, 'en') },
  };
}

export const DEFAULT_TEMPLATES: Record<TemplatePurpose, Record<TemplateLocale, TemplateText>> = {
  'report.received': REPORTER,
  'report.under_review': REPORTER,
  'report.verified': REPORTER,
  'report.sent_to_platform': REPORTER,
  'report.platform_acted': REPORTER,
  'report.closed': REPORTER,
  'escalation.created': platform({
    vi: 'Canh Giác: yêu cầu xử lý lừa đảo mới {{caseReference}} gửi {{platform}}, hạn {{dueAt}}',
    en: 'Canh Giác: new fraud escalation {{caseReference}} for {{platform}}, due {{dueAt}}',
  }),
  'escalation.due_soon': platform({
    vi: 'Canh Giác: yêu cầu {{caseReference}} sắp đến hạn {{dueAt}}',
    en: 'Canh Giác: escalation {{caseReference}} is due {{dueAt}}',
  }),
  'escalation.overdue': platform({
    vi: 'Canh Giác: yêu cầu {{caseReference}} đã quá hạn (hạn {{dueAt}})',
    en: 'Canh Giác: escalation {{caseReference}} is overdue (was due {{dueAt}})',
  }),
  'dispute.received': {
    vi: {
      subject: 'Đã nhận khiếu nại {{trackingCode}}',
      body: 'Chúng tôi đã nhận khiếu nại của bạn về {{indicator}}. Trong thời gian xem xét, định danh được ghi là "đang khiếu nại". Mã theo dõi: {{trackingCode}}.\n— Canh Giác',
    },
    en: {
      subject: 'Dispute {{trackingCode}} received',
      body: 'We received your dispute about {{indicator}}. While it is reviewed, the identifier is marked as disputed. Tracking code: {{trackingCode}}.\n— Canh Giác',
    },
  },
  'dispute.upheld': {
    vi: { subject: 'Kết quả khiếu nại {{trackingCode}}', body: 'Danh sách đối với {{indicator}} được giữ nguyên.\nLý do: {{reason}}\n— Canh Giác' },
    en: { subject: 'Outcome of dispute {{trackingCode}}', body: 'The listing of {{indicator}} was upheld.\nReason: {{reason}}\n— Canh Giác' },
  },
  'dispute.cleared': {
    vi: { subject: 'Kết quả khiếu nại {{trackingCode}}', body: '{{indicator}} đã được gỡ khỏi danh sách.\nLý do: {{reason}}\n— Canh Giác' },
    en: { subject: 'Outcome of dispute {{trackingCode}}', body: '{{indicator}} was removed from the list.\nReason: {{reason}}\n— Canh Giác' },
  },
};
