import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemNotice } from './ProblemNotice.tsx';

interface Props {
  open: boolean;
  title: string;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}

/**
 * A modal confirmation built on the native <dialog> (focus trapped and Escape handled by the
 * browser). Its body holds the fields an action needs; the server's errors show inside it.
 */
export function ConfirmDialog({ open, title, confirmLabel, danger, busy, error, onConfirm, onCancel, children }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm();
  };
  return (
    <dialog ref={ref} className="console-dialog" aria-labelledby={titleId} onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      {open && (
        <form onSubmit={submit} noValidate>
          <h2 id={titleId}>{title}</h2>
          {children}
          <ProblemNotice error={error} />
          <div className="console-dialog__actions">
            <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
              {t('console.common.cancel')}
            </button>
            <button type="submit" className={`button ${danger ? 'button--danger' : 'button--primary'}`} disabled={busy}>
              {busy ? t('console.common.working') : confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
