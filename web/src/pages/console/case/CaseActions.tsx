import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { assignCase, closeCase, commentOnCase, rejectCase, setCasePriority, triageCase, verifyCase, type CaseDetail, type Reasons } from '../../../api/cases.ts';
import { escalateCase, PLATFORM_OF_KIND, type RedactionBox } from '../../../api/escalations.ts';
import { FRAUD_TYPES } from '../../../api/public.ts';
import { ConfirmDialog } from '../../../console/ConfirmDialog.tsx';
import { fraudTypeKey, platformKey } from '../../../console/labels.ts';
import { fieldErrors } from '../../../console/ProblemNotice.tsx';
import { emptyReasons, ReasonsFields, reasonsBody } from '../../../console/ReasonsFields.tsx';
import type { ReportEvidence } from '../../../api/networks.ts';
import { AssignToAction } from './AssignToAction.tsx';
import { MergeAction } from './MergeAction.tsx';
import { REDACTABLE_TYPES, RedactionEditor } from './RedactionEditor.tsx';

type Action = 'triage' | 'assign' | 'unassign' | 'priority' | 'comment' | 'verify' | 'reject' | 'escalate' | 'close';

const EVENT_OF: Record<Action, string> = {
  triage: 'triaged',
  assign: 'assigned',
  unassign: 'assigned',
  priority: 'priority_set',
  comment: 'commented',
  verify: 'verified',
  reject: 'rejected',
  escalate: 'escalated',
  close: 'closed',
};

function TextField({ id, label, value, onChange, multiline, errors }: { id: string; label: string; value: string; onChange: (v: string) => void; multiline?: boolean; errors?: string[] }) {
  const invalid = errors && errors.length > 0;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} className="field__input" rows={3} maxLength={4000} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid ? true : undefined} aria-describedby={invalid ? `${id}-error` : undefined} />
      ) : (
        <input id={id} className="field__input" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid ? true : undefined} aria-describedby={invalid ? `${id}-error` : undefined} />
      )}
      {invalid && <p id={`${id}-error`} className="field__error">{errors.join(' ')}</p>}
    </div>
  );
}

/** Every action on a case, each behind a confirmation that asks for what the action needs. */
export function CaseActions({ detail, evidence, meId, onChanged }: { detail: CaseDetail; evidence: ReportEvidence[]; meId: string | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [priority, setPriority] = useState(detail.priority);
  const [category, setCategory] = useState(detail.category);
  const [note, setNote] = useState('');
  const [reasons, setReasons] = useState<Reasons>(emptyReasons(detail.category));
  const [rejectMode, setRejectMode] = useState<'keep_suspected' | 'clear'>('keep_suspected');
  const escalatable = detail.indicators.filter((i) => PLATFORM_OF_KIND[i.kind] !== undefined);
  const [subjects, setSubjects] = useState<string[]>([]);
  const [legalBasis, setLegalBasis] = useState('');
  const [fraudCategory, setFraudCategory] = useState(detail.category);
  const [shared, setShared] = useState<string[]>([]);
  const [redactions, setRedactions] = useState<Record<string, RedactionBox[]>>({});
  const files = [...new Map(evidence.map((f) => [f.sha256, f])).values()];

  const open = (a: Action) => {
    setError(null);
    setNote('');
    setPriority(detail.priority);
    setCategory(detail.category);
    setReasons(emptyReasons(detail.category));
    setSubjects(escalatable.map((i) => i.id));
    setFraudCategory(detail.category);
    setShared([]);
    setRedactions({});
    setAction(a);
  };

  const run = async () => {
    if (!action) return;
    setBusy(true);
    setError(null);
    try {
      const trimmed = note.trim();
      switch (action) {
        case 'triage':
          await triageCase(detail.id, { priority, category, ...(trimmed ? { note: trimmed } : {}) });
          break;
        case 'assign':
          await assignCase(detail.id, meId);
          break;
        case 'unassign':
          await assignCase(detail.id, null);
          break;
        case 'priority':
          await setCasePriority(detail.id, priority, trimmed || undefined);
          break;
        case 'comment':
          await commentOnCase(detail.id, trimmed);
          break;
        case 'verify':
          await verifyCase(detail.id, reasonsBody(reasons));
          break;
        case 'reject':
          await rejectCase(detail.id, { reason: trimmed, indicators: rejectMode, ...(rejectMode === 'clear' ? { reasons: reasonsBody(reasons) } : {}) });
          break;
        case 'escalate':
          await escalateCase(detail.id, { subjects, fraudCategory, legalBasis: legalBasis.trim(), ...(trimmed ? { message: trimmed } : {}), ...(shared.length > 0 ? { evidence: shared.map((sha256) => (redactions[sha256]?.length ? { sha256, redactions: redactions[sha256] } : { sha256 })) } : {}) });
          break;
        case 'close':
          await closeCase(detail.id, trimmed || undefined);
          break;
      }
      setDone(t(`console.actions.done.${action}`));
      setAction(null);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const allowed = (a: Action) => detail.allowedEvents.includes(EVENT_OF[a]);
  const button = (a: Action, variant: 'primary' | 'secondary' | 'danger' = 'secondary') =>
    allowed(a) && (
      <button type="button" className={`button button--${variant}`} onClick={() => open(a)}>
        {t(`console.actions.${a}`)}
      </button>
    );

  let body: ReactNode = null;
  switch (action) {
    case 'triage':
      body = (
        <>
          <PrioritySelect value={priority} onChange={setPriority} />
          <div className="field">
            <label className="field__label" htmlFor="act-category">{t('console.queue.category')}</label>
            <select id="act-category" className="field__input" value={category} onChange={(e) => setCategory(e.target.value)}>
              {FRAUD_TYPES.map((f) => <option key={f} value={f}>{t(fraudTypeKey(f))}</option>)}
            </select>
          </div>
          <TextField id="act-note" label={t('console.actions.note')} value={note} onChange={setNote} multiline errors={fieldErrors(error, '/note')} />
        </>
      );
      break;
    case 'assign':
    case 'unassign':
      body = <p>{t(`console.actions.${action}Body`)}</p>;
      break;
    case 'priority':
      body = (
        <>
          <PrioritySelect value={priority} onChange={setPriority} />
          <TextField id="act-note" label={t('console.actions.note')} value={note} onChange={setNote} multiline errors={fieldErrors(error, '/note')} />
        </>
      );
      break;
    case 'comment':
      body = <TextField id="act-note" label={t('console.actions.comment')} value={note} onChange={setNote} multiline errors={fieldErrors(error, '/text')} />;
      break;
    case 'verify':
      body = (
        <>
          <p>{t('console.actions.verifyBody')}</p>
          <ReasonsFields value={reasons} onChange={setReasons} error={error} />
        </>
      );
      break;
    case 'reject':
      body = (
        <>
          <TextField id="act-reason" label={t('console.actions.rejectReason')} value={note} onChange={setNote} multiline errors={fieldErrors(error, '/reason')} />
          <fieldset>
            <legend>{t('console.actions.rejectIndicators')}</legend>
            <label className="check"><input type="radio" name="reject-mode" checked={rejectMode === 'keep_suspected'} onChange={() => setRejectMode('keep_suspected')} /> {t('console.actions.keepSuspected')}</label>
            <label className="check"><input type="radio" name="reject-mode" checked={rejectMode === 'clear'} onChange={() => setRejectMode('clear')} /> {t('console.actions.clearIndicators')}</label>
          </fieldset>
          {rejectMode === 'clear' && <ReasonsFields value={reasons} onChange={setReasons} error={error} />}
        </>
      );
      break;
    case 'escalate':
      body = (
        <>
          {escalatable.length === 0 ? (
            <p className="notice notice--error">{t('console.actions.nothingToEscalate')}</p>
          ) : (
            <fieldset>
              <legend>{t('console.actions.subjects')}</legend>
              {escalatable.map((i) => (
                <label key={i.id} className="check">
                  <input type="checkbox" checked={subjects.includes(i.id)} onChange={() => setSubjects((s) => (s.includes(i.id) ? s.filter((x) => x !== i.id) : [...s, i.id]))} />{' '}
                  {i.display} → {t(platformKey(PLATFORM_OF_KIND[i.kind]!))}
                </label>
              ))}
              {fieldErrors(error, '/subjects').length > 0 && <p className="field__error">{fieldErrors(error, '/subjects').join(' ')}</p>}
            </fieldset>
          )}
          <div className="field">
            <label className="field__label" htmlFor="act-fraud">{t('console.actions.fraudCategory')}</label>
            <select id="act-fraud" className="field__input" value={fraudCategory} onChange={(e) => setFraudCategory(e.target.value)}>
              {FRAUD_TYPES.map((f) => <option key={f} value={f}>{t(fraudTypeKey(f))}</option>)}
            </select>
          </div>
          <TextField id="act-legal" label={t('console.reasons.legalBasis')} value={legalBasis} onChange={setLegalBasis} errors={fieldErrors(error, '/legalBasis')} />
          {files.length > 0 && (
            <fieldset>
              <legend>{t('console.actions.shareEvidence')}</legend>
              {files.map((f, n) => (
                <div key={f.sha256} className="shared-evidence__item">
                  <label className="check">
                    <input type="checkbox" checked={shared.includes(f.sha256)} onChange={() => setShared((s) => (s.includes(f.sha256) ? s.filter((x) => x !== f.sha256) : [...s, f.sha256]))} />{' '}
                    {t('console.actions.evidenceFile', { n: n + 1, type: f.mediaType })}
                  </label>
                  {/* Each shared image can be redacted: the platform then receives only the blacked-out copy. */}
                  {shared.includes(f.sha256) && f.url && REDACTABLE_TYPES.has(f.mediaType) && (
                    <RedactionEditor
                      src={f.url}
                      name={t('console.actions.evidenceFile', { n: n + 1, type: f.mediaType })}
                      boxes={redactions[f.sha256] ?? []}
                      onChange={(boxes) => setRedactions((r) => ({ ...r, [f.sha256]: boxes }))}
                    />
                  )}
                  {fieldErrors(error, `/evidence/${shared.indexOf(f.sha256)}`).length > 0 && shared.includes(f.sha256) && (
                    <p className="field__error">{fieldErrors(error, `/evidence/${shared.indexOf(f.sha256)}`).join(' ')}</p>
                  )}
                </div>
              ))}
              <p className="field__hint">{t('caseTools.redaction.shareHint')}</p>
            </fieldset>
          )}
          <TextField id="act-message" label={t('console.actions.messageToPlatform')} value={note} onChange={setNote} multiline errors={fieldErrors(error, '/message')} />
          <p className="field__hint">{t('console.actions.noPersonalData')}</p>
        </>
      );
      break;
    case 'close':
      body = <TextField id="act-note" label={t('console.actions.note')} value={note} onChange={setNote} multiline errors={fieldErrors(error, '/note')} />;
      break;
  }

  return (
    <section className="case-actions" aria-labelledby="case-actions">
      <h2 id="case-actions" className="visually-hidden">{t('console.actions.heading')}</h2>
      <div className="case-actions__row">
        {button('triage', 'primary')}
        {detail.assigneeUserId !== meId && button('assign')}
        {detail.assigneeUserId !== null && button('unassign')}
        <AssignToAction detail={detail} onAssigned={onChanged} />
        {button('priority')}
        {button('comment')}
        {button('verify', 'primary')}
        {button('reject', 'danger')}
        {button('escalate', 'primary')}
        {button('close')}
        {detail.allowedEvents.includes('merge_received') && <MergeAction detail={detail} onMerged={(reference) => { setDone(t('caseTools.merge.done', { reference })); onChanged(); }} />}
      </div>
      {done && <p className="notice notice--success" role="status" data-testid="action-done">{done}</p>}
      <ConfirmDialog
        open={action !== null}
        title={action ? t(`console.actions.${action}Title`) : ''}
        confirmLabel={action ? t(`console.actions.${action}`) : ''}
        danger={action === 'reject'}
        busy={busy}
        error={error}
        onCancel={() => setAction(null)}
        onConfirm={() => void run()}
      >
        {body}
      </ConfirmDialog>
    </section>
  );
}

function PrioritySelect({ value, onChange }: { value: number; onChange: (v: number) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label className="field__label" htmlFor="act-priority">{t('console.queue.priority')}</label>
      <select id="act-priority" className="field__input" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {[1, 2, 3, 4, 5].map((p) => <option key={p} value={p}>{t('console.actions.priorityOption', { priority: p })}</option>)}
      </select>
    </div>
  );
}
