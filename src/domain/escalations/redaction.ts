/** A box to black out on an image before a platform sees it, in pixels of the stored image. */
export interface RedactionBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Checks boxes against the image size: a box must lie at least partly inside the image and is
 * clipped to it, so a redaction never silently covers nothing. Returns the clipped boxes or
 * the index of each bad box with why.
 */
export function clipBoxes(
  boxes: readonly RedactionBox[],
  image: { width: number; height: number },
): { ok: true; boxes: RedactionBox[] } | { ok: false; errors: { index: number; message: string }[] } {
  const errors: { index: number; message: string }[] = [];
  const clipped: RedactionBox[] = [];
  boxes.forEach((b, index) => {
    const values = [b.x, b.y, b.width, b.height];
    if (!values.every((v) => Number.isInteger(v)) || b.x < 0 || b.y < 0 || b.width < 1 || b.height < 1) {
      errors.push({ index, message: 'x and y must be whole pixels ≥ 0, width and height ≥ 1.' });
      return;
    }
    if (b.x >= image.width || b.y >= image.height) {
      errors.push({ index, message: `The box starts outside the ${image.width}×${image.height} image.` });
      return;
    }
    clipped.push({ x: b.x, y: b.y, width: Math.min(b.width, image.width - b.x), height: Math.min(b.height, image.height - b.y) });
  });
  return errors.length ? { ok: false, errors } : { ok: true, boxes: clipped };
}
