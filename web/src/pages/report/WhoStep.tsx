import { useMemo, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recogniseLines } from '../../identifiers/recognise.ts';
import { scanQr } from '../../identifiers/qr-scan.ts';
import type { StepProps } from './step-props.ts';

interface WhoStepProps extends StepProps {
  /** A scanned screenshot is worth keeping as evidence too. */
  onScreenshot: (file: File) => void;
}

type ScanState = { status: 'idle' } | { status: 'scanning' } | { status: 'found'; display: string } | { status: 'other' } | { status: 'none' } | { status: 'failed' };

/** Who did it: links and numbers, recognised live with the server's own code; a VietQR from a screenshot. */
export function WhoStep({ draft, update, onScreenshot }: WhoStepProps) {
  const { t } = useTranslation();
  const recognised = useMemo(() => recogniseLines(draft.identifiersText), [draft.identifiersText]);
  const [scan, setScan] = useState<ScanState>({ status: 'idle' });

  const onQrFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setScan({ status: 'scanning' });
    try {
      const result = await scanQr(file);
      if (result.status === 'vietqr') {
        const lines = draft.identifiersText.trim() === '' ? [] : [draft.identifiersText.trimEnd()];
        update({ identifiersText: [...lines, result.display].join('\n') });
        onScreenshot(file);
        setScan({ status: 'found', display: result.display });
      } else {
        setScan({ status: result.status });
      }
    } catch {
      setScan({ status: 'failed' });
    }
  };

  return (
    <>
      <div className="field">
        <label htmlFor="report-identifiers" className="field__label">
          {t('report.who.identifiers')}
        </label>
        <p id="report-identifiers-hint" className="field__hint">
          {t('report.who.identifiersHint')}
        </p>
        <textarea
          id="report-identifiers"
          className="field__input"
          rows={5}
          value={draft.identifiersText}
          aria-describedby="report-identifiers-hint report-identifiers-feedback"
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => update({ identifiersText: event.target.value })}
        />
      </div>

      <div id="report-identifiers-feedback" className="recognised" aria-live="polite">
        {recognised.length === 0 ? (
          <p className="muted">{t('report.who.noneYet')}</p>
        ) : (
          <ul className="recognised__list">
            {recognised.map((line, index) =>
              line.status === 'identifier' ? (
                line.items.map((item) => (
                  <li key={`${index}-${item.indicator}`} className="recognised__item recognised__item--ok">
                    <span aria-hidden="true">✓ </span>
                    <span className="badge">{t(`kinds.${item.kind}`)}</span> <span className="recognised__value">{item.display}</span>
                  </li>
                ))
              ) : (
                <li key={`${index}-unrecognised`} className="recognised__item recognised__item--unknown">
                  <span aria-hidden="true">! </span>
                  {t('report.who.unrecognised', { line: line.line })}
                </li>
              ),
            )}
          </ul>
        )}
      </div>

      <div className="field qr-scan">
        <span className="field__label" id="qr-label">
          {t('report.who.qrTitle')}
        </span>
        <p className="field__hint" id="qr-hint">
          {t('report.who.qrHint')}
        </p>
        <label className="button button--secondary file-button">
          {t('report.who.qrButton')}
          <input type="file" accept="image/*" className="visually-hidden" aria-describedby="qr-hint" onChange={(event) => void onQrFile(event)} />
        </label>
        <p role="status" className="qr-scan__status">
          {scan.status === 'scanning' && t('report.who.qrScanning')}
          {scan.status === 'found' && t('report.who.qrFound', { display: scan.display })}
          {scan.status === 'other' && t('report.who.qrOther')}
          {scan.status === 'none' && t('report.who.qrNone')}
          {scan.status === 'failed' && t('report.who.qrFailed')}
        </p>
      </div>
    </>
  );
}
