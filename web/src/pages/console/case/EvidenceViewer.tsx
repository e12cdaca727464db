import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportEvidence } from '../../../api/networks.ts';

const ZOOMS = [1, 1.5, 2, 3] as const;

/** A report's evidence: images open in a viewer with zoom and next/previous; PDFs are links. */
export function EvidenceViewer({ files }: { files: ReportEvidence[] }) {
  const { t } = useTranslation();
  const images = files.filter((f) => f.mediaType.startsWith('image/') && f.url);
  const others = files.filter((f) => !f.mediaType.startsWith('image/') && f.url);
  const [index, setIndex] = useState<number | null>(null);
  const [zoom, setZoom] = useState(0);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (index !== null && !dialog.open) dialog.showModal();
    if (index === null && dialog.open) dialog.close();
  }, [index]);
  if (files.length === 0) return <p className="field__hint">{t('console.evidence.none')}</p>;
  const current = index !== null ? images[index] : undefined;
  const go = (step: number) => {
    if (index === null) return;
    setZoom(0);
    setIndex((index + step + images.length) % images.length);
  };
  return (
    <div className="evidence">
      <ul className="evidence__list" aria-label={t('console.evidence.label')}>
        {images.map((f, i) => (
          <li key={f.sha256}>
            <button type="button" className="evidence__thumb" onClick={() => { setZoom(0); setIndex(i); }}>
              <img src={f.url ?? ''} alt={t('console.evidence.imageAlt', { n: i + 1 })} loading="lazy" />
            </button>
          </li>
        ))}
        {others.map((f) => (
          <li key={f.sha256}>
            <a href={f.url ?? ''} target="_blank" rel="noreferrer">
              {f.originalName ?? t('console.evidence.document')} ({f.mediaType})
            </a>
          </li>
        ))}
      </ul>
      <dialog ref={ref} className="console-dialog evidence-viewer" aria-labelledby={titleId} onClose={() => setIndex(null)} data-testid="evidence-viewer">
        {current && index !== null && (
          <>
            <h2 id={titleId}>{t('console.evidence.viewerTitle', { n: index + 1, total: images.length })}</h2>
            <div className="evidence-viewer__stage">
              <img src={current.url ?? ''} alt={t('console.evidence.imageAlt', { n: index + 1 })} style={{ transform: `scale(${ZOOMS[zoom]})` }} />
            </div>
            <div className="console-dialog__actions">
              <button type="button" className="button button--secondary" onClick={() => go(-1)} disabled={images.length < 2}>{t('console.evidence.previous')}</button>
              <button type="button" className="button button--secondary" onClick={() => go(1)} disabled={images.length < 2}>{t('console.evidence.next')}</button>
              <button type="button" className="button button--secondary" onClick={() => setZoom((z) => Math.max(0, z - 1))} disabled={zoom === 0}>{t('console.evidence.zoomOut')}</button>
              <button type="button" className="button button--secondary" onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))} disabled={zoom === ZOOMS.length - 1}>{t('console.evidence.zoomIn')}</button>
              <span aria-live="polite">{Math.round(ZOOMS[zoom]! * 100)}%</span>
              <button type="button" className="button button--primary" onClick={() => setIndex(null)}>{t('console.common.close')}</button>
            </div>
          </>
        )}
      </dialog>
    </div>
  );
}
