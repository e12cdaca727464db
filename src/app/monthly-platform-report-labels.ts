/**
 * The words of the monthly platform report in Vietnamese and English. The server writes the
 * report (PDF, XLSX, CSV) itself, so it keeps its own copy of the few labels it needs; the
 * fraud type and answer names are the web app's (web/src/i18n/*.json), kept the same.
 */
export type ReportLang = 'vi' | 'en';

const FRAUD_TYPES: Record<ReportLang, Record<string, string>> = {
  vi: {
    investment: 'Đầu tư, tiền ảo',
    job_task: 'Việc làm, làm nhiệm vụ',
    impersonating_authorities: 'Giả danh cơ quan chức năng',
    impersonating_bank: 'Giả danh ngân hàng',
    phishing_link: 'Đường link giả mạo',
    prize_lottery: 'Trúng thưởng, quà tặng',
    online_shopping: 'Mua bán trực tuyến',
    loan: 'Cho vay',
    romance: 'Tình cảm, hẹn hò',
    account_takeover: 'Chiếm đoạt tài khoản',
    fake_charity: 'Từ thiện giả',
    other: 'Hình thức khác',
  },
  en: {
    investment: 'Investment, crypto',
    job_task: 'Jobs and tasks',
    impersonating_authorities: 'Fake police or officials',
    impersonating_bank: 'Fake bank staff',
    phishing_link: 'Fake links and websites',
    prize_lottery: 'Prizes and gifts',
    online_shopping: 'Online shopping',
    loan: 'Loans',
    romance: 'Romance and dating',
    account_takeover: 'Hijacked accounts',
    fake_charity: 'Fake charity',
    other: 'Other',
  },
};

const OUTCOMES: Record<ReportLang, Record<string, string>> = {
  vi: { removed: 'Đã gỡ bỏ', restricted: 'Đã hạn chế', no_violation: 'Không vi phạm', needs_more_information: 'Cần thêm thông tin', unanswered: 'Chưa trả lời' },
  en: { removed: 'Removed', restricted: 'Restricted', no_violation: 'No violation', needs_more_information: 'Needs more information', unanswered: 'Not answered' },
};

const PLATFORMS: Record<string, string> = { facebook: 'Facebook', zalo: 'Zalo', telegram: 'Telegram', tiktok: 'TikTok', instagram: 'Instagram', x: 'X', youtube: 'YouTube' };

const WORDS = {
  vi: {
    title: 'Báo cáo tháng về phối hợp xử lý lừa đảo',
    platform: 'Nền tảng',
    month: 'Tháng',
    period: 'Khoảng thời gian',
    generatedAt: 'Lập lúc',
    scope: 'Chỉ gồm dữ liệu về lừa đảo: yêu cầu xử lý, mã vụ việc và định danh lừa đảo đã gửi nền tảng. Không có thông tin cá nhân của người báo cáo.',
    summary: 'Tổng quan',
    measure: 'Chỉ số',
    value: 'Giá trị',
    escalations: 'Yêu cầu xử lý đã gửi',
    subjects: 'Định danh được yêu cầu xử lý',
    acknowledged: 'Đã xác nhận tiếp nhận',
    acknowledgedOnTime: 'Xác nhận trước hạn',
    answered: 'Đã trả lời',
    actedOnTime: 'Trả lời đúng hạn',
    onTimeRate: 'Tỷ lệ đúng hạn',
    overdueCount: 'Quá hạn',
    medianHoursToAcknowledge: 'Trung vị thời gian xác nhận (giờ)',
    medianHoursToAct: 'Trung vị thời gian xử lý (giờ)',
    byFraudType: 'Theo loại lừa đảo',
    fraudType: 'Loại lừa đảo',
    byLegalBasis: 'Theo căn cứ pháp lý',
    legalBasis: 'Căn cứ pháp lý',
    outcomes: 'Kết quả xử lý',
    outcome: 'Kết quả',
    mitigation: 'Thời gian từ báo cáo đầu tiên đến khi gỡ bỏ',
    mitigationSubjects: 'Định danh đã gỡ bỏ',
    medianHours: 'Trung vị (giờ)',
    p90Hours: 'Phân vị 90 (giờ)',
    overdue: 'Danh sách quá hạn',
    noOverdue: 'Không có yêu cầu nào quá hạn.',
    caseReference: 'Mã vụ việc',
    createdAt: 'Gửi lúc',
    dueAt: 'Hạn',
    actionedAt: 'Trả lời lúc',
    hoursLate: 'Trễ (giờ)',
    subjectList: 'Định danh',
    none: '—',
    section: 'Bảng',
  },
  en: {
    title: 'Monthly report on fraud cooperation',
    platform: 'Platform',
    month: 'Month',
    period: 'Period',
    generatedAt: 'Generated at',
    scope: 'Fraud data only: escalations, case references and the scam identifiers sent to the platform. No personal data of reporters.',
    summary: 'Summary',
    measure: 'Measure',
    value: 'Value',
    escalations: 'Escalations sent',
    subjects: 'Identifiers escalated',
    acknowledged: 'Acknowledged',
    acknowledgedOnTime: 'Acknowledged before the deadline',
    answered: 'Answered',
    actedOnTime: 'Answered on time',
    onTimeRate: 'On-time rate',
    overdueCount: 'Overdue',
    medianHoursToAcknowledge: 'Median time to acknowledge (hours)',
    medianHoursToAct: 'Median time to act (hours)',
    byFraudType: 'By fraud type',
    fraudType: 'Fraud type',
    byLegalBasis: 'By legal basis',
    legalBasis: 'Legal basis',
    outcomes: 'Outcomes',
    outcome: 'Outcome',
    mitigation: 'Time from first report to removal',
    mitigationSubjects: 'Identifiers removed',
    medianHours: 'Median (hours)',
    p90Hours: '90th percentile (hours)',
    overdue: 'Overdue escalations',
    noOverdue: 'No escalation was overdue.',
    caseReference: 'Case',
    createdAt: 'Sent at',
    dueAt: 'Due',
    actionedAt: 'Answered at',
    hoursLate: 'Late (hours)',
    subjectList: 'Identifiers',
    none: '—',
    section: 'Table',
  },
} as const;

export type ReportWords = (typeof WORDS)[ReportLang];

export function reportWords(lang: ReportLang): ReportWords {
  return WORDS[lang];
}
export const fraudTypeName = (lang: ReportLang, type: string) => FRAUD_TYPES[lang][type] ?? type;
export const outcomeName = (lang: ReportLang, outcome: string) => OUTCOMES[lang][outcome] ?? outcome;
export const platformName = (platform: string) => PLATFORMS[platform] ?? platform;
