import type { ReactNode } from 'react';
import { fieldErrors } from '../../../console/ProblemNotice.tsx';

interface FieldProps {
  id: string;
  label: string;
  /** The JSON pointer of the field in the request body, to show the server's complaint under it. */
  pointer: string;
  error: unknown;
  hint?: string;
}

function describedBy(id: string, hint: string | undefined, invalid: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldShell({ id, label, hint, messages, children }: { id: string; label: string; hint?: string; messages: string[]; children: ReactNode }) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="field__hint">{hint}</p>}
      {children}
      {messages.length > 0 && <p id={`${id}-error`} className="field__error">{messages.join(' ')}</p>}
    </div>
  );
}

/** A labelled text input with its hint and the server's complaint about it. */
export function TextInput({ id, label, pointer, error, hint, value, onChange, type = 'text', required, autoComplete }: FieldProps & { value: string; onChange: (v: string) => void; type?: string; required?: boolean; autoComplete?: string }) {
  const messages = fieldErrors(error, pointer);
  return (
    <FieldShell id={id} label={label} hint={hint} messages={messages}>
      <input
        id={id}
        className="field__input"
        type={type}
        value={value}
        required={required}
        autoComplete={autoComplete ?? 'off'}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={describedBy(id, hint, messages.length > 0)}
      />
    </FieldShell>
  );
}

/** A labelled select; `options` are value/label pairs. */
export function SelectInput({ id, label, pointer, error, hint, value, onChange, options }: FieldProps & { value: string; onChange: (v: string) => void; options: { value: string; label: string }[] }) {
  const messages = fieldErrors(error, pointer);
  return (
    <FieldShell id={id} label={label} hint={hint} messages={messages}>
      <select
        id={id}
        className="field__input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={describedBy(id, hint, messages.length > 0)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </FieldShell>
  );
}

/** The server's complaints about a group of checkboxes (a fieldset has no single input to describe). */
export function GroupErrors({ error, pointer }: { error: unknown; pointer: string }) {
  const messages = fieldErrors(error, pointer);
  return messages.length ? <p className="field__error">{messages.join(' ')}</p> : null;
}
