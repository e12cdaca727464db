import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RedactionBox } from '../../../api/escalations.ts';
import { clampBox, moveBox, resizeBox, type ImageSize } from './redaction-boxes.ts';
import './case-tools.css';

/** Media types the server can redact (src/app/evidence-redaction.ts). */
export const REDACTABLE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** A box smaller than this (in image pixels) on release is taken for a click, not a drawing. */
const MIN_DRAWN = 4;

interface Props {
  src: string;
  /** Names the image ("File 1"), for the labels of its boxes. */
  name: string;
  boxes: RedactionBox[];
  onChange: (boxes: RedactionBox[]) => void;
}

type Drag = { mode: 'draw'; origin: { x: number; y: number }; box: RedactionBox } | { mode: 'move'; index: number; grab: { x: number; y: number }; start: RedactionBox };

/**
 * Boxes drawn over an image to hide what a platform must not see (a victim's name, balance or
 * OTP). Coordinates are whole pixels of the stored image, as the API takes them; the drawing
 * scales with the screen. Pointer events cover mouse, pen and touch; every box is also a
 * button that arrow keys move (Shift + arrows resize) and Delete removes, and "Add a box" puts
 * one in the middle, so the editor works without a pointer. The preview beside shows the copy
 * the platform will receive: the same boxes solid black.
 */
export function RedactionEditor({ src, name, boxes, onChange }: Props) {
  const { t } = useTranslation();
  const surface = useRef<HTMLDivElement>(null);
  const boxRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const [size, setSize] = useState<ImageSize | null>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const helpId = useId();

  useEffect(() => {
    if (focusIndex === null) return;
    boxRefs.current[focusIndex]?.focus();
    setFocusIndex(null);
  }, [focusIndex]);

  const describe = (b: RedactionBox, n: number) => t('caseTools.redaction.boxLabel', { n: n + 1, x: b.x, y: b.y, width: b.width, height: b.height });

  /** The pointer's position in image pixels. */
  const pointAt = (event: PointerEvent): { x: number; y: number } | null => {
    const rect = surface.current?.getBoundingClientRect();
    if (!rect || !size || rect.width === 0 || rect.height === 0) return null;
    const x = Math.round(((event.clientX - rect.left) / rect.width) * size.width);
    const y = Math.round(((event.clientY - rect.top) / rect.height) * size.height);
    return { x: Math.min(Math.max(x, 0), size.width), y: Math.min(Math.max(y, 0), size.height) };
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (!size || event.button !== 0) return;
    const point = pointAt(event);
    if (!point) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-box]');
    if (target) {
      const index = Number(target.dataset.box);
      setDrag({ mode: 'move', index, grab: point, start: boxes[index]! });
    } else {
      setDrag({ mode: 'draw', origin: point, box: { x: point.x, y: point.y, width: 0, height: 0 } });
    }
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag || !size) return;
    const point = pointAt(event);
    if (!point) return;
    if (drag.mode === 'draw') {
      const x = Math.min(drag.origin.x, point.x);
      const y = Math.min(drag.origin.y, point.y);
      setDrag({ ...drag, box: { x, y, width: Math.abs(point.x - drag.origin.x), height: Math.abs(point.y - drag.origin.y) } });
    } else {
      const moved = moveBox(drag.start, point.x - drag.grab.x, point.y - drag.grab.y, size);
      onChange(boxes.map((b, n) => (n === drag.index ? moved : b)));
    }
  };

  const onPointerUp = () => {
    if (!drag || !size) return;
    if (drag.mode === 'draw' && drag.box.width >= MIN_DRAWN && drag.box.height >= MIN_DRAWN) {
      const box = clampBox(drag.box, size);
      onChange([...boxes, box]);
      setAnnouncement(t('caseTools.redaction.added', { label: describe(box, boxes.length) }));
    }
    setDrag(null);
  };

  const addBox = () => {
    if (!size) return;
    const box = clampBox({ x: Math.round(size.width * 0.375), y: Math.round(size.height * 0.45), width: Math.max(1, Math.round(size.width / 4)), height: Math.max(1, Math.round(size.height / 10)) }, size);
    onChange([...boxes, box]);
    setFocusIndex(boxes.length);
    setAnnouncement(t('caseTools.redaction.added', { label: describe(box, boxes.length) }));
  };

  const remove = (index: number) => {
    onChange(boxes.filter((_, n) => n !== index));
    setAnnouncement(t('caseTools.redaction.removed', { n: index + 1 }));
    if (boxes.length > 1) setFocusIndex(Math.max(0, index - 1));
  };

  const onBoxKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (!size) return;
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      remove(index);
      return;
    }
    const arrows: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const direction = arrows[event.key];
    if (!direction) return;
    event.preventDefault();
    // One step is 1 % of the image (at least a pixel); Alt takes single pixels.
    const stepX = event.altKey ? 1 : Math.max(1, Math.round(size.width / 100));
    const stepY = event.altKey ? 1 : Math.max(1, Math.round(size.height / 100));
    const box = boxes[index]!;
    const next = event.shiftKey ? resizeBox(box, direction[0] * stepX, direction[1] * stepY, size) : moveBox(box, direction[0] * stepX, direction[1] * stepY, size);
    onChange(boxes.map((b, n) => (n === index ? next : b)));
    setAnnouncement(describe(next, index));
  };

  const percent = (b: RedactionBox) =>
    size ? { left: `${(b.x / size.width) * 100}%`, top: `${(b.y / size.height) * 100}%`, width: `${(b.width / size.width) * 100}%`, height: `${(b.height / size.height) * 100}%` } : {};
  const draft = drag?.mode === 'draw' ? drag.box : null;

  return (
    <div className="redaction" data-testid="redaction-editor">
      <p id={helpId} className="field__hint">{t('caseTools.redaction.help')}</p>
      <div className="redaction__panes">
        <figure className="redaction__pane">
          <figcaption>{t('caseTools.redaction.editorCaption', { name })}</figcaption>
          <div
            ref={surface}
            className="redaction__surface"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={() => setDrag(null)}
            data-testid="redaction-surface"
          >
            <img
              src={src}
              alt={t('caseTools.redaction.imageAlt', { name })}
              draggable={false}
              onLoad={(e) => setSize({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
            />
            {boxes.map((b, n) => (
              <button
                key={n}
                ref={(el) => {
                  boxRefs.current[n] = el;
                }}
                type="button"
                className="redaction__box"
                style={percent(b)}
                data-box={n}
                aria-label={describe(b, n)}
                aria-describedby={helpId}
                onKeyDown={(e) => onBoxKey(e, n)}
              />
            ))}
            {draft && <div className="redaction__box redaction__box--draft" style={percent(draft)} aria-hidden="true" />}
          </div>
        </figure>
        <figure className="redaction__pane" data-testid="redaction-preview">
          <figcaption>{t('caseTools.redaction.previewCaption')}</figcaption>
          <div className="redaction__surface redaction__surface--preview">
            <img src={src} alt={t('caseTools.redaction.previewAlt', { name, count: boxes.length })} draggable={false} />
            {boxes.map((b, n) => (
              <div key={n} className="redaction__cover" style={percent(b)} aria-hidden="true" />
            ))}
          </div>
        </figure>
      </div>
      <div className="redaction__tools">
        <button type="button" className="button button--secondary" onClick={addBox} disabled={!size}>
          {t('caseTools.redaction.add')}
        </button>
        {boxes.length > 0 && (
          <button type="button" className="button button--secondary" onClick={() => onChange([])}>
            {t('caseTools.redaction.clear')}
          </button>
        )}
        <span className="field__hint" data-testid="redaction-count">{t('caseTools.redaction.count', { count: boxes.length })}</span>
      </div>
      {boxes.length > 0 && (
        <ul className="plain-list redaction__list" aria-label={t('caseTools.redaction.listLabel', { name })}>
          {boxes.map((b, n) => (
            <li key={n}>
              {describe(b, n)}{' '}
              <button type="button" className="link-button" onClick={() => remove(n)} aria-label={t('caseTools.redaction.removeLabel', { n: n + 1 })}>
                {t('caseTools.redaction.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" aria-live="polite">{announcement}</p>
    </div>
  );
}
