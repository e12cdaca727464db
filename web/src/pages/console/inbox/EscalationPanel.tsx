import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acknowledgeEscalation, answerEscalation, getEscalation, PLATFORM_ACTIONS, type Escalation, type EscalationDetail, type PlatformAction } from '../../../api/escalations.ts';
import { ConfirmDialog } from '../../../console/ConfirmDialog.tsx';
import { Countdown } from '../../../console/Countdown.tsx';
import { escalationStatusKey, fraudTypeKey, kindKey, platformActionKey } from '../../../console/labels.ts';
import { fieldErrors, ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { useApi } from '../../../portal/use-api.ts';

/** One escalation as the platform sees it: subjects, legal basis, message, shared files; acknowledge and answer. */
export function EscalationPanel({ id, onChanged, onClose }: { id: string; onChanged: (e: Escalation) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const state = useApi<EscalationDetail>((signal) => getEscalation(id, signal), [id, version]);
  const [dialog, setDialog] = useState<null | 'acknowledge' | 'answer'>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [action, setAction] = useState<PlatformAction>('removed');
  const [note, setNote] = useState('');
  const [reference, setReference] = useState('');

  if (state.status === 'loading') return <p role="status">{t('console.common.loading')}</p>;
  if (state.status === 'failed') return <ProblemNotice error={state.error} />;
  const e = state.data;

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const updated = dialog === 'acknowledge' ? await acknowledgeEscalation(id) : await answerEscalation(id, { action, note: note.trim() || null, reference: reference.trim() || null });
      onChanged(updated);
      setDialog(null);
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card escalation-panel" aria-labelledby="escalation-heading" data-testid="escalation-panel">
      <h2 id="escalation-heading">{t('console.inbox.escalationOf', { reference: e.caseReference })}</h2>
      <dl className="details">
        <div className="details__row"><dt>{t('console.queue.status')}</dt><dd>{t(escalationStatusKey(e.status))}{e.action && ` · ${t(platformActionKey(e.action))}`}</dd></div>
        <div className="details__row"><dt>{t('console.board.deadline')}</dt><dd><Countdown escalation={e} /></dd></div>
        <div className="details__row"><dt>{t('console.actions.fraudCategory')}</dt><dd>{t(fraudTypeKey(e.fraudCategory))}</dd></div>
        <div className="details__row"><dt>{t('console.reasons.legalBasis')}</dt><dd>{e.legalBasis}</dd></div>
        {e.message && <div className="details__row"><dt>{t('console.inbox.message')}</dt><dd data-testid="escalation-message">{e.message}</dd></div>}
        {e.platformNote && <div className="details__row"><dt>{t('console.inbox.yourNote')}</dt><dd>{e.platformNote}</dd></div>}
      </dl>
      <h3>{t('console.actions.subjects')}</h3>
      <ul className="plain-list" data-testid="escalation-subjects">
        {e.subjects.map((s) => (
          <li key={s.indicatorId}><span className="badge">{t(kindKey(s.kind))}</span> {s.display}</li>
        ))}
      </ul>
      <h3>{t('console.inbox.sharedFiles')}</h3>
      {e.evidence.length === 0 ? (
        <p className="field__hint">{t('console.evidence.none')}</p>
      ) : (
        <ul className="plain-list">
          {e.evidence.map((f, n) => (
            <li key={f.sha256}>
              <a href={f.url} target="_blank" rel="noreferrer">{t('console.inbox.file', { n: n + 1, type: f.mediaType })}</a>
              {f.redacted && <> <span className="badge">{t('console.inbox.redacted')}</span></>}
            </li>
          ))}
        </ul>
      )}
      <div className="case-actions__row">
        {e.status === 'open' && (
          <button type="button" className="button button--secondary" onClick={() => { setError(null); setDialog('acknowledge'); }}>
            {t('console.inbox.acknowledge')}
          </button>
        )}
        {e.status !== 'actioned' && (
          <button type="button" className="button button--primary" onClick={() => { setError(null); setDialog('answer'); }}>
            {t('console.inbox.answer')}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={onClose}>{t('console.common.close')}</button>
      </div>
      <ConfirmDialog
        open={dialog !== null}
        title={dialog === 'acknowledge' ? t('console.inbox.acknowledgeTitle') : t('console.inbox.answerTitle')}
        confirmLabel={dialog === 'acknowledge' ? t('console.inbox.acknowledge') : t('console.inbox.sendAnswer')}
        busy={busy}
        error={error}
        onCancel={() => setDialog(null)}
        onConfirm={() => void run()}
      >
        {dialog === 'acknowledge' ? (
          <p>{t('console.inbox.acknowledgeBody')}</p>
        ) : (
          <>
            <fieldset>
              <legend>{t('console.inbox.actionTaken')}</legend>
              {PLATFORM_ACTIONS.map((a) => (
                <label key={a} className="check">
                  <input type="radio" name="platform-action" checked={action === a} onChange={() => setAction(a)} /> {t(platformActionKey(a))}
                </label>
              ))}
            </fieldset>
            <div className="field">
              <label className="field__label" htmlFor="answer-note">{t('console.inbox.note')}</label>
              <textarea id="answer-note" className="field__input" rows={3} maxLength={4000} value={note} onChange={(ev) => setNote(ev.target.value)} />
              {fieldErrors(error, '/note').length > 0 && <p className="field__error">{fieldErrors(error, '/note').join(' ')}</p>}
            </div>
            <div className="field">
              <label className="field__label" htmlFor="answer-reference">{t('console.inbox.reference')}</label>
              <input id="answer-reference" className="field__input" value={reference} onChange={(ev) => setReference(ev.target.value)} />
            </div>
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}
