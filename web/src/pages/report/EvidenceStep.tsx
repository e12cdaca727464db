import { useEffect, useMemo, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_LIMITS, EVIDENCE_MEDIA_TYPES } from '../../api/public.ts';
import { formatNumber } from '../../portal/format.ts';
import { useLanguage } from '../../portal/use-language.ts';

interface EvidenceStepProps {
  files: File[];
  onChange: (files: File[]) => void;
  /** Files refused on the way in, with the reason, for the person to see. */
  rejected: string[];
  onRejected: (messages: string[]) => void;
}

/** Screenshots and receipts, previewed before anything is sent; sizes and types checked here first. */
export function EvidenceStep({ files, onChange, rejected, onRejected }: EvidenceStepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const previews = useMemo(() => files.map((file) => (file.type.startsWith('image/') ? URL.createObjectURL(file) : null)), [files]);
  useEffect(() => () => previews.forEach((url) => url && URL.revokeObjectURL(url)), [previews]);

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? []);
    event.target.value = '';
    const accepted: File[] = [];
    const messages: string[] = [];
    for (const file of picked) {
      if (!(EVIDENCE_MEDIA_TYPES as readonly string[]).includes(file.type)) messages.push(t('report.evidence.wrongType', { name: file.name }));
      else if (file.size > EVIDENCE_LIMITS.maxBytes) messages.push(t('report.evidence.tooLarge', { name: file.name }));
      else if (files.length + accepted.length >= EVIDENCE_LIMITS.maxFiles) messages.push(t('report.evidence.tooMany', { name: file.name, count: EVIDENCE_LIMITS.maxFiles }));
      else accepted.push(file);
    }
    onRejected(messages);
    if (accepted.length > 0) onChange([...files, ...accepted]);
  };

  return (
    <>
      <p>{t('report.evidence.intro')}</p>
      <label className="button button--secondary file-button">
        {t('report.evidence.add')}
        <input
          type="file"
          multiple
          accept={EVIDENCE_MEDIA_TYPES.join(',')}
          className="visually-hidden"
          aria-describedby="evidence-hint"
          onChange={onPick}
        />
      </label>
      <p id="evidence-hint" className="field__hint">
        {t('report.evidence.hint', { count: EVIDENCE_LIMITS.maxFiles })}
      </p>
      {rejected.length > 0 && (
        <div className="notice notice--error" role="alert">
          <ul>
            {rejected.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {files.length > 0 && (
        <ul className="evidence-list" aria-label={t('report.evidence.listLabel')}>
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} className="evidence-item">
              {previews[index] ? (
                <img src={previews[index]} alt={t('report.evidence.previewAlt', { name: file.name })} className="evidence-item__preview" />
              ) : (
                <span className="evidence-item__preview evidence-item__preview--file" aria-hidden="true">
                  PDF
                </span>
              )}
              <span className="evidence-item__name">{file.name}</span>
              <span className="evidence-item__size">{t('report.evidence.size', { size: formatNumber(Math.ceil(file.size / 1024), language) })}</span>
              <button
                type="button"
                className="button button--secondary evidence-item__remove"
                onClick={() => onChange(files.filter((_, i) => i !== index))}
                aria-label={t('report.evidence.remove', { name: file.name })}
              >
                {t('report.evidence.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t('report.evidence.notKept')}</p>
    </>
  );
}
