import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS, normalizeText } from '../../../src/domain/risk/normalize-text.ts';

describe('normalizeText', () => {
  it('folds case and diacritics and separates words by one space', () => {
    expect(normalizeText('  Chuyển   KHOẢN, ngay!! ')).toBe(' chuyen khoan ngay ');
    expect(normalizeText('Đơn hàng đã được giao')).toBe(' don hang da duoc giao ');
  });

  it('writes common teencode out', () => {
    expect(normalizeText('ck trc 500k vào stk, ib mình')).toBe(' chuyen khoan truoc 500k vao so tai khoan inbox minh ');
    expect(normalizeText('k dc thì thôi, ko sao')).toBe(' khong duoc thi thoi khong sao ');
    expect(normalizeText('đc hh cao, lh ctv')).toBe(' duoc hoa hong cao lien he cong tac vien ');
  });

  it('keeps "hồng" as a word (hoa hồng is commission, not "hoa không")', () => {
    expect(normalizeText('nhận hoa hồng')).toBe(' nhan hoa hong ');
  });

  it('turns digits used as letters back into letters, but keeps amounts and times', () => {
    expect(normalizeText('gửi 0TP')).toBe(' gui otp ');
    expect(normalizeText('th4nh t0án')).toBe(' thanh toan ');
    expect(normalizeText('500k 5tr 24h 30% 10usd')).toBe(' 500k 5tr 24h 30% 10usd ');
  });

  it('reads at most MAX_TEXT_CHARS characters', () => {
    const long = 'a '.repeat(MAX_TEXT_CHARS);
    expect(normalizeText(long).length).toBeLessThanOrEqual(MAX_TEXT_CHARS + 2);
  });

  it('is idempotent and its output holds only lower-case ASCII words between single spaces (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
        expect(once).toMatch(/^ (?:[a-z0-9@$%\u0080-\uffff]+ )*$/);
      }),
      { numRuns: 500 },
    );
  });
});
