import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { campaignsApi, resultCardUrl } from '../../api/campaigns.ts';
import { Loading } from '../../layout/Loading.tsx';
import { usePageTitle } from '../../layout/use-page-title.ts';
import { LoadError } from '../../portal/LoadError.tsx';
import { useApi } from '../../portal/use-api.ts';
import { useLanguage } from '../../portal/use-language.ts';
import { parseQuizResult } from './result-params.ts';

/** Where a shared result link leads: the score card, and an invitation to play. */
export function ResultPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const result = parseQuizResult(params.get('score'), params.get('of'));
  const [attempt, setAttempt] = useState(0);
  const campaign = useApi((signal) => campaignsApi.get(slug, language, signal), [slug, language, attempt]);
  usePageTitle(campaign.status === 'ready' ? campaign.data.title : t('campaigns.quiz.heading'));
  const base = `/campaigns/${encodeURIComponent(slug)}`;

  return (
    <div className="container container--narrow page quiz-page">
      {campaign.status === 'loading' && <Loading label={t('app.loading')} />}
      {campaign.status === 'failed' && (
        <>
          <h1>{t('campaigns.quiz.heading')}</h1>
          <LoadError error={campaign.error} onRetry={() => setAttempt((n) => n + 1)} />
        </>
      )}
      {campaign.status === 'ready' && (
        <section className="quiz-end" data-testid="result-page">
          <p className="page__eyebrow">{campaign.data.title}</p>
          <h1>{result ? t('campaigns.result.sharedScore', { score: result.score, of: result.of }) : t('campaigns.result.invite')}</h1>
          {result && (
            <img
              className="quiz-end__card"
              src={resultCardUrl(campaign.data.slug, result.score, result.of, language)}
              width={1200}
              height={630}
              alt={t('campaigns.result.cardAlt', { score: result.score, of: result.of, title: campaign.data.title })}
              data-testid="result-card"
            />
          )}
          <p className="quiz-end__band">{t('campaigns.result.canYou')}</p>
          <Link to={`${base}/quiz`} className="button campaign-play">
            {t('campaigns.play', { count: campaign.data.quizCount })}
          </Link>
          <p>
            <Link to={base}>{t('campaigns.result.about', { title: campaign.data.title })}</Link>
          </p>
        </section>
      )}
    </div>
  );
}
