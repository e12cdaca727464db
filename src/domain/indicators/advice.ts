import type { Verdict } from './verdicts.ts';

/**
 * What a caller should do about a look-up answer. Partners act on it automatically (a bank may
 * delay a transfer), so the action grows with the certainty of the listing; the public is
 * told what to do in plain words. Never "safe": "not listed" only means no one reported it.
 */
export const ACTIONS = ['none', 'inform', 'warn', 'confirm_with_user', 'delay', 'block'] as const;
export type Action = (typeof ACTIONS)[number];

export type LookupState = 'listed' | 'verified_legitimate' | 'not_listed';

export interface Advice {
  action: Action;
  vi: string;
  en: string;
}

export function adviceFor(
  tier: 'public' | 'partner',
  state: LookupState,
  listing?: { verdict: Verdict; confidence: number },
  owner?: string,
): Advice {
  if (state === 'verified_legitimate') {
    return {
      action: 'none',
      vi: `Đây là kênh chính thức đã được xác minh của ${owner}. Hãy chắc chắn bạn nhập đúng từng ký tự: kẻ gian hay dùng tên, số gần giống.`,
      en: `This is a verified official channel of ${owner}. Make sure every character matches: scammers use look-alike names and numbers.`,
    };
  }
  if (state === 'not_listed' || !listing) {
    return {
      action: tier === 'partner' ? 'none' : 'inform',
      vi: 'Chưa có báo cáo nào về định danh này. Điều đó không có nghĩa là an toàn: hãy cảnh giác nếu bị hối thúc chuyển tiền, đòi mã OTP hoặc hứa lợi nhuận cao.',
      en: 'No one has reported this identifier yet. That does not make it safe: be careful if you are rushed to pay, asked for an OTP, or promised high returns.',
    };
  }
  const certain = listing.verdict === 'confirmed';
  if (tier === 'public') {
    return certain
      ? {
          action: 'warn',
          vi: 'Đã được xác minh là lừa đảo. Không chuyển tiền, không cung cấp mã OTP hay thông tin cá nhân. Nếu đã chuyển tiền, hãy gọi ngay ngân hàng của bạn.',
          en: 'Verified as a scam. Do not pay, and do not give an OTP or personal details. If you have already paid, call your bank now.',
        }
      : {
          action: 'warn',
          vi: 'Định danh này đang bị báo cáo và được xác minh. Hãy dừng lại và kiểm tra kỹ trước khi chuyển tiền.',
          en: 'This identifier has been reported and is being checked. Stop and check carefully before paying.',
        };
  }
  let action: Action;
  if (listing.verdict === 'disputed') action = 'confirm_with_user';
  else if (certain) action = listing.confidence >= 80 ? 'block' : 'delay';
  else action = listing.confidence >= 60 ? 'confirm_with_user' : 'inform';
  const en: Record<Action, string> = {
    none: 'No action.',
    inform: 'Reported but not verified: inform the user.',
    warn: 'Warn the user.',
    confirm_with_user: 'Ask the user to confirm they know the recipient before going ahead.',
    delay: 'Confirmed fraud: hold the transaction for review.',
    block: 'Confirmed fraud with high confidence: block the transaction or contact.',
  };
  const vi: Record<Action, string> = {
    none: 'Không cần xử lý.',
    inform: 'Đã có báo cáo nhưng chưa được xác minh: thông báo cho người dùng.',
    warn: 'Cảnh báo người dùng.',
    confirm_with_user: 'Yêu cầu người dùng xác nhận họ biết người nhận trước khi tiếp tục.',
    delay: 'Đã xác minh lừa đảo: tạm giữ giao dịch để kiểm tra.',
    block: 'Đã xác minh lừa đảo với độ tin cậy cao: chặn giao dịch hoặc liên lạc.',
  };
  return { action, vi: vi[action], en: en[action] };
}
