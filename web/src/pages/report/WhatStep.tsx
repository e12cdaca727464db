import { useTranslation } from 'react-i18next';
import { FRAUD_TYPES } from '../../api/public.ts';
import { CategoryIcon } from './CategoryIcon.tsx';
import { FieldError } from './FieldError.tsx';
import type { StepProps } from './step-props.ts';

function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export function WhatStep({ draft, update, errors }: StepProps) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="fieldset" aria-describedby={errors['category'] ? 'category-error' : undefined}>
        <legend className="fieldset__legend">{t('report.what.category')}</legend>
        <FieldError id="category-error" message={errors['category']} />
        <div className="category-grid">
          {FRAUD_TYPES.map((type) => (
            <label key={type} className="category-option">
              <input
                type="radio"
                name="category"
                value={type}
                checked={draft.category === type}
                onChange={() => update({ category: type })}
                aria-describedby={`category-${type}-hint`}
              />
              <CategoryIcon type={type} />
              <span className="category-option__text">
                <span className="category-option__name">{t(`fraudTypes.${type}.name`)}</span>
                <span id={`category-${type}-hint`} className="category-option__hint">
                  {t(`fraudTypes.${type}.hint`)}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="field">
        <label htmlFor="report-narrative" className="field__label">
          {t('report.what.narrative')}
        </label>
        <p id="report-narrative-hint" className="field__hint">
          {t('report.what.narrativeHint')}
        </p>
        <textarea
          id="report-narrative"
          className="field__input"
          rows={6}
          value={draft.narrative}
          maxLength={20_000}
          aria-invalid={errors['narrative'] ? true : undefined}
          aria-describedby={`report-narrative-hint${errors['narrative'] ? ' report-narrative-error' : ''}`}
          onChange={(event) => update({ narrative: event.target.value })}
        />
        <FieldError id="report-narrative-error" message={errors['narrative']} />
      </div>

      <div className="field">
        <label htmlFor="report-occurred" className="field__label">
          {t('report.what.occurredOn')}
        </label>
        <input
          id="report-occurred"
          type="date"
          className="field__input field__input--short"
          value={draft.occurredOn}
          max={today()}
          aria-invalid={errors['occurredOn'] ? true : undefined}
          aria-describedby={errors['occurredOn'] ? 'report-occurred-error' : undefined}
          onChange={(event) => update({ occurredOn: event.target.value })}
        />
        <FieldError id="report-occurred-error" message={errors['occurredOn']} />
      </div>
    </>
  );
}
