import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalizeDomain } from '../../../src/domain/identifiers/domain.ts';
import { anyText } from './arbitraries.ts';

const value = (raw: string): string => {
  const r = canonicalizeDomain(raw);
  return r.ok ? r.value.value : `!${r.error.code}`;
};

const CASES: [string, string][] = [
  ['example.com', 'example.com'],
  ['EXAMPLE.COM', 'example.com'],
  ['www.example.com', 'example.com'],
  ['a.b.c.example.com', 'example.com'],
  ['example.com.', 'example.com'],
  ['  shop.example.net  ', 'example.net'],
  // Vietnamese second levels and provinces.
  ['shop.example.com.vn', 'example.com.vn'],
  ['cong-thong-tin.example.gov.vn', 'example.gov.vn'],
  ['daotao.truong-mau.edu.vn', 'truong-mau.edu.vn'],
  ['mail.example.net.vn', 'example.net.vn'],
  ['www.hoi-mau.org.vn', 'hoi-mau.org.vn'],
  ['lab.vien-mau.ac.vn', 'vien-mau.ac.vn'],
  ['x.example.info.vn', 'example.info.vn'],
  ['ten-mau.name.vn', 'ten-mau.name.vn'],
  ['a.example.pro.vn', 'example.pro.vn'],
  ['benhvien-mau.health.vn', 'benhvien-mau.health.vn'],
  ['shop.example.biz.vn', 'example.biz.vn'],
  ['www.example.int.vn', 'example.int.vn'],
  ['portal.so-mau.hanoi.vn', 'so-mau.hanoi.vn'],
  ['so-mau.danang.vn', 'so-mau.danang.vn'],
  ['www.so-mau.thanhphohochiminh.vn', 'so-mau.thanhphohochiminh.vn'],
  ['www.example.vn', 'example.vn'],
  ['ca-nhan.id.vn', 'ca-nhan.id.vn'],
  ['app.example.io.vn', 'example.io.vn'],
  // IDN: punycode in the value.
  ['ví-dụ.vn', 'xn--v-d-rma6749a.vn'],
  ['www.ngân-hàng-mẫu.com.vn', 'xn--ngn-hng-mu-l4au7420h.com.vn'],
  ['XN--V-D-RMA6749A.VN', 'xn--v-d-rma6749a.vn'],
  ['ví-dụ。vn', 'xn--v-d-rma6749a.vn'],
  // Private suffixes: each customer is a different owner.
  ['scam-shop.github.io', 'scam-shop.github.io'],
  ['x.scam-shop.github.io', 'scam-shop.github.io'],
  ['fake-bank.blogspot.com', 'fake-bank.blogspot.com'],
  ['lua-dao.web.app', 'lua-dao.web.app'],
  ['lua-dao.pages.dev', 'lua-dao.pages.dev'],
  ['lua-dao.netlify.app', 'lua-dao.netlify.app'],
  // Reserved test names follow the implicit "*" rule.
  ['login.evil.example', 'evil.example'],
  ['a.b.test', 'b.test'],
  // Links and the indicator form.
  ['https://login.evil.example/path?x=1', 'evil.example'],
  ['http://shop.example.com.vn:8080/', 'example.com.vn'],
  ['shop.example.com.vn/gio-hang', 'example.com.vn'],
  ['evil[.]example', 'evil.example'],
  ['faceb00k . com', 'faceb00k.com'],
  ['domain:example.com.vn', 'example.com.vn'],
  ['domain:xn--v-d-rma6749a.vn', 'xn--v-d-rma6749a.vn'],
  ['user@mail.example.vn', 'example.vn'],
  // Errors.
  ['', '!empty'],
  ['com', '!domain_invalid'],
  ['localhost', '!domain_invalid'],
  ['com.vn', '!domain_is_suffix'],
  ['gov.vn', '!domain_is_suffix'],
  ['hanoi.vn', '!domain_is_suffix'],
  ['github.io', '!domain_is_suffix'],
  ['blogspot.com', '!domain_is_suffix'],
  ['1.2.3.4', '!domain_is_ip'],
  ['http://192.168.0.1/', '!domain_is_ip'],
  ['[2001:db8::1]', '!domain_is_ip'],
  ['-bad-.example', '!domain_invalid'],
  ['exa mple.com', '!domain_invalid'],
  ['a..b', '!domain_invalid'],
  ['example.123', '!domain_invalid'],
  ['a.0x1.0x1', '!domain_invalid'],
  [`${'a'.repeat(64)}.com`, '!domain_invalid'],
  ['under_score.example', '!domain_invalid'],
];

describe('domain: table', () => {
  it.each(CASES)('%j → %s', (input, want) => expect(value(input)).toBe(want));

  it('keeps the Unicode spelling for display', () => {
    const r = canonicalizeDomain('www.ngân-hàng-mẫu.com.vn');
    expect(r.ok && r.value.display).toBe('ngân-hàng-mẫu.com.vn');
    expect(r.ok && r.value.indicator).toBe('domain:xn--ngn-hng-mu-l4au7420h.com.vn');
  });
});

describe('domain: properties', () => {
  const hosts = fc
    .array(fc.constantFrom('a', 'b', 'ví', 'dụ', '-', '.', '..', 'com', 'vn', 'com.vn', 'github.io', 'xn--', '1', '0x1', ':', '/', ' ', '[.]'), { maxLength: 10 })
    .map((a) => a.join(''));
  const inputs = fc.oneof(anyText, fc.domain(), fc.webUrl(), hosts);

  it('never throws', () => {
    fc.assert(fc.property(inputs, (s) => void canonicalizeDomain(s)), { numRuns: 3000 });
  });

  it('is idempotent on the indicator and the display', () => {
    fc.assert(fc.property(inputs, (s) => {
      const r = canonicalizeDomain(s);
      if (!r.ok) return;
      const again = canonicalizeDomain(r.value.indicator);
      const display = canonicalizeDomain(r.value.display);
      expect(again.ok && again.value.indicator).toBe(r.value.indicator);
      expect(display.ok && display.value.indicator).toBe(r.value.indicator);
    }), { numRuns: 3000 });
  });

  it('accepts every generated domain name that is not a bare suffix', () => {
    fc.assert(fc.property(fc.domain(), (d) => {
      const r = canonicalizeDomain(d);
      if (!r.ok) expect(['domain_is_suffix', 'domain_invalid']).toContain(r.error.code);
    }), { numRuns: 1000 });
  });
});
