import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { publicApi, type LookupAnswer, type RiskScore } from '../../api/public.ts';
import { Loading } from '../../layout/Loading.tsx';
import { usePageTitle } from '../../layout/use-page-title.ts';
import { LoadError } from '../../portal/LoadError.tsx';
import { PaidAdvice } from '../../portal/PaidAdvice.tsx';
import { SearchBox } from '../../portal/SearchBox.tsx';
import { StandingWarning } from '../../portal/StandingWarning.tsx';
import { countLookup } from '../campaigns/attribution.ts';
import { LookupResult } from './LookupResult.tsx';
import { RiskSummary } from './RiskSummary.tsx';

/** A pasted message names at most this many identifiers worth checking one by one. */
const MAX_IDENTIFIERS = 10;

type Outcome =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'single'; answer: LookupAnswer }
  | { status: 'message'; answers: LookupAnswer[]; found: number; risk: RiskScore | null }
  | { status: 'nothing'; risk: RiskScore | null }
  | { status: 'failed'; error: unknown };

async function scoreMessage(text: string, signal: AbortSignal): Promise<RiskScore | null> {
  try {
    const risk = await publicApi.riskCheck(text, signal);
    return risk && typeof risk.score === 'number' && Array.isArray(risk.reasons) ? risk : null;
  } catch (error) {
    // Risk scoring is an extra: where the server does not offer it, the look-ups still stand.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return null;
  }
}

/** A few words at most and one line: the server reads it as one identifier, or says it cannot. */
function looksLikeOneIdentifier(query: string): boolean {
  return !query.includes('\n') && query.split(/\s+/).length <= 5;
}

async function check(query: string, signal: AbortSignal): Promise<Outcome> {
  if (looksLikeOneIdentifier(query)) {
    try {
      return { status: 'single', answer: await publicApi.lookup(query, signal) };
    } catch (error) {
      // Not one identifier the server can read: look for identifiers inside it instead.
      if (!(error instanceof ApiError && error.status === 400)) throw error;
    }
  }
  // The server's own extraction code, loaded only for messages (it is the largest module).
  const { readQuery } = await import('../../identifiers/recognise.ts');
  const read = readQuery(query);
  if (read.mode === 'single') return { status: 'single', answer: await publicApi.lookup(read.indicator, signal) };
  const risk = await scoreMessage(query, signal);
  if (read.indicators.length === 0) return { status: 'nothing', risk };
  const answers: LookupAnswer[] = [];
  // One by one: the public tier has no batch call, and the per-IP limit is generous for ten.
  for (const indicator of read.indicators.slice(0, MAX_IDENTIFIERS)) {
    try {
      answers.push(await publicApi.lookup(indicator, signal));
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) continue;
      throw error;
    }
  }
  return { status: 'message', answers, found: read.indicators.length, risk };
}

export function CheckPage() {
  const { t } = useTranslation();
  usePageTitle(t('check.title'));
  const [params] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (query === '') {
      setOutcome({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setOutcome({ status: 'loading' });
    check(query, controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setOutcome(result);
        // A campaign page sent the visitor here: one count for that campaign (nothing else is sent).
        if (result.status === 'single' || result.status === 'message') countLookup();
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setOutcome({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [query, attempt]);

  const listedCount = outcome.status === 'message' ? outcome.answers.filter((a) => a.state === 'listed').length : 0;

  return (
    <div className="container page">
      <h1>{t('check.heading')}</h1>
      <SearchBox key={query} initial={query} />

      <div className="check-results" aria-live="polite">
        {outcome.status === 'loading' && <Loading label={t('check.checking')} />}
        {outcome.status === 'failed' && <LoadError error={outcome.error} onRetry={() => setAttempt((n) => n + 1)} />}
        {outcome.status === 'single' && <LookupResult answer={outcome.answer} />}
        {outcome.status === 'nothing' && (
          <>
            {outcome.risk && <RiskSummary risk={outcome.risk} />}
            <div className="notice" role="status">
              <p>{t('check.nothingFound')}</p>
            </div>
          </>
        )}
        {outcome.status === 'message' && (
          <>
            {outcome.risk && <RiskSummary risk={outcome.risk} />}
            <h2>{t('check.message.heading', { count: outcome.answers.length })}</h2>
            <p>{listedCount > 0 ? t('check.message.someListed', { count: listedCount }) : t('check.message.noneListed')}</p>
            {outcome.found > MAX_IDENTIFIERS && <p className="muted">{t('check.message.tooMany', { count: MAX_IDENTIFIERS })}</p>}
            <ul className="result-list">
              {outcome.answers.map((answer) => (
                <li key={answer.indicator}>
                  <LookupResult answer={answer} headingLevel={3} />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      {outcome.status !== 'idle' && outcome.status !== 'loading' && (
        <div className="callouts">
          <PaidAdvice />
          <StandingWarning />
        </div>
      )}
      {outcome.status === 'idle' && <StandingWarning />}
    </div>
  );
}
