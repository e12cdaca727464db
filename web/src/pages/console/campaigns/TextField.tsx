import { useId } from 'react';
import { fieldErrors } from '../../../console/ProblemNotice.tsx';

/** A labelled input or textarea with its hint and the server's complaints for its JSON pointer. */
export function TextField({
  label,
  value,
  onChange,
  error,
  pointer,
  hint,
  rows,
  type = 'text',
  maxLength,
  lang,
  required,
}: {
  label: string;
  value: string;
  onChange: (next: string) => void;
  error: unknown;
  pointer: string;
  hint?: string;
  rows?: number;
  type?: 'text' | 'date';
  maxLength?: number;
  lang?: string;
  required?: boolean;
}) {
  const id = useId();
  const errors = fieldErrors(error, pointer);
  const describedBy = [hint ? `${id}-hint` : '', errors.length > 0 ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    className: 'field__input',
    value,
    lang,
    maxLength,
    required,
    'aria-invalid': errors.length > 0 ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {rows ? <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} /> : <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />}
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p id={`${id}-error`} className="field__error">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
