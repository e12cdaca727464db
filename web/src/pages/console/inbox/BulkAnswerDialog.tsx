import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answerEscalations, PLATFORM_ACTIONS, type BulkAnswerResult, type Escalation, type PlatformAction } from '../../../api/escalations.ts';
import { ConfirmDialog } from '../../../console/ConfirmDialog.tsx';
import { platformActionKey } from '../../../console/labels.ts';

/**
 * One answer (action, note, the platform's own reference) for every selected escalation, sent
 * as one POST /api/v1/escalations/answers; each is answered on its own and the per-item
 * results come back to the inbox.
 */
export function BulkAnswerDialog({ open, selected, onCancel, onDone }: { open: boolean; selected: Escalation[]; onCancel: () => void; onDone: (result: BulkAnswerResult) => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<PlatformAction>('removed');
  const [note, setNote] = useState('');
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await answerEscalations(selected.map((e) => ({ escalationId: e.id, action, note: note.trim() || null, reference: reference.trim() || null })));
      setNote('');
      setReference('');
      onDone(result);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog open={open} title={t('caseTools.inbox.bulkTitle', { count: selected.length })} confirmLabel={t('caseTools.inbox.bulkConfirm', { count: selected.length })} busy={busy} error={error} onCancel={onCancel} onConfirm={() => void run()}>
      <p>{t('caseTools.inbox.bulkBody')}</p>
      <ul className="plain-list" aria-label={t('caseTools.inbox.bulkList')}>
        {selected.map((e) => <li key={e.id}>{e.caseReference}</li>)}
      </ul>
      <fieldset>
        <legend>{t('console.inbox.actionTaken')}</legend>
        {PLATFORM_ACTIONS.map((a) => (
          <label key={a} className="check">
            <input type="radio" name="bulk-action" checked={action === a} onChange={() => setAction(a)} /> {t(platformActionKey(a))}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor="bulk-note">{t('console.inbox.note')}</label>
        <textarea id="bulk-note" className="field__input" rows={3} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="bulk-reference">{t('console.inbox.reference')}</label>
        <input id="bulk-reference" className="field__input" value={reference} onChange={(e) => setReference(e.target.value)} />
      </div>
    </ConfirmDialog>
  );
}
