import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../console/ProblemNotice.tsx';

/** A set of checkboxes under a legend; the chosen values keep the order they were ticked. */
export function ChoiceList({
  legend,
  options,
  value,
  onChange,
  error,
  pointer,
  emptyText,
}: {
  legend: string;
  options: readonly { value: string; label: string }[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  error: unknown;
  pointer: string;
  emptyText?: string;
}) {
  const { t } = useTranslation();
  const errors = fieldErrors(error, pointer);
  const toggle = (v: string) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
  // Chosen values the options no longer list (an article unpublished since) stay visible, to untick.
  const missing = value.filter((v) => !options.some((o) => o.value === v));
  return (
    <fieldset className="campaign-choices">
      <legend>{legend}</legend>
      {options.length === 0 && missing.length === 0 && <p className="field__hint">{emptyText ?? t('campaigns.console.noOptions')}</p>}
      <div className="campaign-choices__grid">
        {options.map((o) => (
          <label key={o.value} className="check">
            <input type="checkbox" checked={value.includes(o.value)} onChange={() => toggle(o.value)} /> {o.label}
          </label>
        ))}
        {missing.map((v) => (
          <label key={v} className="check">
            <input type="checkbox" checked onChange={() => toggle(v)} /> {t('campaigns.console.unavailable', { value: v })}
          </label>
        ))}
      </div>
      {errors.length > 0 && <p className="field__error">{errors.join(' ')}</p>}
    </fieldset>
  );
}
