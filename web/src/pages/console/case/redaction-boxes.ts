import type { RedactionBox } from '../../../api/escalations.ts';

export interface ImageSize {
  width: number;
  height: number;
}

/**
 * Box geometry for the redaction editor, in whole image pixels. Every result lies inside the
 * image with width and height at least 1, which is what the server's clipBoxes accepts
 * (src/domain/escalations/redaction.ts), so an edited box is never refused.
 */
export function clampBox(box: RedactionBox, image: ImageSize): RedactionBox {
  const width = Math.min(Math.max(1, Math.round(box.width)), image.width);
  const height = Math.min(Math.max(1, Math.round(box.height)), image.height);
  const x = Math.min(Math.max(0, Math.round(box.x)), image.width - width);
  const y = Math.min(Math.max(0, Math.round(box.y)), image.height - height);
  return { x, y, width, height };
}

/** The box moved by (dx, dy), stopped at the image's edges. */
export function moveBox(box: RedactionBox, dx: number, dy: number, image: ImageSize): RedactionBox {
  return clampBox({ ...box, x: box.x + dx, y: box.y + dy }, image);
}

/** The box grown (or shrunk, with negative steps) at its right and bottom edges, kept inside the image. */
export function resizeBox(box: RedactionBox, dw: number, dh: number, image: ImageSize): RedactionBox {
  return clampBox({ ...box, width: Math.min(box.width + dw, image.width - box.x), height: Math.min(box.height + dh, image.height - box.y) }, image);
}
