import { fieldErrors } from '../../../console/ProblemNotice.tsx';

/** A labelled multi-line text field with its hint and the server's complaint (AdminFields has single-line ones). */
export function TextArea({ id, label, pointer, error, value, onChange, rows = 3 }: { id: string; label: string; pointer: string; error: unknown; value: string; onChange: (v: string) => void; rows?: number }) {
  const messages = fieldErrors(error, pointer);
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="field__input"
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={messages.length ? `${id}-error` : undefined}
      />
      {messages.length > 0 && <p id={`${id}-error`} className="field__error">{messages.join(' ')}</p>}
    </div>
  );
}

/** A labelled checkbox with a hint and the server's complaint. */
export function CheckboxField({ id, label, hint, pointer, error, checked, onChange }: { id: string; label: string; hint?: string; pointer: string; error: unknown; checked: boolean; onChange: (v: boolean) => void }) {
  const messages = fieldErrors(error, pointer);
  const described = [hint ? `${id}-hint` : '', messages.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="check" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-invalid={messages.length ? true : undefined} aria-describedby={described} /> {label}
      </label>
      {hint && <p id={`${id}-hint`} className="field__hint">{hint}</p>}
      {messages.length > 0 && <p id={`${id}-error`} className="field__error">{messages.join(' ')}</p>}
    </div>
  );
}
