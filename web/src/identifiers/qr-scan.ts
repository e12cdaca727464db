import jsQR from 'jsqr';
import { canonicalize, decodeVietQr } from './shared.ts';

export type QrScan =
  | { status: 'vietqr'; indicator: string; display: string; amount: number | null; message: string | null }
  | { status: 'other'; text: string }
  | { status: 'none' };

/** Draws an image file on a canvas (scaled down when huge) and returns its pixels. */
async function pixelsOf(file: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return context.getImageData(0, 0, width, height);
}

/**
 * Finds a QR code in a screenshot, in the browser (nothing is sent), and reads it with the
 * shared VietQR decoder: a VietQR names a bank account, anything else is shown as text.
 */
export async function scanQr(file: Blob): Promise<QrScan> {
  const image = await pixelsOf(file);
  const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
  if (!code || code.data === '') return { status: 'none' };
  const decoded = decodeVietQr(code.data);
  if (!decoded.ok) return { status: 'other', text: code.data };
  const canonical = canonicalize(code.data);
  if (!canonical.ok) return { status: 'other', text: code.data };
  return {
    status: 'vietqr',
    indicator: canonical.value.indicator,
    display: canonical.value.display,
    amount: decoded.info.amount,
    message: decoded.info.message,
  };
}
