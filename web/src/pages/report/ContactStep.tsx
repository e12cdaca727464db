import { useTranslation } from 'react-i18next';
import { FieldError } from './FieldError.tsx';
import type { StepProps } from './step-props.ts';

export function ContactStep({ draft, update, errors }: StepProps) {
  const { t } = useTranslation();
  const field = (name: 'contactName' | 'contactEmail' | 'contactPhone', type: string, autoComplete: string) => (
    <div className="field">
      <label htmlFor={`report-${name}`} className="field__label">
        {t(`report.contact.${name}`)}
      </label>
      <input
        id={`report-${name}`}
        type={type}
        className="field__input"
        autoComplete={autoComplete}
        value={draft[name]}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `report-${name}-error` : undefined}
        onChange={(event) => update({ [name]: event.target.value })}
      />
      <FieldError id={`report-${name}-error`} message={errors[name]} />
    </div>
  );
  return (
    <>
      <p>{t('report.contact.intro')}</p>
      {field('contactName', 'text', 'name')}
      {field('contactEmail', 'email', 'email')}
      {field('contactPhone', 'tel', 'tel')}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.consent}
          aria-invalid={errors['consent'] ? true : undefined}
          aria-describedby={errors['consent'] ? 'report-consent-error' : undefined}
          onChange={(event) => update({ consent: event.target.checked })}
        />
        <span>{t('report.contact.consent')}</span>
      </label>
      <FieldError id="report-consent-error" message={errors['consent']} />
      <p className="muted">{t('report.contact.privacy')}</p>
    </>
  );
}
