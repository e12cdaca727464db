import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assignCase, type CaseDetail } from '../../../api/cases.ts';
import type { Assignee } from '../../../api/queue-tools.ts';
import { useAuth } from '../../../auth/use-auth.ts';
import { ConfirmDialog } from '../../../console/ConfirmDialog.tsx';
import { AssigneePicker } from '../queue/AssigneePicker.tsx';

const SUPERVISING = ['admin', 'supervisor'];

/**
 * "Assign to…" on the case page, for supervisors and admins (analysts take a case themselves):
 * picks a colleague by name and calls POST /api/v1/cases/:id/assign, whose rules decide.
 */
export function AssignToAction({ detail, onAssigned }: { detail: CaseDetail; onAssigned: () => void }) {
  const { t } = useTranslation();
  const { state } = useAuth();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Assignee | null>(null);
  const [unchosen, setUnchosen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  if (state.status !== 'signed-in' || !SUPERVISING.includes(state.user.role) || !detail.allowedEvents.includes('assigned')) return null;

  const start = () => {
    setChosen(null);
    setUnchosen(false);
    setError(null);
    setDone(null);
    setOpen(true);
  };
  const run = async () => {
    if (!chosen) return setUnchosen(true);
    setBusy(true);
    setError(null);
    try {
      await assignCase(detail.id, chosen.id);
      setOpen(false);
      setDone(t('queueTools.assign.done', { name: chosen.name }));
      onAssigned();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button button--secondary" onClick={start}>
        {t('queueTools.assign.button')}
      </button>
      {done && <span className="visually-hidden" role="status">{done}</span>}
      <ConfirmDialog open={open} title={t('queueTools.assign.caseTitle')} confirmLabel={t('queueTools.assign.confirm')} busy={busy} error={error} onCancel={() => setOpen(false)} onConfirm={() => void run()}>
        <AssigneePicker value={chosen?.id ?? null} onChange={(a) => { setChosen(a); setUnchosen(false); }} {...(unchosen ? { error: t('queueTools.assign.choose') } : {})} />
      </ConfirmDialog>
    </>
  );
}
