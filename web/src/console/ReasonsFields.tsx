import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_KINDS, SOURCE_TYPES, type EvidenceKind, type Reasons, type SourceType } from '../api/cases.ts';
import { FRAUD_TYPES } from '../api/public.ts';
import { evidenceKindKey, fraudTypeKey, sourceTypeKey } from './labels.ts';
import { fieldErrors } from './ProblemNotice.tsx';

export function emptyReasons(ground = 'other'): Reasons {
  return { ground, legalBasis: '', evidence: ['citizen_reports'], sourceType: 'agency', explanation: '' };
}

/** The statement of reasons (ground, legal basis, evidence, source, explanation) as form fields. */
export function ReasonsFields({ value, onChange, error, pointer = '/reasons' }: { value: Reasons; onChange: (next: Reasons) => void; error?: unknown; pointer?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const set = <K extends keyof Reasons>(key: K, v: Reasons[K]) => onChange({ ...value, [key]: v });
  const toggle = (kind: EvidenceKind) =>
    set('evidence', value.evidence.includes(kind) ? value.evidence.filter((k) => k !== kind) : [...value.evidence, kind]);
  const errorsOf = (field: string) => fieldErrors(error, `${pointer}/${field}`);
  const legalErrors = errorsOf('legalBasis');
  const evidenceErrors = errorsOf('evidence');
  return (
    <fieldset className="reasons">
      <legend>{t('console.reasons.legend')}</legend>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-ground`}>{t('console.reasons.ground')}</label>
        <select id={`${id}-ground`} className="field__input" value={value.ground} onChange={(e) => set('ground', e.target.value)}>
          {FRAUD_TYPES.map((f) => (
            <option key={f} value={f}>{t(fraudTypeKey(f))}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-legal`}>{t('console.reasons.legalBasis')}</label>
        <input
          id={`${id}-legal`}
          className="field__input"
          value={value.legalBasis}
          onChange={(e) => set('legalBasis', e.target.value)}
          aria-invalid={legalErrors.length > 0 ? true : undefined}
          aria-describedby={legalErrors.length > 0 ? `${id}-legal-error` : `${id}-legal-hint`}
        />
        <p id={`${id}-legal-hint`} className="field__hint">{t('console.reasons.legalBasisHint')}</p>
        {legalErrors.length > 0 && <p id={`${id}-legal-error`} className="field__error">{legalErrors.join(' ')}</p>}
      </div>
      <fieldset className="reasons__evidence" aria-describedby={evidenceErrors.length > 0 ? `${id}-evidence-error` : undefined}>
        <legend>{t('console.reasons.evidence')}</legend>
        {EVIDENCE_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input type="checkbox" checked={value.evidence.includes(kind)} onChange={() => toggle(kind)} /> {t(evidenceKindKey(kind))}
          </label>
        ))}
        {evidenceErrors.length > 0 && <p id={`${id}-evidence-error`} className="field__error">{evidenceErrors.join(' ')}</p>}
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-source`}>{t('console.reasons.sourceType')}</label>
        <select id={`${id}-source`} className="field__input" value={value.sourceType} onChange={(e) => set('sourceType', e.target.value as SourceType)}>
          {SOURCE_TYPES.map((s) => (
            <option key={s} value={s}>{t(sourceTypeKey(s))}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-explanation`}>{t('console.reasons.explanation')}</label>
        <textarea id={`${id}-explanation`} className="field__input" rows={3} maxLength={4000} value={value.explanation ?? ''} onChange={(e) => set('explanation', e.target.value)} />
      </div>
    </fieldset>
  );
}

/** What is sent: an empty explanation is left out. */
export function reasonsBody(value: Reasons): Reasons {
  const { explanation, ...rest } = value;
  return explanation && explanation.trim() ? { ...rest, legalBasis: rest.legalBasis.trim(), explanation: explanation.trim() } : { ...rest, legalBasis: rest.legalBasis.trim() };
}
