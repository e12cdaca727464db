import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anyText } from './arbitraries.ts';
import { canonicalizeBank, resolveBank } from '../../../src/domain/identifiers/bank.ts';
import { BANKS, bankByBin } from '../../../src/domain/identifiers/bank-registry.ts';
import { buildVietQrPayload } from '../../../src/domain/identifiers/vietqr.ts';

const VCB = 'bank:970436:0011004567890';

const VALID: Array<readonly [string, string]> = [
  // Vietcombank, every way people write it.
  ...[
    'bank:970436:0011004567890', 'BANK:970436:0011004567890', '970436:0011004567890', '970436/0011004567890',
    '970436:0011-004-567890', '970436 : 0011 0045 67890', 'VCB 0011004567890', 'VCB 0011 0045 67890', 'vcb 0011.0045.67890',
    'VCB-0011004567890', 'VCB:0011004567890', 'VCB/0011004567890', 'vcb/0011004567890', 'Vietcombank 0011004567890',
    '0011004567890 Vietcombank', '0011004567890 - Vietcombank', '0011004567890 (VCB)', 'VIETCOMBANK 0011004567890',
    'Viet com bank 0011004567890', 'Ngoại thương 0011004567890', 'ngoai thuong 0011004567890', 'NGOẠI THƯƠNG 0011004567890',
    'Ngân hàng Ngoại thương 0011004567890', 'ngan hang ngoai thuong 0011004567890', 'NH Ngoại Thương 0011004567890',
    'Ngân hàng TMCP Ngoại thương Việt Nam 0011004567890', 'STK 0011004567890 ngân hàng Vietcombank', 'stk: 0011004567890 VCB',
    'Số tài khoản 0011004567890 Vietcombank', 'so tai khoan 0011004567890 vietcombank', '970436 0011004567890',
    'Vietcombank/0011004567890', 'Joint Stock Commercial Bank for Foreign Trade of Vietnam 0011004567890',
    'VCB 0011_0045_67890', '  VCB   0011004567890  ',
  ].map((s) => [s, VCB] as const),
  ['VietinBank 101234567890', 'bank:970415:101234567890'],
  ['Viettinbank 101234567890', 'bank:970415:101234567890'],
  ['CTG 101234567890', 'bank:970415:101234567890'],
  ['Công thương 101234567890', 'bank:970415:101234567890'],
  ['BIDV 12010000123456', 'bank:970418:12010000123456'],
  ['Đầu tư và Phát triển 12010000123456', 'bank:970418:12010000123456'],
  ['Agribank 1500205123456', 'bank:970405:1500205123456'],
  ['nông nghiệp 1500205123456', 'bank:970405:1500205123456'],
  ['970499:1500205123456', 'bank:970405:1500205123456'],
  ['Techcombank 19036543219011', 'bank:970407:19036543219011'],
  ['TCB 1903 6543 2190 11', 'bank:970407:19036543219011'],
  ['Kỹ thương 19036543219011', 'bank:970407:19036543219011'],
  ['MB 0123456789', 'bank:970422:0123456789'],
  ['MBBank 0123456789', 'bank:970422:0123456789'],
  ['MB Bank 0123456789', 'bank:970422:0123456789'],
  ['Quân đội 0123456789', 'bank:970422:0123456789'],
  ['mb/0912345678', 'bank:970422:0912345678'],
  ['VPBank 123456789', 'bank:970432:123456789'],
  ['VP Bank 123456789', 'bank:970432:123456789'],
  ['TPBank 02345678901', 'bank:970423:02345678901'],
  ['Tiên Phong 02345678901', 'bank:970423:02345678901'],
  ['Sacombank 060123456789', 'bank:970403:060123456789'],
  ['Sài Gòn Thương Tín 060123456789', 'bank:970403:060123456789'],
  ['ACB 12345678', 'bank:970416:12345678'],
  ['Á Châu 12345678', 'bank:970416:12345678'],
  ['a chau 12345678', 'bank:970416:12345678'],
  ['HDBank 123456789012', 'bank:970437:123456789012'],
  ['VIB 123456789', 'bank:970441:123456789'],
  ['SHB 1234567890', 'bank:970443:1234567890'],
  ['Sài Gòn - Hà Nội 1234567890', 'bank:970443:1234567890'],
  ['Sài Gòn Công Thương 1234567890', 'bank:970400:1234567890'],
  ['Ngân hàng Sài Gòn 1234567890', 'bank:970429:1234567890'],
  ['Eximbank 123456789', 'bank:970431:123456789'],
  ['MSB 04001010123456', 'bank:970426:04001010123456'],
  ['Maritime Bank 04001010123456', 'bank:970426:04001010123456'],
  ['Hàng Hải 04001010123456', 'bank:970426:04001010123456'],
  ['OCB 0021100123456', 'bank:970448:0021100123456'],
  ['SeABank 000012345678', 'bank:970440:000012345678'],
  ['LPBank 123456789', 'bank:970449:123456789'],
  ['LienVietPostBank 123456789', 'bank:970449:123456789'],
  ['Bưu điện Liên Việt 123456789', 'bank:970449:123456789'],
  ['BVBank 123456789', 'bank:970454:123456789'],
  ['Bản Việt 123456789', 'bank:970454:123456789'],
  ['Timo 123456789', 'bank:963388:123456789'],
  ['Cake 123456789', 'bank:546034:123456789'],
  ['Cake by VPBank 123456789', 'bank:546034:123456789'],
  ['Ubank 123456789', 'bank:546035:123456789'],
  ['KienlongBank 123456789', 'bank:970452:123456789'],
  ['Nam A Bank 123456789', 'bank:970428:123456789'],
  ['Bac A Bank 123456789', 'bank:970409:123456789'],
  ['Bắc Á 123456789', 'bank:970409:123456789'],
  ['ABBANK 123456789', 'bank:970425:123456789'],
  ['PVcomBank 123456789', 'bank:970412:123456789'],
  ['NCB 123456789', 'bank:970419:123456789'],
  ['VietABank 123456789', 'bank:970427:123456789'],
  ['Vietbank 123456789', 'bank:970433:123456789'],
  ['BaoViet Bank 123456789', 'bank:970438:123456789'],
  ['PGBank 123456789', 'bank:970430:123456789'],
  ['DongA Bank 123456789', 'bank:970406:123456789'],
  ['Đông Á 123456789', 'bank:970406:123456789'],
  ['Vikki 123456789', 'bank:970406:123456789'],
  ['OceanBank 123456789', 'bank:970414:123456789'],
  ['MBV 123456789', 'bank:970414:123456789'],
  ['CBBank 123456789', 'bank:970444:123456789'],
  ['VCB Neo 123456789', 'bank:970444:123456789'],
  ['GPBank 123456789', 'bank:970408:123456789'],
  ['Co-opBank 123456789', 'bank:970446:123456789'],
  ['Shinhan 700012345678', 'bank:970424:700012345678'],
  ['Woori 123456789', 'bank:970457:123456789'],
  ['UOB 123456789', 'bank:970458:123456789'],
  ['HSBC 001234567041', 'bank:458761:001234567041'],
  ['CIMB 800012345678', 'bank:422589:800012345678'],
  ['970459:800012345678', 'bank:422589:800012345678'],
  ['Standard Chartered 123456789', 'bank:970410:123456789'],
  ['KBank 123456789', 'bank:668888:123456789'],
  ['Viettel Money 0987654321', 'bank:971005:0987654321'],
  ['ViettelPay 0987654321', 'bank:971005:0987654321'],
  ['VNPT Money 0912345678', 'bank:971011:0912345678'],
  ['MoMo 0912345678', 'bank:971025:0912345678'],
  ['Ví MoMo 0912345678', 'bank:971025:0912345678'],
  ['Ngân hàng Chính sách Xã hội 123456789', 'bank:999888:123456789'],
  // Alphanumeric virtual accounts only in the explicit form.
  ['970422:VQRQ00012345', 'bank:970422:VQRQ00012345'],
  ['970422:vqrq00012345', 'bank:970422:VQRQ00012345'],
  ['MB/VQRQ 0001 2345', 'bank:970422:VQRQ00012345'],
  // Shortest and longest accounts.
  ['ACB 123456', 'bank:970416:123456'],
  ['VCB 1234567890123456789', 'bank:970436:1234567890123456789'],
];

const INVALID: Array<readonly [string, string]> = [
  ['', 'empty'],
  ['  ', 'empty'],
  ['0011004567890', 'bank_unknown'],
  ['stk 0011004567890', 'bank_unknown'],
  ['Foobank 0011004567890', 'bank_unknown'],
  ['999999:0011004567890', 'bank_unknown'],
  ['123456 0011004567890', 'bank_unknown'],
  ['VCB 12345', 'bank_account_invalid'],
  ['VCB 12345678901234567890', 'bank_account_invalid'],
  ['VCB', 'bank_account_invalid'],
  ['970436:', 'bank_account_invalid'],
  ['970436:ABCDEFGH', 'bank_account_invalid'],
  ['970436:0011*004567890', 'bank_account_invalid'],
  ['VCB MB 0011004567890', 'bank_unknown'],
  ['Vietcombank Techcombank 0011004567890', 'bank_unknown'],
  ['x'.repeat(400), 'bank_account_invalid'],
];

describe('canonicalizeBank', () => {
  it.each(VALID)('%s → %s', (input, indicator) => {
    const r = canonicalizeBank(input);
    expect(r.ok ? r.value.indicator : r.error).toBe(indicator);
  });

  it.each(INVALID)('%s is rejected with %s', (input, code) => {
    const r = canonicalizeBank(input);
    expect(r.ok ? r.value.indicator : r.error.code).toBe(code);
  });

  it('displays the short code and the account', () => {
    const r = canonicalizeBank('0011 0045 67890 Vietcombank');
    expect(r.ok && r.value.display).toBe('VCB 0011004567890');
  });

  it('is idempotent on every valid case (indicator and display)', () => {
    for (const [input] of VALID) {
      const first = canonicalizeBank(input);
      if (!first.ok) continue;
      for (const again of [first.value.indicator, first.value.display, first.value.value]) {
        const second = canonicalizeBank(again);
        expect(second.ok && second.value.indicator, again).toBe(first.value.indicator);
      }
    }
  });

  it('decodes a VietQR payload into the bank indicator with its QR fields', () => {
    const payload = buildVietQrPayload({ bin: '970436', account: '0011004567890', amount: 500000, message: 'nap tien' });
    const r = canonicalizeBank(payload);
    expect(r.ok && r.value.indicator).toBe(VCB);
    expect(r.ok && r.value.qr).toEqual({ bin: '970436', account: '0011004567890', amount: 500000, message: 'nap tien', crc_valid: true });
  });

  it('rejects a VietQR payload with a bad CRC and one naming an unknown BIN', () => {
    const payload = buildVietQrPayload({ bin: '970436', account: '0011004567890' });
    const broken = payload.slice(0, -4) + (payload.endsWith('0000') ? '1111' : '0000');
    const r = canonicalizeBank(broken);
    expect(r.ok ? 'ok' : r.error.code).toBe('qr_crc');
    const unknown = canonicalizeBank(buildVietQrPayload({ bin: '999999', account: '0011004567890' }));
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('bank_unknown');
  });
});

describe('bank registry', () => {
  it('has unique BINs and codes, and every code, short name and alias resolves to its own bank', () => {
    const bins = new Set<string>();
    const codes = new Set<string>();
    for (const bank of BANKS) {
      expect(bank.bin).toMatch(/^\d{6}$/);
      expect(bins.has(bank.bin)).toBe(false);
      bins.add(bank.bin);
      expect(codes.has(bank.code)).toBe(false);
      codes.add(bank.code);
      expect(bankByBin(bank.bin)).toBe(bank);
      expect(resolveBank(bank.code)?.bin, bank.code).toBe(bank.bin);
      expect(resolveBank(bank.bin)?.bin).toBe(bank.bin);
      expect(resolveBank(bank.nameVi)?.bin, bank.nameVi).toBe(bank.bin);
      for (const alt of bank.altBins ?? []) expect(bankByBin(alt)).toBe(bank);
    }
    expect(BANKS.length).toBeGreaterThanOrEqual(60);
  });

  it('lists the main NAPAS members with their BINs', () => {
    const expected: Record<string, string> = {
      VCB: '970436', ICB: '970415', BIDV: '970418', VBA: '970405', TCB: '970407', MB: '970422', VPB: '970432',
      TPB: '970423', STB: '970403', ACB: '970416', HDB: '970437', VIB: '970441', SHB: '970443', EIB: '970431',
      MSB: '970426', OCB: '970448', SEAB: '970440', LPB: '970449', VCCB: '970454', SCB: '970429',
    };
    for (const [code, bin] of Object.entries(expected)) expect(resolveBank(code)?.bin, code).toBe(bin);
  });

  it('round-trips every bank through its display form', () => {
    for (const bank of BANKS) {
      const r = canonicalizeBank(`${bank.bin}:0011004567890`);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const again = canonicalizeBank(r.value.display);
      expect(again.ok && again.value.indicator, r.value.display).toBe(`bank:${bank.bin}:0011004567890`);
    }
  });
});

describe('canonicalizeBank properties', () => {
  it('never throws and is idempotent', () => {
    const bankish = fc.tuple(fc.constantFrom('VCB', 'MB', 'Techcombank', 'ngân hàng Á Châu', '970436', 'stk', ''), fc.stringMatching(/^[0-9 .-]{0,25}$/))
      .map(([a, b]) => `${a} ${b}`);
    fc.assert(
      fc.property(fc.oneof(anyText, bankish), (s) => {
        const r = canonicalizeBank(s);
        if (r.ok) {
          for (const again of [r.value.indicator, r.value.display]) {
            const second = canonicalizeBank(again);
            expect(second.ok && second.value.indicator).toBe(r.value.indicator);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
