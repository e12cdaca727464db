import { useEffect, useMemo, useState } from 'react';
import { useAddressParam } from '../../../console/use-address-param.ts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CONTENT_STATUSES, itemPath, listAlerts, listArticles, type ContentItem, type ContentKind, type ContentStatus } from '../../../api/content-admin.ts';
import { fraudTypeKey } from '../../../console/labels.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatDateTime } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { StatusBadge } from './StatusBadge.tsx';
import './content-editor.css';

type Completeness = 'complete' | 'incomplete';

/** Articles and alerts in one table, filtered by kind, status and whether both languages are written. */
export function ContentListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('contentEditor.list.title'));
  // The filters live in the address, so a filtered list is a link and back/forward work.
  const [searchParams] = useSearchParams();
  const kind = (searchParams.get('kind') ?? '') as ContentKind | '';
  const status = (searchParams.get('status') ?? '') as ContentStatus | '';
  const completeness = (searchParams.get('languages') ?? '') as Completeness | '';
  const [items, setItems] = useState<ContentItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    const filter = { ...(status ? { status } : {}), ...(completeness ? { complete: completeness === 'complete' } : {}) };
    setError(null);
    Promise.all([kind === 'alert' ? { items: [] } : listArticles(filter, controller.signal), kind === 'article' ? { items: [] } : listAlerts(filter, controller.signal)])
      .then(([articles, alerts]) => setItems([...alerts.items, ...articles.items]))
      .catch((e) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, [kind, status, completeness]);

  const setFilter = useAddressParam();

  const rows = useMemo(() => items ?? [], [items]);
  const titleOf = (item: ContentItem) => item.translations[language]?.title ?? item.translations.vi?.title ?? item.translations.en?.title ?? '—';
  const typesOf = (item: ContentItem) => (item.kind === 'article' ? [item.fraudType] : item.fraudTypes).map((f) => t(fraudTypeKey(f))).join(', ');

  return (
    <div className="page console-page content-editor">
      <div className="console-page__head">
        <h1>{t('contentEditor.list.title')}</h1>
        <div className="button-row">
          <Link className="button button--primary" to="alerts/new">{t('contentEditor.list.newAlert')}</Link>
          <Link className="button button--secondary" to="articles/new">{t('contentEditor.list.newArticle')}</Link>
        </div>
      </div>
      <p className="page__intro">{t('contentEditor.list.intro')}</p>

      <form className="queue-filters" role="search" aria-label={t('contentEditor.list.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor="content-kind">{t('contentEditor.list.kind')}</label>
          <select id="content-kind" className="field__input" value={kind} onChange={(e) => setFilter('kind', e.target.value)}>
            <option value="">{t('contentEditor.list.any')}</option>
            <option value="alert">{t('contentEditor.kinds.alert')}</option>
            <option value="article">{t('contentEditor.kinds.article')}</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="content-status">{t('contentEditor.list.status')}</label>
          <select id="content-status" className="field__input" value={status} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">{t('contentEditor.list.any')}</option>
            {CONTENT_STATUSES.map((s) => (
              <option key={s} value={s}>{t(`contentEditor.statuses.${s}`)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="content-languages">{t('contentEditor.list.languages')}</label>
          <select id="content-languages" className="field__input" value={completeness} onChange={(e) => setFilter('languages', e.target.value)}>
            <option value="">{t('contentEditor.list.any')}</option>
            <option value="complete">{t('contentEditor.list.complete')}</option>
            <option value="incomplete">{t('contentEditor.list.incomplete')}</option>
          </select>
        </div>
      </form>

      <ProblemNotice error={error} />
      {items === null && !error && <p className="loading" role="status">{t('contentEditor.loading')}</p>}
      {items !== null && rows.length === 0 && <p className="muted" role="status">{t('contentEditor.list.empty')}</p>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="console-table" data-testid="content-table">
            <caption className="visually-hidden">{t('contentEditor.list.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('contentEditor.list.titleColumn')}</th>
                <th scope="col">{t('contentEditor.list.kind')}</th>
                <th scope="col">{t('contentEditor.list.status')}</th>
                <th scope="col">{t('contentEditor.list.languages')}</th>
                <th scope="col">{t('contentEditor.list.fraudTypes')}</th>
                <th scope="col">{t('contentEditor.list.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((item) => (
                <tr key={`${item.kind}:${item.id}`} data-content-id={item.id}>
                  <td>
                    <Link to={itemPath(item)}>{titleOf(item)}</Link>
                    {item.kind === 'article' && <div className="muted content-editor__slug">/{item.slug}</div>}
                  </td>
                  <td>{t(`contentEditor.kinds.${item.kind}`)}</td>
                  <td>
                    <StatusBadge status={item.status} />
                    {item.publishAt && item.status !== 'draft' && <div className="muted nowrap">{formatDateTime(item.publishAt, language)}</div>}
                  </td>
                  <td>
                    <span className="content-editor__langs">
                      {(['vi', 'en'] as const).map((l) => (
                        <span key={l} className={`content-editor__lang ${item.languages.includes(l) ? 'is-written' : 'is-missing'}`}>
                          {l.toUpperCase()}
                          <span className="visually-hidden"> {item.languages.includes(l) ? t('contentEditor.list.written') : t('contentEditor.list.missing')}</span>
                        </span>
                      ))}
                    </span>
                  </td>
                  <td>{typesOf(item)}</td>
                  <td className="nowrap">{formatDateTime(item.updatedAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
