import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { publicApi } from '../../api/public.ts';
import { Loading } from '../../layout/Loading.tsx';
import { usePageTitle } from '../../layout/use-page-title.ts';
import { LoadError } from '../../portal/LoadError.tsx';
import { useApi } from '../../portal/use-api.ts';
import { useLanguage } from '../../portal/use-language.ts';
import { CategoryIcon } from '../report/CategoryIcon.tsx';

/** One article per fraud type: the signs, examples, how to protect yourself, what to do. */
export function LibraryPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('library.title'));
  const [attempt, setAttempt] = useState(0);
  const articles = useApi((signal) => publicApi.articles(language, signal), [language, attempt]);

  return (
    <div className="container page">
      <h1>{t('library.heading')}</h1>
      <p className="page__intro">{t('library.intro')}</p>
      {articles.status === 'loading' && <Loading label={t('app.loading')} />}
      {articles.status === 'failed' && <LoadError error={articles.error} onRetry={() => setAttempt((n) => n + 1)} />}
      {articles.status === 'ready' && articles.data.items.length === 0 && <p>{t('library.empty')}</p>}
      {articles.status === 'ready' && articles.data.items.length > 0 && (
        <ul className="article-list">
          {articles.data.items.map((article) => (
            <li key={article.slug} className="card article-card">
              <CategoryIcon type={article.fraudType} />
              <div>
                <h2 className="article-card__title">
                  <Link to={`/library/${encodeURIComponent(article.slug)}`}>{article.title}</Link>
                </h2>
                <p>{article.summary}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/alerts">{t('library.alertsLink')}</Link>
      </p>
    </div>
  );
}
