import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { publicApi } from '../../api/public.ts';
import { Loading } from '../../layout/Loading.tsx';
import { usePageTitle } from '../../layout/use-page-title.ts';
import { formatDate } from '../../portal/format.ts';
import { LoadError } from '../../portal/LoadError.tsx';
import { ShareButton } from '../../portal/ShareButton.tsx';
import { useApi } from '../../portal/use-api.ts';
import { useLanguage } from '../../portal/use-language.ts';

/** One awareness article; its HTML is rendered on the server from markdown with raw HTML disabled. */
export function ArticlePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { slug = '' } = useParams();
  const [attempt, setAttempt] = useState(0);
  const article = useApi((signal) => publicApi.article(slug, language, signal), [slug, language, attempt]);
  usePageTitle(article.status === 'ready' ? article.data.title : t('library.title'));

  return (
    <div className="container container--text page">
      <p>
        <Link to="/library">← {t('library.back')}</Link>
      </p>
      {article.status === 'loading' && <Loading label={t('app.loading')} />}
      {article.status === 'failed' && (
        <>
          <h1>{t('library.title')}</h1>
          <LoadError error={article.error} onRetry={() => setAttempt((n) => n + 1)} />
        </>
      )}
      {article.status === 'ready' && (
        <article className="article" lang={article.data.lang}>
          <p className="page__eyebrow">{t(`fraudTypes.${article.data.fraudType}.name`)}</p>
          <h1>{article.data.title}</h1>
          {article.data.lang !== language && <p className="notice">{t('library.otherLanguage')}</p>}
          <p className="article__lead">{article.data.summary}</p>
          <div className="article__body" dangerouslySetInnerHTML={{ __html: article.data.html }} />
          <p className="muted">
            {t('library.updated', { date: formatDate(article.data.updatedAt, language) })}
          </p>
          <ShareButton title={article.data.title} url={`/library/${encodeURIComponent(article.data.slug)}`} />
          <aside className="callout callout--info article__report">
            <p>
              {t('library.happened')} <Link to="/report">{t('library.reportLink')}</Link>
            </p>
          </aside>
        </article>
      )}
    </div>
  );
}
