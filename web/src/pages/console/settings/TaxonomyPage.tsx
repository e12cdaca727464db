import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changeCategory, listTaxonomy, taxonomyUsage, type CategoryUsage, type FraudCategory, type FraudCategoryPatch } from '../../../api/settings.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatNumber } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { TextInput } from '../admin/AdminFields.tsx';
import { CheckboxField, TextArea } from './SettingsFields.tsx';

/** The fraud categories: names and descriptions in both languages, offered or not, order, and how much each is used. */
export function TaxonomyPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('settings.taxonomy.title'));
  const [items, setItems] = useState<FraudCategory[]>([]);
  const [usage, setUsage] = useState<Map<string, CategoryUsage>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<FraudCategory | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await listTaxonomy()).items);
      setError(null);
    } catch (e) {
      setError(e);
    }
    // The counts are a pass over three tables; the list shows without them meanwhile.
    taxonomyUsage()
      .then((u) => setUsage(new Map(u.items.map((i) => [i.code, i]))))
      .catch(setError);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <h2>{t('settings.taxonomy.title')}</h2>
      <p className="settings-intro">{t('settings.taxonomy.intro')}</p>
      {done && <p className="notice notice--success" role="status" data-testid="settings-done">{done}</p>}
      <ProblemNotice error={error} />
      {editing && (
        <CategoryForm
          key={editing.code}
          category={editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved, changed) => {
            setEditing(null);
            setDone(changed ? t('settings.taxonomy.done', { name: saved.name[language] }) : t('settings.taxonomy.nothingChanged'));
            void load();
          }}
        />
      )}
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="console-table admin-table">
            <caption className="visually-hidden">{t('settings.taxonomy.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.taxonomy.order')}</th>
                <th scope="col">{t('settings.taxonomy.name')}</th>
                <th scope="col">{t('settings.taxonomy.description')}</th>
                <th scope="col">{t('settings.taxonomy.state')}</th>
                <th scope="col">{t('settings.taxonomy.usage')}</th>
                <th scope="col">{t('settings.common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => {
                const u = usage.get(c.code);
                return (
                  <tr key={c.code} data-testid="category-row" data-code={c.code}>
                    <td>{c.position}</td>
                    <td>
                      <strong lang="vi">{c.name.vi}</strong>
                      <br />
                      <span lang="en">{c.name.en}</span>
                      <br />
                      <code className="admin-muted">{c.code}</code>
                    </td>
                    <td className="settings-description">{c.description[language]}</td>
                    <td>
                      <span className={`badge ${c.active ? 'admin-badge--on' : 'admin-badge--off'}`}>{c.active ? t('settings.taxonomy.active') : t('settings.taxonomy.inactive')}</span>
                    </td>
                    <td className="admin-muted" data-testid="category-usage">
                      {u ? t('settings.taxonomy.usageLine', { reports: formatNumber(u.reports, language), cases: formatNumber(u.cases, language), indicators: formatNumber(u.indicators, language) }) : '…'}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => { setDone(null); setEditing(c); }}
                        aria-label={t('settings.taxonomy.editFor', { name: c.name[language] })}
                      >
                        {t('settings.common.edit')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function CategoryForm({ category, onCancel, onSaved }: { category: FraudCategory; onCancel: () => void; onSaved: (saved: FraudCategory, changed: boolean) => void }) {
  const { t } = useTranslation();
  const [nameVi, setNameVi] = useState(category.name.vi);
  const [nameEn, setNameEn] = useState(category.name.en);
  const [descriptionVi, setDescriptionVi] = useState(category.description.vi);
  const [descriptionEn, setDescriptionEn] = useState(category.description.en);
  const [active, setActive] = useState(category.active);
  const [position, setPosition] = useState(String(category.position));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const language = useLanguage();
  const formRef = useRef<HTMLFormElement>(null);
  // The form opens above the table, possibly far from the row's button: take focus (and the view) there.
  useEffect(() => {
    formRef.current?.querySelector('input')?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Only what differs is sent, so the audit record says exactly what changed.
    const patch: FraudCategoryPatch = {};
    if (nameVi !== category.name.vi) patch.nameVi = nameVi;
    if (nameEn !== category.name.en) patch.nameEn = nameEn;
    if (descriptionVi !== category.description.vi) patch.descriptionVi = descriptionVi;
    if (descriptionEn !== category.description.en) patch.descriptionEn = descriptionEn;
    if (active !== category.active) patch.active = active;
    if (position.trim() !== String(category.position)) patch.position = Number(position.trim());
    if (Object.keys(patch).length === 0) {
      onSaved(category, false);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSaved(await changeCategory(category.code, patch), true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const id = `category-${category.code}`;
  return (
    <form ref={formRef} className="card admin-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="category-form">
      <h3 id={`${id}-title`}>{t('settings.taxonomy.editTitle', { name: category.name[language], code: category.code })}</h3>
      <div className="admin-form__grid">
        <TextInput id={`${id}-name-vi`} label={t('settings.taxonomy.nameVi')} pointer="/nameVi" error={error} value={nameVi} onChange={setNameVi} />
        <TextInput id={`${id}-name-en`} label={t('settings.taxonomy.nameEn')} pointer="/nameEn" error={error} value={nameEn} onChange={setNameEn} />
        <TextArea id={`${id}-description-vi`} label={t('settings.taxonomy.descriptionVi')} pointer="/descriptionVi" error={error} value={descriptionVi} onChange={setDescriptionVi} />
        <TextArea id={`${id}-description-en`} label={t('settings.taxonomy.descriptionEn')} pointer="/descriptionEn" error={error} value={descriptionEn} onChange={setDescriptionEn} />
        <TextInput id={`${id}-position`} label={t('settings.taxonomy.positionLabel')} hint={t('settings.taxonomy.positionHint')} pointer="/position" error={error} value={position} onChange={setPosition} type="number" />
        <CheckboxField id={`${id}-active`} label={t('settings.taxonomy.activeLabel')} hint={t('settings.taxonomy.activeHint')} pointer="/active" error={error} checked={active} onChange={setActive} />
      </div>
      <ProblemNotice error={error} />
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>{t('console.common.cancel')}</button>
        <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('console.common.working') : t('settings.common.save')}</button>
      </div>
    </form>
  );
}
