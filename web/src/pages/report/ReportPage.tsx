import { Suspense, lazy, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../../api/client.ts';
import { submitReport, type ReportReceipt } from '../../api/public.ts';
import { Loading } from '../../layout/Loading.tsx';
import { usePageTitle } from '../../layout/use-page-title.ts';
import { useLanguage } from '../../portal/use-language.ts';
import { countReport } from '../campaigns/attribution.ts';
import { ContactStep } from './ContactStep.tsx';
import { clearDraft, emptyDraft, hasContent, loadDraft, saveDraft, type ReportDraft } from './draft.ts';
import { EvidenceStep } from './EvidenceStep.tsx';
import { MoneyStep } from './MoneyStep.tsx';
import { ReportDone } from './ReportDone.tsx';
import { STEPS, validateStep } from './validate.ts';
import { WhatStep } from './WhatStep.tsx';

// The steps that read identifiers carry the server's identifier code (≈ 200 kB compressed):
// loaded after the first step is on screen, so a slow phone can start typing at once.
const loadWhoStep = () => import('./WhoStep.tsx');
const loadReviewStep = () => import('./ReviewStep.tsx');
const WhoStep = lazy(() => loadWhoStep().then((m) => ({ default: m.WhoStep })));
const ReviewStep = lazy(() => loadReviewStep().then((m) => ({ default: m.ReviewStep })));

type Sending = { status: 'idle' } | { status: 'sending'; progress: number } | { status: 'failed'; message: string };

/** Report a scam, in six short steps; the draft survives a reload (without the files). */
export function ReportPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('report.title'));
  const [draft, setDraft] = useState<ReportDraft>(loadDraft);
  const [restored] = useState(() => hasContent(draft));
  const [files, setFiles] = useState<File[]>([]);
  const [rejected, setRejected] = useState<string[]>([]);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [sending, setSending] = useState<Sending>({ status: 'idle' });
  const [receipt, setReceipt] = useState<ReportReceipt | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  const step = Math.min(Math.max(draft.step, 0), STEPS.length - 1);
  const stepName = STEPS[step] ?? 'what';

  useEffect(() => {
    if (receipt === null) saveDraft(draft);
  }, [draft, receipt]);

  useEffect(() => {
    void loadWhoStep();
    void loadReviewStep();
  }, []);

  // A new step is announced by moving the focus to its heading (not on the first render).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [step, receipt]);

  const update = (patch: Partial<ReportDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    // A field's complaint goes as soon as the person changes it.
    setErrors((current) => {
      const changed = Object.keys(patch).filter((key) => key in current);
      if (changed.length === 0) return current;
      const next = { ...current };
      for (const key of changed) delete next[key];
      return next;
    });
  };
  const goTo = (next: number) => {
    setErrors({});
    update({ step: next });
  };

  const send = async () => {
    setSending({ status: 'sending', progress: 0 });
    try {
      const { buildReport } = await import('./build-report.ts');
      const input = buildReport(draft, language, t('report.otherDetails'));
      const answer = await submitReport(input, files, draft.idempotencyKey, (progress) => setSending({ status: 'sending', progress }));
      clearDraft();
      // A campaign page sent the visitor here: one count for that campaign, then forgotten.
      countReport();
      setReceipt(answer);
      setSending({ status: 'idle' });
    } catch (error) {
      let message = t('errors.server');
      if (error instanceof NetworkError) message = t('report.errors.network');
      else if (error instanceof ApiError) {
        if (error.status === 413) message = t('report.errors.tooLarge');
        else if (error.status === 415) message = t('report.errors.fileType');
        else if (error.status === 429) message = t('errors.throttled');
        else if (error.status === 400 || error.status === 422) message = t('report.errors.rejected', { detail: error.problem.errors?.map((e) => e.message).join(' ') ?? error.message });
      }
      setSending({ status: 'failed', message });
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (sending.status === 'sending') return;
    const found = validateStep(stepName, draft, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      // Focus the first field with a problem, as the error summary pattern does.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"], .fieldset .field__error')?.focus());
      return;
    }
    if (stepName === 'review') void send();
    else goTo(step + 1);
  };

  const startAgain = () => {
    clearDraft();
    setFiles([]);
    setReceipt(null);
    setDraft(emptyDraft());
  };

  if (receipt) {
    return (
      <div className="container container--form page">
        <h1 ref={stepHeading} tabIndex={-1}>
          {t('report.done.title')}
        </h1>
        <ReportDone receipt={receipt} onAnother={startAgain} />
      </div>
    );
  }

  return (
    <div className="container container--form page">
      <h1>{t('report.heading')}</h1>
      <p className="page__intro">{t('report.intro')}</p>
      {restored && step > 0 && <p className="notice" role="status">{t('report.restored')}</p>}

      <ol className="stepper" aria-label={t('report.progressLabel')}>
        {STEPS.map((name, index) => (
          <li key={name} className="stepper__step" aria-current={index === step ? 'step' : undefined} data-done={index < step}>
            <span className="stepper__number" aria-hidden="true">
              {index + 1}
            </span>
            <span className="stepper__name">{t(`report.steps.${name}`)}</span>
          </li>
        ))}
      </ol>

      <form className="form wizard" onSubmit={onSubmit} noValidate>
        <h2 ref={stepHeading} tabIndex={-1} className="wizard__title">
          {t('report.stepOf', { step: step + 1, total: STEPS.length })} · {t(`report.steps.${stepName}`)}
        </h2>
        {Object.keys(errors).length > 0 && (
          <div className="notice notice--error" role="alert">
            <p className="notice__title">{t('report.errors.summary')}</p>
          </div>
        )}

        {stepName === 'what' && <WhatStep draft={draft} update={update} errors={errors} />}
        {stepName === 'who' && (
          <Suspense fallback={<Loading label={t('app.loading')} />}>
            <WhoStep draft={draft} update={update} errors={errors} onScreenshot={(file) => setFiles((current) => [...current, file].slice(0, 10))} />
          </Suspense>
        )}
        {stepName === 'money' && <MoneyStep draft={draft} update={update} errors={errors} />}
        {stepName === 'evidence' && <EvidenceStep files={files} onChange={setFiles} rejected={rejected} onRejected={setRejected} />}
        {stepName === 'contact' && <ContactStep draft={draft} update={update} errors={errors} />}
        {stepName === 'review' && (
          <Suspense fallback={<Loading label={t('app.loading')} />}>
            <ReviewStep draft={draft} files={files} onEdit={goTo} />
          </Suspense>
        )}

        {sending.status === 'sending' && (
          <div className="upload-progress" role="status">
            <label htmlFor="upload-progress">{t('report.sending', { percent: Math.round(sending.progress * 100) })}</label>
            <progress id="upload-progress" max={1} value={sending.progress} />
          </div>
        )}
        {sending.status === 'failed' && (
          <div className="notice notice--error" role="alert">
            <p>{sending.message}</p>
          </div>
        )}

        <div className="wizard__actions">
          {step > 0 && (
            <button type="button" className="button button--secondary" onClick={() => goTo(step - 1)} disabled={sending.status === 'sending'}>
              {t('report.back')}
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={sending.status === 'sending'}>
            {stepName === 'review' ? (sending.status === 'failed' ? t('report.retry') : t('report.submit')) : t('report.next')}
          </button>
        </div>
      </form>
    </div>
  );
}
