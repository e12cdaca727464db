import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/domain/risk/normalize-text.ts';
import { TEXT_RULES, WARNING_RULES, textReasons } from '../../../src/domain/risk/text-signals.ts';

const signalsOf = (text: string): string[] => textReasons(normalizeText(text)).map((r) => r.signal);

/** Per signal: messages that must fire it (with and without diacritics, teencode, English). */
const FIRES: Record<string, string[]> = {
  'text.otp_request': ['Em đọc giúp anh mã OTP vừa gửi về máy nhé', 'gui 0tp cho e di', 'Please send me the verification code', 'Mình lỡ gửi mã xác nhận, bạn đọc giúp mình mã 6 số vừa nhận được', 'cậu đọc giúp tớ dãy số vừa gửi vào máy', 'chụp màn hình tin nhắn gửi lại nhé'],
  'text.transfer_first': ['Bạn chuyển khoản trước 500k phí giữ đơn', 'ck trc 200k nha', 'Nộp phí hồ sơ 1 triệu để giải ngân', 'Khách cọc trước 50% shop mới giữ hàng', 'Pay the processing fee to release it', 'hải quan cần em đóng thuế trước', 'chuyển khoản xong mình gửi mã vé qua Zalo'],
  'text.easy_job': ['Tuyển CTV việc nhẹ lương cao', 'viec nhe luong cao, lam tai nha', 'Thu nhập 500k mỗi ngày', 'Easy job from home'],
  'text.task_commission': ['Làm nhiệm vụ nhận hoa hồng 30%', 'lam nv nhan hh cao', 'Like video nhận tiền ngay', 'Nhiệm vụ combo: nạp tiền làm nhiệm vụ', 'tự bỏ vốn nhập đơn trước', 'ứng trước tiền đơn sẽ được hoàn lại cả gốc lẫn lãi'],
  'text.prize': ['Chúc mừng bạn đã trúng thưởng xe SH', 'Quà tri ân khách hàng', 'You have won a prize, claim your prize now'],
  'text.account_threat': ['Tài khoản của quý khách sẽ bị tạm khóa', 'tk cua ban se bi khoa', 'Your account will be suspended', 'thuê bao của bạn sắp bị ngắt'],
  'text.authority_impersonation': ['Tôi là cán bộ công an quận, anh có liên quan đến đường dây rửa tiền', 'Giấy triệu tập của tòa án, vui lòng bấm phím 9', 'Chuyển tiền vào tài khoản tạm giữ để xác minh', 'tôi chuyển máy cho cán bộ điều tra làm việc với chị'],
  'text.investment_returns': ['Lợi nhuận 5% mỗi ngày, cam kết hoàn vốn', 'loi nhuan 10%/ngay', 'Nhân đôi tài khoản trong 7 ngày', 'Guaranteed return, double your money', 'vốn 10 triệu thu về 15 triệu', 'lời bao nhiêu rút bấy nhiêu'],
  'text.easy_loan': ['Vay tiền không cần thẩm định, giải ngân ngay', 'Instant loan, no credit check'],
  'text.charity_to_person': ['Ủng hộ bé qua stk cá nhân 0123', 'Quyên góp giúp đồng bào, chuyển gấp trong hôm nay'],
  'text.urgency': ['Xác minh ngay lập tức', 'trong vòng 24h', 'urgent, act immediately'],
  'text.secrecy': ['Không được nói với người thân', 'Giữ bí mật điều tra'],
  'text.remote_app': ['Anh cài ứng dụng này để hỗ trợ', 'tải app teamviewer', 'Install the app to continue'],
  'text.credentials_request': ['Gửi anh mật khẩu với mã CVV', 'Chụp ảnh CCCD hai mặt gửi em', 'điền số thẻ để nhận tiền'],
  'text.warning_context': ['Cảnh báo thủ đoạn lừa đảo mới', 'Ngân hàng không bao giờ yêu cầu mã OTP', 'We will never ask for your code, beware'],
  'text.news_report': ['Công an bắt giữ đối tượng chiếm đoạt 2 tỷ', 'Victims lost money, police arrested suspects'],
};

/** Warnings and advice that use the same words must not fire the request signals. */
const NEGATED: Array<[string, string]> = [
  ['text.otp_request', 'Tuyệt đối không cung cấp mã OTP cho bất kỳ ai'],
  ['text.otp_request', 'Khong bao gio gui ma OTP cho nguoi la'],
  ['text.otp_request', 'Never share or send your verification code'],
  ['text.transfer_first', 'Không chuyển khoản trước cho người lạ'],
  ['text.account_threat', 'Ngân hàng không bao giờ thông báo tài khoản bị khóa qua tin nhắn'],
  ['text.remote_app', 'Không cài ứng dụng lạ theo hướng dẫn qua điện thoại'],
  ['text.credentials_request', 'Đừng gửi mật khẩu cho ai'],
  ['text.remote_app', 'Hãy đổi mật khẩu trong phần cài đặt của ứng dụng'],
];

describe('text rules', () => {
  it('has a test message for every rule', () => {
    for (const rule of [...TEXT_RULES, ...WARNING_RULES]) expect(Object.keys(FIRES), rule.signal).toContain(rule.signal);
  });

  for (const [signal, messages] of Object.entries(FIRES)) {
    it(`${signal} fires on its messages`, () => {
      for (const m of messages) expect(signalsOf(m), m).toContain(signal);
    });
  }

  it('does not fire request signals on warnings that say "never"', () => {
    for (const [signal, message] of NEGATED) expect(signalsOf(message), message).not.toContain(signal);
  });

  it('fires nothing on an ordinary message', () => {
    expect(signalsOf('Tối nay 7h họp lớp ở quán cũ nhé mọi người')).toEqual([]);
    expect(signalsOf('Con đến trường rồi mẹ ơi')).toEqual([]);
  });

  it('explains each reason in English with what matched, and fires a rule once', () => {
    const reasons = textReasons(normalizeText('Gửi mã OTP. Gửi mã OTP. Gửi mã OTP.'));
    expect(reasons.filter((r) => r.signal === 'text.otp_request')).toHaveLength(1);
    expect(reasons[0]!.detail).toMatch(/Matched: "gui ma otp/);
  });

  it('weighs warning and news context negatively and every request signal positively', () => {
    for (const r of TEXT_RULES) expect(r.weight, r.signal).toBeGreaterThan(0);
    for (const r of WARNING_RULES) expect(r.weight, r.signal).toBeLessThan(0);
  });
});
