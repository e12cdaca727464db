import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../web/src/pages/report/amount.ts';
import { recogniseLine } from '../../../web/src/identifiers/recognise.ts';

describe('report wizard: amounts and pasted lines', () => {
  it('reads an amount however it is grouped: 45.000.000, 45,000,000 đ, 45 000 000 VND', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), fc.constantFrom('vi-VN', 'en-GB', 'fr-FR'), fc.constantFrom('', ' đ', '₫', ' VND'), (n, locale, unit) => {
        const text = `${new Intl.NumberFormat(locale).format(n).replace(/\u202f|\u00a0/g, ' ')}${unit}`;
        expect(parseAmount(text)).toBe(n);
      }),
    );
  });

  it('empty is no amount; letters are not an amount', () => {
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('  ')).toBeNull();
    expect(parseAmount('mười triệu')).toBeNaN();
    expect(parseAmount('12abc')).toBeNaN();
  });

  it('a line is one identifier, identifiers inside a sentence, or kept as text', () => {
    const phone = recogniseLine('0900 000 303');
    expect(phone.status === 'identifier' && phone.items.map((i) => i.indicator)).toEqual(['phone:+84900000303']);
    const sentence = recogniseLine('Nó bảo gọi số 0900 000 303 hoặc vào https://nhiemvu-demo.example/dang-nhap ngay');
    expect(sentence.status === 'identifier' && sentence.items.map((i) => i.kind)).toEqual(['phone', 'url']);
    expect(recogniseLine('anh Tuấn quản lý nhóm').status).toBe('unrecognised');
  });
});
