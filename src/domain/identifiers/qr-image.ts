import jpeg from 'jpeg-js';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import type { IdentifierError } from './types.ts';

/**
 * Reads the QR code in a PNG or JPEG image (a screenshot of a VietQR a scammer sent) and
 * returns its text. Pure computation on bytes; the caller decides where the bytes come from.
 */

type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
// jsqr is CommonJS with an ES-style `default` typing; under NodeNext the default import is the
// module object for TypeScript but the function itself at run time.
const jsQR: JsQr = ((jsQRModule as unknown as { default?: JsQr }).default ?? jsQRModule) as JsQr;

export type QrImageResult = { ok: true; payload: string } | { ok: false; error: IdentifierError };

/** Screenshots are at most a few megapixels; a bigger image is a decompression bomb or not a screenshot. */
const MAX_PIXELS = 40_000_000;

function error(code: string, message: string): QrImageResult {
  return { ok: false, error: { code, message } };
}

function isPng(b: Uint8Array): boolean {
  return b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
}

function isJpeg(b: Uint8Array): boolean {
  return b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}

function decodeRgba(bytes: Uint8Array): { data: Uint8ClampedArray; width: number; height: number } | QrImageResult {
  if (isPng(bytes)) {
    // The IHDR chunk is always first: width and height are big-endian at bytes 16 and 20.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(16) * view.getUint32(20) > MAX_PIXELS) return error('image_too_large', 'The image is too large.');
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), width: png.width, height: png.height };
  }
  if (isJpeg(bytes)) {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 512 });
    return { data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.byteLength), width: img.width, height: img.height };
  }
  return error('image_unsupported', 'Only PNG and JPEG images can be read.');
}

/** The text of the first QR code found in a PNG or JPEG image. Never throws. */
export function decodeQrImage(bytes: Uint8Array): QrImageResult {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return error('image_invalid', 'No image data given.');
  let image: ReturnType<typeof decodeRgba>;
  try {
    image = decodeRgba(bytes);
  } catch {
    return error('image_invalid', 'The image file is damaged or not really a PNG or JPEG.');
  }
  if ('ok' in image) return image;
  let found: ReturnType<JsQr>;
  try {
    found = jsQR(image.data, image.width, image.height);
  } catch {
    found = null;
  }
  if (!found || found.data.length === 0) return error('qr_not_found', 'No readable QR code in the image.');
  return { ok: true, payload: found.data };
}
