import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anyText } from './arbitraries.ts';
import { extract } from '../../../src/domain/identifiers/extract.ts';
import { buildVietQrPayload } from '../../../src/domain/identifiers/vietqr.ts';

const indicators = (text: string) => extract(text).map((x) => x.indicator);

const FINDS: Array<readonly [string, string[]]> = [
  // Phones in every written form.
  ['Liên hệ 0912 345 678 để nhận quà', ['phone:+84912345678']],
  ['lien he 0912345678', ['phone:+84912345678']],
  ['gọi 0912.345.678 ngay', ['phone:+84912345678']],
  ['sđt: 0912-345-678', ['phone:+84912345678']],
  ['zalo 09 12 34 56 78', ['phone:+84912345678']],
  ['Zalo/SĐT:0912345678.', ['phone:+84912345678']],
  ['(+84) 912 345 678', ['phone:+84912345678']],
  ['+84 91-234-5678', ['phone:+84912345678']],
  ['84912345678 là số của nó', ['phone:+84912345678']],
  ['số cũ 0162 345 6789', ['phone:+84323456789']],
  ['tổng đài (028) 3823 4567', ['phone:+842838234567']],
  ['hotline 1900 1234 giả mạo', ['phone:+8419001234']],
  ['số nước ngoài +1 202 555 0143', ['phone:+12025550143']],
  ['0912345678, 0987654321', ['phone:+84912345678', 'phone:+84987654321']],
  ['0912345678 0987654321', ['phone:+84912345678', 'phone:+84987654321']],
  ['0912345678\n0912 345 678', ['phone:+84912345678']],
  // Bank accounts next to a bank name.
  ['stk 0011 0045 67890 VCB', ['bank:970436:0011004567890']],
  ['STK: 0011004567890 - Vietcombank', ['bank:970436:0011004567890']],
  ['VCB 0011004567890', ['bank:970436:0011004567890']],
  ['ck vào Vietcombank 0011004567890 nhé', ['bank:970436:0011004567890']],
  ['số tài khoản 0011004567890 ngân hàng Ngoại thương', ['bank:970436:0011004567890']],
  ['so tai khoan 0011004567890 ngan hang ngoai thuong', ['bank:970436:0011004567890']],
  ['STK: 19036543219011\nChủ TK: NGUYEN VAN A\nNgân hàng: Techcombank', ['bank:970407:19036543219011']],
  ['Chuyển khoản MB 0912345678 (tên Nguyễn Văn A)', ['bank:970422:0912345678']],
  ['nh quân đội 0123456789', ['bank:970422:0123456789']],
  ['Techcombank: 1903 6543 2190 11', ['bank:970407:19036543219011']],
  ['Liên hệ 0912 345 678 hoặc chuyển khoản VCB 0011 0045 67890', ['phone:+84912345678', 'bank:970436:0011004567890']],
  ['VCB 0011004567890, MB 0123456789', ['bank:970436:0011004567890', 'bank:970422:0123456789']],
  ['0011004567890 Vietcombank, 0123456789 MB', ['bank:970436:0011004567890', 'bank:970422:0123456789']],
  ['Agribank 1500 205 123456', ['bank:970405:1500205123456']],
  // VietQR payloads.
  [`quét mã ${buildVietQrPayload({ bin: '970422', account: '0123456789', amount: 50000, message: 'coc' })} để cọc`, ['bank:970422:0123456789']],
  // Links, domains, obfuscations.
  ['vào faceb00k . com nhận thưởng', ['domain:faceb00k.com']],
  ['link: hxxps://lua-dao[.]example/login', ['url:https://lua-dao.example/login']],
  ['web lua-dao(dot)example', ['domain:lua-dao.example']],
  ['truy cập https://qua-tang.example/nhan?id=5 ngay!', ['url:https://qua-tang.example/nhan?id=5']],
  ['trang www.qua-tang.example.', ['domain:qua-tang.example']],
  ['(xem tại nhanqua.example)', ['domain:nhanqua.example']],
  ['tên miền ngân-hàng.vn', ['domain:xn--ngn-hng-dwao.vn']],
  // Emails and crypto.
  ['email hotro@nganhang-gia.example.', ['email:hotro@nganhang-gia.example']],
  ['ví USDT TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW (TRC20)', ['crypto:trx:TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW']],
  ['ETH: 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', ['crypto:eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed']],
  ['btc bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', ['crypto:btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4']],
];

const NOTHING: string[] = [
  'chuyển 5.000.000đ để nhận thưởng',
  'cọc 5tr, lãi 500k mỗi ngày',
  'phí 1.250.000 VND',
  'giá 12,500,000 đồng',
  'mã OTP 123456, không chia sẻ',
  'mã OTP là 0912345',
  'ngày 12.05.2024 lúc 10:30',
  'hẹn 2024-05-12 10h30',
  'mã đơn hàng 0912345678',
  'đơn hàng #123456789',
  'stk 0011004567890',
  'tài khoản 123456789',
  'năm 2024 có 365 ngày, 1 2 3 4 5 6 7',
  'mật khẩu abc123456789',
  'v.v. và TP.HCM, anh.Nam',
  'file anh.jpg và tai-lieu.pdf',
  'tỷ lệ 99.5% và 0.912345678',
  'faceb00k (dot) chơi',
  'số 0011004567890 thì sao',
  'version 1.2.3.4',
  '',
  'Xin chào, tôi bị lừa.',
];

describe('extract finds identifiers', () => {
  it.each(FINDS)('%s', (text, expected) => {
    expect(indicators(text)).toEqual(expected);
  });
});

describe('extract invents nothing', () => {
  it.each(NOTHING)('%j', (text) => {
    expect(indicators(text)).toEqual([]);
  });
});

describe('extract spans', () => {
  it('gives UTF-16 offsets into the original text, including after deobfuscation', () => {
    const text = '😀 Liên hệ 0912 345 678 hoặc vào lừa-đảo[.]example/a, stk 0011 0045 67890 VCB';
    const found = extract(text);
    expect(found.map((x) => x.text)).toEqual(['0912 345 678', 'lừa-đảo[.]example/a', '0011 0045 67890']);
    for (const item of found) expect(text.slice(item.start, item.end)).toBe(item.text);
  });

  it('deduplicates by indicator and keeps the first occurrence', () => {
    const found = extract('0912345678 rồi 0912 345 678 rồi +84912345678');
    expect(found).toHaveLength(1);
    expect(found[0]!.start).toBe(0);
  });

  it('never throws and every span is the slice of its text', () => {
    const pieces = fc.constantFrom('0912 345 678', ' VCB ', 'stk ', '0011004567890', 'hxxp://', 'a[.]example', ' . com', '@', 'x@y.test', '5.000.000đ', '\n', ' ', 'ngân hàng ', '000201', '0x', 'đ');
    const texty = fc.array(fc.oneof(pieces, anyText), { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(anyText, texty), (text) => {
        const found = extract(text);
        const seen = new Set<string>();
        for (const item of found) {
          expect(text.slice(item.start, item.end)).toBe(item.text);
          expect(seen.has(item.indicator)).toBe(false);
          seen.add(item.indicator);
          expect(item.indicator.startsWith(`${item.kind}:`)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('handles pathological input in linear time', () => {
    const started = performance.now();
    extract('1 '.repeat(200_000));
    extract('0.'.repeat(200_000));
    extract('a.'.repeat(200_000));
    extract('[.]'.repeat(100_000));
    extract('0'.repeat(400_000));
    extract('000201'.repeat(50_000));
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
