import sharp from 'sharp';
import { clipBoxes, type RedactionBox } from '../domain/escalations/redaction.ts';
import { unprocessable } from './errors.ts';

const FORMATS: Readonly<Record<string, 'png' | 'jpeg' | 'webp'>> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp' };

/**
 * A copy of an image with the boxes painted solid black, in the image's own format. The
 * pixels are replaced, not covered by a layer, and the copy is re-encoded without metadata,
 * so nothing under a box can be recovered from the file a platform receives.
 */
export async function redactImage(bytes: Buffer, mediaType: string, boxes: readonly RedactionBox[], field: string): Promise<{ bytes: Buffer; boxes: RedactionBox[] }> {
  const format = FORMATS[mediaType];
  if (!format) throw unprocessable(`Only PNG, JPEG and WebP images can be redacted; this file is ${mediaType}. Share it whole or leave it out.`, [{ field, message: `A ${mediaType} file cannot be redacted.` }]);
  const image = sharp(bytes);
  const { width, height } = await image.metadata();
  if (!width || !height) throw unprocessable('The image has no readable size.', [{ field, message: 'Unreadable image.' }]);
  const checked = clipBoxes(boxes, { width, height });
  if (!checked.ok) throw unprocessable('Some redaction boxes do not fit the image.', checked.errors.map((e) => ({ field: `${field}/redactions/${e.index}`, message: e.message })));
  const overlays = checked.boxes.map((b) => ({
    input: { create: { width: b.width, height: b.height, channels: 4 as const, background: { r: 0, g: 0, b: 0, alpha: 1 } } },
    left: b.x,
    top: b.y,
  }));
  // Lossy formats are written at high quality so what stays visible stays legible.
  const out = await image.composite(overlays).toFormat(format, format === 'png' ? {} : { quality: 90 }).toBuffer();
  return { bytes: out, boxes: checked.boxes };
}
