import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASSIFIER_MAX, NETWORK_WEIGHT, SCAM_THRESHOLD, VERDICT_WEIGHTS, scoreRisk } from '../../../src/domain/risk/index.ts';
import type { RiskResult, RiskVerdict, VerdictResolver } from '../../../src/domain/risk/index.ts';

const PHONE = 'phone:+84912000111';
const signals = (r: RiskResult): string[] => r.reasons.map((x) => x.signal);
const sum = (r: RiskResult): number => r.reasons.reduce((n, x) => n + x.weight, 0);
const resolveTo =
  (verdict: RiskVerdict): VerdictResolver =>
  (indicator) => (indicator === PHONE ? { verdict, reportCount: 4, owner: 'Ngân hàng Thử nghiệm' } : undefined);

describe('scoreRisk: identifier verdicts', () => {
  for (const verdict of ['confirmed', 'suspected', 'disputed', 'cleared', 'verified_legitimate'] as const) {
    it(`identifier.${verdict} carries its weight (${VERDICT_WEIGHTS[verdict]})`, () => {
      const r = scoreRisk({ text: 'Gọi em qua số 0912 000 111 nhé' }, { resolve: resolveTo(verdict) });
      const reason = r.reasons.find((x) => x.signal === `identifier.${verdict}`)!;
      expect(reason.weight).toBe(VERDICT_WEIGHTS[verdict]);
      expect(reason.detail).toContain(PHONE);
    });
  }

  it('labels a message with a confirmed identifier a scam whatever its words', () => {
    const r = scoreRisk({ text: 'Chào bạn, số mình là 0912 000 111' }, { resolve: resolveTo('confirmed') });
    expect(r.label).toBe('scam');
  });

  it('reads identifiers given beside the text', () => {
    const r = scoreRisk({ text: 'Liên hệ nhé', identifiers: ['0912.000.111', 'not an identifier'] }, { resolve: resolveTo('confirmed') });
    expect(signals(r)).toContain('identifier.confirmed');
  });

  it('shows report counts only when the resolver gives them', () => {
    const r = scoreRisk({ text: '0912 000 111' }, { resolve: (i) => (i === PHONE ? { verdict: 'confirmed' } : undefined) });
    expect(r.reasons.find((x) => x.signal === 'identifier.confirmed')!.detail).not.toMatch(/report/);
  });

  it('survives a resolver that throws', () => {
    const r = scoreRisk({ text: '0912 000 111' }, { resolve: () => { throw new Error('index down'); } });
    expect(signals(r)).not.toContain('identifier.confirmed');
  });
});

describe('scoreRisk: networks (input reserved for the networks work)', () => {
  it('network.confirmed adds its weight and names the indicator', () => {
    const r = scoreRisk({ text: 'số 0912 000 111' }, { networks: [{ networkId: 'n1', indicator: PHONE, size: 12, confirmedShare: 0.5 }] });
    const reason = r.reasons.find((x) => x.signal === 'network.confirmed')!;
    expect(reason.weight).toBe(NETWORK_WEIGHT);
    expect(reason.detail).toContain('12 identifiers');
  });
});

describe('scoreRisk: text and classifier', () => {
  it('text.classifier rates scam wording high and ordinary wording low', () => {
    const scam = scoreRisk({ text: 'Tuyển CTV việc nhẹ lương cao, làm nhiệm vụ nhận hoa hồng 30% mỗi ngày, ib zalo' });
    const plain = scoreRisk({ text: 'Tối nay 7h họp lớp ở quán cũ nhé mọi người' });
    const w = (r: RiskResult) => r.reasons.find((x) => x.signal === 'text.classifier')?.weight ?? 0;
    expect(w(scam)).toBeGreaterThan(0);
    expect(w(scam)).toBeLessThanOrEqual(CLASSIFIER_MAX);
    expect(w(plain)).toBeLessThan(0);
    expect(scam.label).toBe('scam');
    expect(plain.label).toBe('legit');
  });

  it('never labels a scam on the classifier alone', () => {
    // English small talk reads "scam-like" to a model trained mostly on Vietnamese; no rule fires.
    fc.assert(
      fc.property(fc.lorem({ maxCount: 30 }), (text) => {
        const r = scoreRisk({ text });
        if (r.reasons.every((x) => x.signal === 'text.classifier' || x.weight <= 0 || x.signal === 'score.clamp')) expect(r.label).toBe('legit');
      }),
      { numRuns: 200 },
    );
  });

  it('keeps hard negatives legitimate', () => {
    const hard = [
      'Vietcombank: Ma OTP cua Quy khach la 123456. Tuyet doi KHONG cung cap ma OTP cho bat ky ai, ke ca nhan vien ngan hang.',
      'Công an tỉnh cảnh báo thủ đoạn giả danh cán bộ công an gọi điện yêu cầu chuyển tiền vào tài khoản tạm giữ.',
      'Công an quận vừa bắt giữ nhóm đối tượng giả danh nhân viên ngân hàng, chiếm đoạt 2 tỷ đồng của nhiều bị hại.',
      'Shopee sale lớn 11/11: giảm đến 50% toàn bộ ngành hàng, miễn phí vận chuyển. Mua ngay trên ứng dụng.',
      'Quán cà phê cần tuyển 2 bạn phục vụ ca tối, lương 25k/giờ, ưu tiên sinh viên.',
      'Lan ơi, tháng này tớ hơi kẹt, cho tớ mượn 2 triệu nhé, cuối tháng có lương tớ trả liền.',
    ];
    for (const text of hard) expect(scoreRisk({ text }).label, text).toBe('legit');
  });

  it('flags look-alike links, punycode and shorteners in the text', () => {
    const r = scoreRisk({ text: 'Xác minh tại https://vietcornbank.example/login hoặc bit.ly/abc123' });
    expect(signals(r)).toEqual(expect.arrayContaining(['link.confusable_brand', 'link.shortener']));
  });
});

describe('scoreRisk: the score', () => {
  it('is exactly the sum of the reasons, with score.clamp taking the excess away', () => {
    const high = scoreRisk(
      { text: 'Công an: chuyển tiền vào tài khoản tạm giữ, gửi mã OTP ngay, không được nói với ai, tải app tại https://vietcornbank.example' },
      { resolve: resolveTo('confirmed') },
    );
    expect(high.score).toBe(100);
    expect(signals(high)).toContain('score.clamp');
    expect(sum(high)).toBe(100);
    const low = scoreRisk({ text: 'Cảnh báo: tuyệt đối không cung cấp mã OTP. Công an bắt giữ đối tượng lừa đảo.' });
    expect(low.score).toBe(0);
    expect(sum(low)).toBe(0);
  });

  it(`labels scam from ${SCAM_THRESHOLD} up`, () => {
    for (const text of ['a', 'Gửi mã OTP cho em', 'Trúng thưởng xe SH, nộp phí nhận thưởng 500k vào stk']) {
      const r = scoreRisk({ text });
      expect(r.label).toBe(r.score >= SCAM_THRESHOLD ? 'scam' : 'legit');
    }
  });
});
