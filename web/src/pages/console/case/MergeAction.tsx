import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mergeCandidates, mergeCase, type CaseDetail, type MergeCandidate } from '../../../api/cases.ts';
import { ConfirmDialog } from '../../../console/ConfirmDialog.tsx';
import { caseStateKey } from '../../../console/labels.ts';
import { fieldErrors, ProblemNotice } from '../../../console/ProblemNotice.tsx';
import './case-tools.css';

/**
 * Merging another case into this one (POST /api/v1/cases/:id/merge): the analyst picks it from
 * the cases holding the same indicators, or finds it by its reference, and gives a reason. The
 * other case's reports and indicators move here; it becomes "merged" and points to this one.
 */
export function MergeAction({ detail, onMerged }: { detail: CaseDetail; onMerged: (mergedReference: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [candidates, setCandidates] = useState<MergeCandidate[] | null>(null);
  const [searched, setSearched] = useState<string | null>(null);
  const [reference, setReference] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [unchosen, setUnchosen] = useState(false);

  const load = async (ref?: string) => {
    setLookupError(null);
    setCandidates(null);
    try {
      const answer = await mergeCandidates(detail.id, ref);
      setCandidates(answer.items);
      setSearched(ref ?? null);
      setChosen(answer.items.find((c) => c.mergeable)?.case.id ?? null);
    } catch (e) {
      setLookupError(e);
      setCandidates([]);
    }
  };

  const start = () => {
    setReference('');
    setReason('');
    setError(null);
    setChosen(null);
    setUnchosen(false);
    setOpen(true);
    void load();
  };

  const search = () => {
    const ref = reference.trim();
    void load(ref || undefined);
  };
  const onReferenceKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter looks the case up instead of submitting the merge.
    if (event.key === 'Enter') {
      event.preventDefault();
      search();
    }
  };

  const run = async () => {
    const source = candidates?.find((c) => c.case.id === chosen);
    setUnchosen(!source);
    if (!source) return;
    setBusy(true);
    setError(null);
    try {
      await mergeCase(detail.id, source.case.id, reason.trim());
      setOpen(false);
      onMerged(source.case.reference);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const reasonErrors = fieldErrors(error, '/reason');
  return (
    <>
      <button type="button" className="button button--secondary" onClick={start}>
        {t('caseTools.merge.button')}
      </button>
      <ConfirmDialog open={open} title={t('caseTools.merge.title', { reference: detail.reference })} confirmLabel={t('caseTools.merge.confirm')} busy={busy} error={error} onCancel={() => setOpen(false)} onConfirm={() => void run()}>
        <p>{t('caseTools.merge.body')}</p>
        <div className="field">
          <label className="field__label" htmlFor="merge-reference">{t('caseTools.merge.reference')}</label>
          <div className="network__controls">
            <input id="merge-reference" className="field__input" value={reference} placeholder="CG-2026-000123" onChange={(e) => setReference(e.target.value)} onKeyDown={onReferenceKey} aria-describedby="merge-reference-hint" />
            <button type="button" className="button button--secondary" onClick={search}>{t('caseTools.merge.find')}</button>
          </div>
          <p id="merge-reference-hint" className="field__hint">{t('caseTools.merge.referenceHint')}</p>
        </div>
        <ProblemNotice error={lookupError} />
        <fieldset className="merge-candidates" data-testid="merge-candidates">
          <legend>{searched ? t('caseTools.merge.found', { reference: searched }) : t('caseTools.merge.suggestions')}</legend>
          {candidates === null && <p role="status">{t('console.common.loading')}</p>}
          {candidates?.length === 0 && <p>{searched ? t('caseTools.merge.noneFound') : t('caseTools.merge.noSuggestions')}</p>}
          {candidates?.map((c) => (
            <label key={c.case.id} className="check">
              <input type="radio" name="merge-source" value={c.case.id} checked={chosen === c.case.id} disabled={!c.mergeable} onChange={() => { setChosen(c.case.id); setUnchosen(false); }} />{' '}
              <span>
                <strong>{c.case.reference}</strong> · {t(caseStateKey(c.case.status))} · {t('caseTools.merge.reports', { count: c.case.reportCount })}
                {c.sharedIndicators.length > 0 && <> · {t('caseTools.merge.shared', { list: c.sharedIndicators.map((s) => s.display).join(', ') })}</>}
                {!c.mergeable && <> · <em>{t('caseTools.merge.notMergeable')}</em></>}
              </span>
            </label>
          ))}
        </fieldset>
        {unchosen && <p className="field__error" role="alert">{t('caseTools.merge.chooseFirst')}</p>}
        <div className="field">
          <label className="field__label" htmlFor="merge-reason">{t('caseTools.merge.reason')}</label>
          <textarea id="merge-reason" className="field__input" rows={3} maxLength={4000} value={reason} onChange={(e) => { setReason(e.target.value); setError(null); }} aria-invalid={reasonErrors.length > 0 ? true : undefined} aria-describedby={reasonErrors.length > 0 ? 'merge-reason-error' : undefined} />
          {reasonErrors.length > 0 && <p id="merge-reason-error" className="field__error">{reasonErrors.join(' ')}</p>}
        </div>
      </ConfirmDialog>
    </>
  );
}

/** On a merged case: where its reports went. */
export function MergedNotice({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  if (!detail.mergedIntoCaseId) return null;
  const event = [...detail.events].reverse().find((e) => e.type === 'merged');
  const into = (event?.payload as { intoReference?: string } | undefined)?.intoReference ?? t('caseTools.merge.anotherCase');
  return (
    <p className="notice" role="note" data-testid="merged-into">
      {t('caseTools.merge.mergedInto')} <Link to={`/console/cases/${detail.mergedIntoCaseId}`}>{into}</Link>
    </p>
  );
}
