import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Reasons } from '../../../api/cases.ts';
import { decideDispute, getDispute, type DisputeDetail, type DisputeOutcome } from '../../../api/disputes.ts';
import { ConfirmDialog } from '../../../console/ConfirmDialog.tsx';
import { fraudTypeKey, kindKey, verdictKey } from '../../../console/labels.ts';
import { fieldErrors, ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { emptyReasons, ReasonsFields, reasonsBody } from '../../../console/ReasonsFields.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatDateTime } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { VerdictBadge } from '../case/IndicatorsSection.tsx';

/** One dispute: the listing and its history, the disputer's word and contact, the decision. */
export function DisputeDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [detail, setDetail] = useState<DisputeDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  usePageTitle(detail ? t('disputesReview.detail.title', { code: detail.trackingCode }) : t('disputesReview.queue.title'));

  const load = useCallback(
    (signal?: AbortSignal) =>
      getDispute(id, signal)
        .then(setDetail)
        .catch((e) => {
          if (!signal?.aborted) setError(e);
        }),
    [id],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  return (
    <div className="page console-page disputes-review">
      <p><Link to="..">{t('disputesReview.detail.back')}</Link></p>
      <ProblemNotice error={error} />
      {!detail && !error && <p className="loading" role="status">{t('disputesReview.loading')}</p>}
      {detail && (
        <>
          <h1>{t('disputesReview.detail.title', { code: detail.trackingCode })}</h1>
          <div className="disputes-review__grid">
            <div className="disputes-review__main">
              <ListingCard detail={detail} />
              <DisputerCard detail={detail} />
              <NoticesCard detail={detail} />
            </div>
            <div className="disputes-review__side">
              {detail.status === 'open' ? <DecisionForm detail={detail} onDecided={() => void load()} /> : <DecidedCard detail={detail} />}
            </div>
          </div>
        </>
      )}
    </div>
  );
}

function ListingCard({ detail }: { detail: DisputeDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="card" aria-labelledby="dispute-listing">
      <h2 id="dispute-listing">{t('disputesReview.detail.listing')}</h2>
      <dl className="disputes-review__facts">
        <dt>{t('disputesReview.queue.indicator')}</dt>
        <dd><span className="disputes-review__indicator" data-testid="dispute-indicator">{detail.indicatorDisplay}</span> <span className="muted">({t(kindKey(detail.kind))})</span></dd>
        <dt>{t('disputesReview.queue.verdict')}</dt>
        <dd><VerdictBadge verdict={detail.verdict} /></dd>
        <dt>{t('disputesReview.queue.status')}</dt>
        <dd><span className={`badge dispute-status dispute-status--${detail.status}`} data-testid="dispute-status">{t(`disputesReview.statuses.${detail.status}`)}</span></dd>
        <dt>{t('disputesReview.detail.received')}</dt>
        <dd>{formatDateTime(detail.createdAt, language)}</dd>
      </dl>
      <h3>{t('disputesReview.detail.history')}</h3>
      <ol className="plain-list disputes-review__history">
        {detail.history.map((h, n) => (
          <li key={`${h.at}-${n}`}>
            <span className="nowrap">{formatDateTime(h.at, language)}</span>: {h.from ? t(verdictKey(h.from)) : '—'} → <strong>{t(verdictKey(h.to))}</strong>
            {h.reasons.ground && <> · {t(fraudTypeKey(h.reasons.ground))}</>}
            {h.reasons.automated && <> · <span className="badge">{t('disputesReview.detail.automated')}</span></>}
            {h.reasons.explanation && <div className="muted">{h.reasons.explanation}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function DisputerCard({ detail }: { detail: DisputeDetail }) {
  const { t } = useTranslation();
  const c = detail.contact;
  return (
    <section className="card" aria-labelledby="dispute-disputer">
      <h2 id="dispute-disputer">{t('disputesReview.detail.disputer')}</h2>
      <p className="muted">{t('disputesReview.detail.agencyOnly')}</p>
      <h3>{t('disputesReview.detail.explanation')}</h3>
      <blockquote className="disputes-review__explanation" data-testid="dispute-explanation">{detail.explanation}</blockquote>
      <dl className="disputes-review__facts">
        <dt>{t('disputesReview.detail.name')}</dt>
        <dd>{c.name ?? '—'}</dd>
        <dt>{t('disputesReview.detail.email')}</dt>
        <dd>{c.email ?? '—'}</dd>
        <dt>{t('disputesReview.detail.phone')}</dt>
        <dd>{c.phone ?? '—'}</dd>
        <dt>{t('disputesReview.detail.language')}</dt>
        <dd>{c.locale === 'en' ? 'English' : 'Tiếng Việt'}</dd>
      </dl>
    </section>
  );
}

function NoticesCard({ detail }: { detail: DisputeDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="card" aria-labelledby="dispute-notices">
      <h2 id="dispute-notices">{t('disputesReview.detail.notices')}</h2>
      {detail.notices.length === 0 && <p className="muted">{t('disputesReview.detail.noNotices')}</p>}
      <ol className="plain-list disputes-review__notices">
        {detail.notices.map((n) => (
          <li key={`${n.action}-${n.at}`} data-notice={n.purpose}>
            <p>
              <strong>{n.subject}</strong>
              <br />
              <span className="muted">
                {formatDateTime(n.at, language)} · {n.locale.toUpperCase()} · {t('disputesReview.detail.templateVersion', { version: n.version })} · {n.emailed ? t('disputesReview.detail.emailed') : t('disputesReview.detail.notEmailed')}
              </span>
            </p>
            <pre className="disputes-review__notice-body">{n.body}</pre>
          </li>
        ))}
      </ol>
    </section>
  );
}

function DecidedCard({ detail }: { detail: DisputeDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="card" aria-labelledby="dispute-decided" data-testid="dispute-decided">
      <h2 id="dispute-decided">{t('disputesReview.decision.decidedTitle')}</h2>
      <p>
        <strong>{t(`disputesReview.statuses.${detail.status}`)}</strong>
        {detail.decidedAt && <> · {formatDateTime(detail.decidedAt, language)}</>}
      </p>
      {detail.decisionReason && <p>{detail.decisionReason}</p>}
    </section>
  );
}

function DecisionForm({ detail, onDecided }: { detail: DisputeDetail; onDecided: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const ground = detail.history.findLast((h) => h.reasons.ground)?.reasons.ground ?? 'other';
  const [outcome, setOutcome] = useState<DisputeOutcome>('cleared');
  const [reason, setReason] = useState('');
  const [reasons, setReasons] = useState<Reasons>({ ...emptyReasons(ground), evidence: ['owner_statement'] as Reasons['evidence'] });
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [reasonMissing, setReasonMissing] = useState(false);
  const reasonErrors = [...(reasonMissing ? [t('disputesReview.decision.reasonRequired')] : []), ...fieldErrors(error, '/reason')];

  const ask = () => {
    const missing = reason.trim().length < 3;
    setReasonMissing(missing);
    if (!missing) {
      setError(null);
      setConfirming(true);
    }
  };
  const decide = async () => {
    setBusy(true);
    setError(null);
    try {
      await decideDispute(detail.id, { outcome, reason: reason.trim(), reasons: reasonsBody(reasons) });
      setConfirming(false);
      onDecided();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('disputesReview.decision.title')}</h2>
      <form onSubmit={(e) => { e.preventDefault(); ask(); }} noValidate>
        <fieldset className="disputes-review__outcome">
          <legend>{t('disputesReview.decision.outcome')}</legend>
          <label className="check">
            <input type="radio" name={`${id}-outcome`} value="cleared" checked={outcome === 'cleared'} onChange={() => setOutcome('cleared')} /> {t('disputesReview.decision.clear')}
          </label>
          <label className="check">
            <input type="radio" name={`${id}-outcome`} value="upheld" checked={outcome === 'upheld'} onChange={() => setOutcome('upheld')} /> {t('disputesReview.decision.uphold')}
          </label>
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-reason`}>{t('disputesReview.decision.reason')}</label>
          <textarea
            id={`${id}-reason`}
            className="field__input"
            rows={3}
            maxLength={4000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={reasonErrors.length > 0 ? true : undefined}
            aria-describedby={reasonErrors.length > 0 ? `${id}-reason-error` : `${id}-reason-hint`}
          />
          <p id={`${id}-reason-hint`} className="field__hint">{t('disputesReview.decision.reasonHint')}</p>
          {reasonErrors.length > 0 && <p id={`${id}-reason-error`} className="field__error">{reasonErrors.join(' ')}</p>}
        </div>
        <ReasonsFields value={reasons} onChange={setReasons} error={error} />
        {!confirming && <ProblemNotice error={error} />}
        <button type="submit" className="button button--primary">{t('disputesReview.decision.submit')}</button>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t(outcome === 'cleared' ? 'disputesReview.decision.confirmClear' : 'disputesReview.decision.confirmUphold', { indicator: detail.indicatorDisplay })}
        confirmLabel={t(outcome === 'cleared' ? 'disputesReview.decision.clear' : 'disputesReview.decision.uphold')}
        danger={outcome === 'upheld'}
        busy={busy}
        error={error}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void decide()}
      >
        <p>{t('disputesReview.decision.confirmBody')}</p>
        <blockquote className="disputes-review__explanation">{reason.trim()}</blockquote>
      </ConfirmDialog>
    </section>
  );
}
