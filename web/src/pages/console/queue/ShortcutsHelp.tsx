import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const KEYS = [
  ['j', 'console.shortcuts.next'],
  ['k', 'console.shortcuts.previous'],
  ['Enter', 'console.shortcuts.openCase'],
  ['x', 'console.shortcuts.select'],
  ['/', 'console.shortcuts.search'],
  ['?', 'console.shortcuts.help'],
] as const;

/** The keyboard shortcuts of the queue, in a dialog. */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="console-dialog" aria-labelledby={titleId} onClose={onClose} data-testid="shortcuts-help">
      <h2 id={titleId}>{t('console.shortcuts.title')}</h2>
      <dl className="shortcuts">
        {KEYS.map(([key, label]) => (
          <div key={key} className="shortcuts__row">
            <dt><kbd>{key}</kbd></dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <div className="console-dialog__actions">
        <button type="button" className="button button--primary" onClick={onClose}>{t('console.common.close')}</button>
      </div>
    </dialog>
  );
}
