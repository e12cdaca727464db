import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import QRCode from 'qrcode';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { anyText } from './arbitraries.ts';
import { buildVietQrPayload, crc16CcittFalse, crcHex, decodeVietQr, looksLikeVietQr } from '../../../src/domain/identifiers/vietqr.ts';
import { decodeQrImage } from '../../../src/domain/identifiers/qr-image.ts';
import { canonicalizeBank } from '../../../src/domain/identifiers/bank.ts';

/** A static VietQR as banking apps print it (invented account). */
const STATIC = '00020101021138570010A00000072701270006970436011300110045678900208QRIBFTTA53037045802VN6304';
const STATIC_PAYLOAD = STATIC + crcHex(STATIC);

describe('CRC-16/CCITT-FALSE', () => {
  it.each([
    ['123456789', 0x29b1],
    ['', 0xffff],
    ['A', 0xb915],
  ])('%s → %s', (input, crc) => expect(crc16CcittFalse(input)).toBe(crc));

  it('formats as four upper-case hex digits', () => {
    expect(crcHex('123456789')).toBe('29B1');
    expect(crcHex(STATIC)).toMatch(/^[0-9A-F]{4}$/);
  });

  it('equals the bit-by-bit definition on any text (the table-driven step)', () => {
    const bitwise = (s: string): number => {
      let crc = 0xffff;
      for (const byte of new TextEncoder().encode(s)) {
        crc ^= byte << 8;
        for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
      }
      return crc;
    };
    fc.assert(
      fc.property(anyText, (s) => {
        expect(crc16CcittFalse(s)).toBe(bitwise(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('decodeVietQr', () => {
  it('decodes a static payload', () => {
    const r = decodeVietQr(STATIC_PAYLOAD);
    expect(r.ok && r.info).toMatchObject({ bin: '970436', account: '0011004567890', amount: null, message: null, crc_valid: true, service: 'QRIBFTTA', initiation: '11' });
  });

  it.each([
    [{ bin: '970422', account: '0912345678', amount: 150000, message: 'thanh toan don hang' }],
    [{ bin: '970415', account: '101234567890', amount: 1, message: null }],
    [{ bin: '970407', account: '19036543219011', amount: null, message: 'ung ho' }],
    [{ bin: '970418', account: '12010000123456', amount: 99999999, message: 'x'.repeat(60) }],
    [{ bin: '970405', account: '1500205123456', amount: 12.5, message: 'CK' }],
  ])('round-trips %j', (input) => {
    const r = decodeVietQr(buildVietQrPayload(input));
    expect(r.ok && r.info).toMatchObject({ ...input, crc_valid: true });
  });

  it('keeps decoding when the CRC is wrong but says so', () => {
    const r = decodeVietQr(STATIC + (crcHex(STATIC) === '0000' ? '1111' : '0000'));
    expect(r.ok && r.info.crc_valid).toBe(false);
  });

  it('accepts a lower-case CRC and surrounding whitespace', () => {
    const r = decodeVietQr(`  ${STATIC}${crcHex(STATIC).toLowerCase()}\n`);
    expect(r.ok && r.info.crc_valid).toBe(true);
  });

  it.each([
    ['', 'qr_invalid'],
    ['hello', 'qr_invalid'],
    ['000201', 'qr_invalid'],
    ['00020101021', 'qr_invalid'],
    [STATIC.slice(0, 40), 'qr_invalid'],
    ['000201010211530370454031005802VN6304ABCD', 'qr_not_vietqr'],
    ['00020101021138200010A0000007750102ab6304ABCD', 'qr_not_vietqr'],
    ['00020101021138140010A0000007276304ABCD', 'qr_invalid'],
    ['0002010102116304ABCD5802VN', 'qr_invalid'],
  ])('rejects %s with %s', (input, code) => {
    const r = decodeVietQr(input);
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });

  it('recognises VietQR payloads cheaply', () => {
    expect(looksLikeVietQr(STATIC_PAYLOAD)).toBe(true);
    expect(looksLikeVietQr('0912345678')).toBe(false);
    expect(looksLikeVietQr('000201010211')).toBe(false);
  });

  it('never throws on random input, and a payload built from random fields decodes to them', () => {
    fc.assert(fc.property(anyText, (s) => {
      decodeVietQr(s);
      decodeVietQr(`000201${s}`);
    }), { numRuns: 1000 });
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{6}$/),
        fc.stringMatching(/^[0-9A-Z]{6,19}$/),
        fc.option(fc.integer({ min: 1, max: 1e9 })),
        fc.option(fc.stringMatching(/^[a-zA-Z0-9 ]{1,50}$/)),
        (bin, account, amount, message) => {
          const r = decodeVietQr(buildVietQrPayload({ bin, account, amount, message }));
          expect(r.ok && r.info).toMatchObject({ bin, account, amount, message: message || null, crc_valid: true });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('decodeQrImage', () => {
  const payload = buildVietQrPayload({ bin: '970436', account: '0011004567890', amount: 2000000, message: 'dat coc' });

  it('reads a VietQR from a PNG', async () => {
    const png = await QRCode.toBuffer(payload, { type: 'png', margin: 4, scale: 4 });
    const r = decodeQrImage(new Uint8Array(png));
    expect(r.ok && r.payload).toBe(payload);
    const bank = canonicalizeBank(r.ok ? r.payload : '');
    expect(bank.ok && bank.value.indicator).toBe('bank:970436:0011004567890');
  });

  it('reads a VietQR from a JPEG, including a dark-mode (inverted) one', async () => {
    const png = PNG.sync.read(await QRCode.toBuffer(payload, { type: 'png', margin: 4, scale: 5 }));
    const normal = jpeg.encode({ data: png.data, width: png.width, height: png.height }, 85);
    expect(decodeQrImage(new Uint8Array(normal.data))).toEqual({ ok: true, payload });
    const inverted = Buffer.from(png.data);
    for (let i = 0; i < inverted.length; i += 4) {
      inverted[i] = 255 - inverted[i]!;
      inverted[i + 1] = 255 - inverted[i + 1]!;
      inverted[i + 2] = 255 - inverted[i + 2]!;
    }
    const dark = jpeg.encode({ data: inverted, width: png.width, height: png.height }, 85);
    expect(decodeQrImage(new Uint8Array(dark.data))).toEqual({ ok: true, payload });
  });

  it('reads a QR placed inside a larger screenshot', async () => {
    const qr = PNG.sync.read(await QRCode.toBuffer(payload, { type: 'png', margin: 2, scale: 3 }));
    const shot = new PNG({ width: qr.width + 200, height: qr.height + 300 });
    shot.data.fill(255);
    PNG.bitblt(qr, shot, 0, 0, qr.width, qr.height, 100, 150);
    const r = decodeQrImage(new Uint8Array(PNG.sync.write(shot)));
    expect(r.ok && r.payload).toBe(payload);
  });

  it.each([
    ['empty', new Uint8Array(0), 'image_invalid'],
    ['not an image', new TextEncoder().encode('GIF89a....'), 'image_unsupported'],
    ['truncated PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(40).fill(0)]), 'image_invalid'],
    ['truncated JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 1, 2, 3]), 'image_invalid'],
  ])('rejects %s', (_name, bytes, code) => {
    const r = decodeQrImage(bytes);
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });

  it('reports an image without a QR code', () => {
    const blank = new PNG({ width: 60, height: 60 });
    blank.data.fill(255);
    const r = decodeQrImage(new Uint8Array(PNG.sync.write(blank)));
    expect(r.ok ? 'ok' : r.error.code).toBe('qr_not_found');
  });

  it('never throws on random bytes behind a PNG or JPEG signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (tail, png) => {
        const head = png ? [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] : [0xff, 0xd8, 0xff];
        decodeQrImage(new Uint8Array([...head, ...tail]));
      }),
      { numRuns: 300 },
    );
  });
});
