import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listTemplates, TEMPLATE_AUDIENCES, type MessageTemplate } from '../../../api/message-templates.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatDateTime } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { purposeKey } from './purpose-labels.ts';

/** Every template by audience and purpose, both languages side by side. */
export function TemplateListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('templates.list.title'));
  const [items, setItems] = useState<MessageTemplate[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    listTemplates(controller.signal)
      .then((r) => setItems(r.items))
      .catch((e) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, []);

  const purposes = (audience: string) => [...new Set((items ?? []).filter((i) => i.audience === audience).map((i) => i.purpose))];
  const one = (purpose: string, locale: string) => items?.find((i) => i.purpose === purpose && i.locale === locale);

  return (
    <div className="page console-page templates-page">
      <h1>{t('templates.list.title')}</h1>
      <p className="page__intro">{t('templates.list.intro')}</p>
      <ProblemNotice error={error} />
      {items === null && !error && <p className="loading" role="status">{t('templates.loading')}</p>}
      {items !== null &&
        TEMPLATE_AUDIENCES.map((audience) => (
          <section key={audience} className="card templates-page__audience" aria-labelledby={`audience-${audience}`}>
            <h2 id={`audience-${audience}`}>{t(`templates.audiences.${audience}`)}</h2>
            <div className="table-scroll">
              <table className="console-table" data-testid={`templates-${audience}`}>
                <thead>
                  <tr>
                    <th scope="col">{t('templates.list.purpose')}</th>
                    <th scope="col">Tiếng Việt</th>
                    <th scope="col">English</th>
                  </tr>
                </thead>
                <tbody>
                  {purposes(audience).map((purpose) => (
                    <tr key={purpose} data-purpose={purpose}>
                      <th scope="row">{t(purposeKey(purpose))}</th>
                      {(['vi', 'en'] as const).map((locale) => {
                        const item = one(purpose, locale);
                        if (!item) return <td key={locale}>—</td>;
                        return (
                          <td key={locale}>
                            <Link to={`${purpose}/${locale}`}>
                              <span className="visually-hidden">{t('templates.list.edit', { purpose: t(purposeKey(purpose)), language: locale === 'vi' ? 'Tiếng Việt' : 'English' })}: </span>
                              {item.subject}
                            </Link>
                            <div className="muted">
                              {item.isDefault ? t('templates.list.default') : t('templates.list.custom', { version: item.version })}
                              {item.updatedAt && <> · {formatDateTime(item.updatedAt, language)}</>}
                            </div>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
    </div>
  );
}
