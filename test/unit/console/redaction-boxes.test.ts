import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipBoxes } from '../../../src/domain/escalations/redaction.ts';
import { clampBox, moveBox, resizeBox } from '../../../web/src/pages/console/case/redaction-boxes.ts';

const image = fc.record({ width: fc.integer({ min: 1, max: 4000 }), height: fc.integer({ min: 1, max: 4000 }) });
const anyBox = fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }), width: fc.integer({ min: -100, max: 6000 }), height: fc.integer({ min: -100, max: 6000 }) });
const step = fc.integer({ min: -500, max: 500 });

const inside = (b: { x: number; y: number; width: number; height: number }, i: { width: number; height: number }) =>
  Number.isInteger(b.x) && Number.isInteger(b.y) && b.x >= 0 && b.y >= 0 && b.width >= 1 && b.height >= 1 && b.x + b.width <= i.width && b.y + b.height <= i.height;

describe('redaction box geometry (the editor)', () => {
  it('every clamped, moved or resized box lies inside the image and the server takes it unchanged', () => {
    fc.assert(
      fc.property(image, anyBox, step, step, (img, box, dx, dy) => {
        for (const b of [clampBox(box, img), moveBox(clampBox(box, img), dx, dy, img), resizeBox(clampBox(box, img), dx, dy, img)]) {
          expect(inside(b, img)).toBe(true);
          expect(clipBoxes([b], img)).toEqual({ ok: true, boxes: [b] });
        }
      }),
    );
  });

  it('clamping is idempotent and a box already inside is left alone', () => {
    fc.assert(
      fc.property(image, anyBox, (img, box) => {
        const once = clampBox(box, img);
        expect(clampBox(once, img)).toEqual(once);
      }),
    );
  });

  it('moving keeps the size when the image has room, and moving back returns the box', () => {
    fc.assert(
      fc.property(image, anyBox, (img, box) => {
        const b = clampBox(box, img);
        const moved = moveBox(b, 0, 0, img);
        expect(moved).toEqual(b);
        expect(moveBox(b, 7, 3, img).width).toBe(b.width);
      }),
    );
  });
});
