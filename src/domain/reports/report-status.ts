/**
 * Where a report stands, as its reporter sees it (the same list as `reports.status`), and the
 * plain words the tracking page and the e-mails use. Statuses only move forward; a report whose
 * case is rejected or merged is `closed` with an outcome that says so.
 */
export const REPORT_STATUS_ORDER = ['received', 'under_review', 'verified', 'sent_to_platform', 'platform_acted', 'closed'] as const;
export type ReportStatusName = (typeof REPORT_STATUS_ORDER)[number];

export interface Words {
  vi: string;
  en: string;
}

export const REPORT_STATUS_WORDS: Record<ReportStatusName, Words> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  under_review: { vi: 'Đang xem xét', en: 'Under review' },
  verified: { vi: 'Đã xác minh', en: 'Verified' },
  sent_to_platform: { vi: 'Đã chuyển cho nền tảng', en: 'Sent to the platform' },
  platform_acted: { vi: 'Nền tảng đã xử lý', en: 'The platform acted' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
};

/** What happens next, told to the reporter with the tracking code. */
export const NEXT_STEPS: Words = {
  vi: 'Hãy lưu mã theo dõi này. Chuyên viên sẽ xem xét báo cáo; bạn có thể tra cứu trạng thái bất cứ lúc nào bằng mã này. Nếu bạn đã chuyển tiền, hãy báo ngay cho ngân hàng của bạn và cơ quan công an nơi gần nhất.',
  en: 'Keep this tracking code. An analyst will review the report; you can check its status at any time with this code. If you sent money, tell your bank and the nearest police station at once.',
};

export function isForwardStatusChange(from: ReportStatusName, to: ReportStatusName): boolean {
  return REPORT_STATUS_ORDER.indexOf(to) > REPORT_STATUS_ORDER.indexOf(from);
}
