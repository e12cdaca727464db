import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import {
  createAlert,
  createArticle,
  getContent,
  itemPath,
  updateAlert,
  updateArticle,
  type ContentItem,
  type ContentKind,
  type ContentLanguage,
  type TextInput,
  type TranslationsInput,
} from '../../../api/content-admin.ts';
import { FRAUD_TYPES } from '../../../api/public.ts';
import { ConfirmDialog } from '../../../console/ConfirmDialog.tsx';
import { fraudTypeKey } from '../../../console/labels.ts';
import { fieldErrors, ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { LanguageTab } from './LanguageTab.tsx';
import { PublicationPanel } from './PublicationPanel.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import './content-editor.css';

const LANGUAGES: readonly ContentLanguage[] = ['vi', 'en'];
const EMPTY_TEXT: TextInput = { title: '', summary: '', bodyMarkdown: '' };

interface Form {
  slug: string;
  fraudType: string;
  fraudTypes: string[];
  translations: Record<ContentLanguage, TextInput>;
}

function formOf(item: ContentItem | null, kind: ContentKind): Form {
  const text = (l: ContentLanguage): TextInput => {
    const t = item?.translations[l];
    return t ? { title: t.title, summary: t.summary, bodyMarkdown: t.bodyMarkdown ?? '' } : EMPTY_TEXT;
  };
  return {
    slug: item?.kind === 'article' ? item.slug : '',
    fraudType: item?.kind === 'article' ? item.fraudType : kind === 'article' ? FRAUD_TYPES[0]! : '',
    fraudTypes: item?.kind === 'alert' ? item.fraudTypes : [],
    translations: { vi: text('vi'), en: text('en') },
  };
}

/** The language versions worth sending: a tab left entirely empty is "not written". */
function translationsBody(form: Form): TranslationsInput {
  const body: TranslationsInput = {};
  for (const l of LANGUAGES) {
    const t = form.translations[l];
    if (t.title.trim() || t.summary.trim() || t.bodyMarkdown.trim()) body[l] = t;
  }
  return body;
}

/** One article or alert: both languages in tabs, each with a live server preview; publication beside. */
export function ContentEditorPage({ kind }: { kind: ContentKind }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { key } = useParams();
  const isNew = key === undefined;
  const [item, setItem] = useState<ContentItem | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [form, setForm] = useState<Form>(() => formOf(null, kind));
  const [saved, setSaved] = useState<Form>(() => formOf(null, kind));
  const [tab, setTab] = useState<ContentLanguage>('vi');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const leaving = useRef(false);

  const title = isNew ? t(kind === 'article' ? 'contentEditor.editor.newArticle' : 'contentEditor.editor.newAlert') : (item?.translations.vi?.title ?? item?.translations.en?.title ?? t('contentEditor.loading'));
  usePageTitle(title);

  const load = useCallback(async () => {
    if (isNew) return;
    setLoadError(null);
    try {
      const loaded = await getContent(kind, key);
      setItem(loaded);
      setForm(formOf(loaded, kind));
      setSaved(formOf(loaded, kind));
      setError(null);
    } catch (e) {
      setLoadError(e);
    }
  }, [isNew, kind, key]);
  useEffect(() => {
    void load();
  }, [load]);

  const dirty = useMemo(() => JSON.stringify(form) !== JSON.stringify(saved), [form, saved]);

  // Unsaved changes: the router asks before leaving the page, the browser before closing or reloading it.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const setText = (lang: ContentLanguage, next: TextInput) => setForm((f) => ({ ...f, translations: { ...f.translations, [lang]: next } }));

  const accept = (next: ContentItem, message: string) => {
    setItem(next);
    setForm(formOf(next, kind));
    setSaved(formOf(next, kind));
    setError(null);
    setNotice(message);
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const translations = translationsBody(form);
      if (isNew) {
        const created = kind === 'article' ? await createArticle({ slug: form.slug.trim(), fraudType: form.fraudType, translations }) : await createAlert({ fraudTypes: form.fraudTypes, translations });
        accept(created, t('contentEditor.editor.created'));
        leaving.current = true;
        navigate(`/console/content/${itemPath(created)}`, { replace: true });
        leaving.current = false;
      } else if (item) {
        const next =
          item.kind === 'article'
            ? await updateArticle(item.slug, { version: item.version, fraudType: form.fraudType, translations })
            : await updateAlert(item.id, { version: item.version, fraudTypes: form.fraudTypes, translations });
        accept(next, t('contentEditor.editor.saved'));
      }
    } catch (e) {
      setError(e);
      // Point at the first language tab the server complained about.
      const bad = LANGUAGES.find((l) => fieldErrors(e, `/translations/${l}`).length > 0);
      if (bad) setTab(bad);
    } finally {
      setBusy(false);
    }
  };

  const stale = error instanceof ApiError && (error.status === 409 || error.status === 412) && fieldErrors(error, '/version').length > 0;
  const slugErrors = fieldErrors(error, '/slug');
  const fraudErrors = fieldErrors(error, kind === 'article' ? '/fraudType' : '/fraudTypes');

  if (loadError) {
    return (
      <div className="page console-page content-editor">
        <h1>{t('contentEditor.editor.loadFailed')}</h1>
        <ProblemNotice error={loadError} />
        <Link to="/console/content">{t('contentEditor.editor.backToList')}</Link>
      </div>
    );
  }
  if (!isNew && !item) return <p className="loading page" role="status">{t('contentEditor.loading')}</p>;

  return (
    <div className="page console-page content-editor">
      <p>
        <Link to="/console/content">← {t('contentEditor.editor.backToList')}</Link>
      </p>
      <div className="console-page__head">
        <h1>{title}</h1>
        {item && <StatusBadge status={item.status} />}
      </div>

      <div className="content-editor__layout">
        <form
          className="content-editor__form"
          noValidate
          aria-label={t('contentEditor.editor.formLabel')}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {kind === 'article' && (
            <div className="content-editor__meta">
              <div className="field">
                <label className="field__label" htmlFor="content-slug">{t('contentEditor.editor.slug')}</label>
                <input
                  id="content-slug"
                  className="field__input"
                  value={form.slug}
                  readOnly={!isNew}
                  autoCapitalize="none"
                  spellCheck={false}
                  onChange={(e) => setForm((f) => ({ ...f, slug: e.target.value }))}
                  aria-invalid={slugErrors.length > 0 ? true : undefined}
                  aria-describedby={`content-slug-hint${slugErrors.length > 0 ? ' content-slug-error' : ''}`}
                />
                <p id="content-slug-hint" className="field__hint">{isNew ? t('contentEditor.editor.slugHint') : t('contentEditor.editor.slugFixed')}</p>
                {slugErrors.length > 0 && <p id="content-slug-error" className="field__error">{slugErrors.join(' ')}</p>}
              </div>
              <div className="field">
                <label className="field__label" htmlFor="content-fraud-type">{t('contentEditor.editor.fraudType')}</label>
                <select
                  id="content-fraud-type"
                  className="field__input"
                  value={form.fraudType}
                  onChange={(e) => setForm((f) => ({ ...f, fraudType: e.target.value }))}
                  aria-invalid={fraudErrors.length > 0 ? true : undefined}
                  aria-describedby={fraudErrors.length > 0 ? 'content-fraud-error' : undefined}
                >
                  {FRAUD_TYPES.map((f) => (
                    <option key={f} value={f}>{t(fraudTypeKey(f))}</option>
                  ))}
                </select>
                {fraudErrors.length > 0 && <p id="content-fraud-error" className="field__error">{fraudErrors.join(' ')}</p>}
              </div>
            </div>
          )}
          {kind === 'alert' && (
            <fieldset className="content-editor__types" aria-describedby={fraudErrors.length > 0 ? 'content-fraud-error' : 'content-types-hint'}>
              <legend>{t('contentEditor.editor.fraudTypes')}</legend>
              <p id="content-types-hint" className="field__hint">{t('contentEditor.editor.fraudTypesHint')}</p>
              <div className="content-editor__type-grid">
                {FRAUD_TYPES.map((f) => (
                  <label key={f} className="check">
                    <input
                      type="checkbox"
                      checked={form.fraudTypes.includes(f)}
                      onChange={() => setForm((x) => ({ ...x, fraudTypes: x.fraudTypes.includes(f) ? x.fraudTypes.filter((y) => y !== f) : [...x.fraudTypes, f] }))}
                    />{' '}
                    {t(fraudTypeKey(f))}
                  </label>
                ))}
              </div>
              {fraudErrors.length > 0 && <p id="content-fraud-error" className="field__error">{fraudErrors.join(' ')}</p>}
            </fieldset>
          )}

          <div className="content-editor__tabs" role="tablist" aria-label={t('contentEditor.editor.languages')}>
            {LANGUAGES.map((l) => {
              const invalid = fieldErrors(error, `/translations/${l}`).length > 0;
              const written = !!(form.translations[l].title || form.translations[l].bodyMarkdown);
              return (
                <button
                  key={l}
                  type="button"
                  role="tab"
                  id={`content-tab-${l}`}
                  aria-controls={`content-panel-${l}`}
                  aria-selected={tab === l}
                  tabIndex={tab === l ? 0 : -1}
                  className={`content-editor__tab${tab === l ? ' is-active' : ''}`}
                  onClick={() => setTab(l)}
                  onKeyDown={(e) => {
                    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                      const next = LANGUAGES[(LANGUAGES.indexOf(l) + 1) % LANGUAGES.length]!;
                      setTab(next);
                      document.getElementById(`content-tab-${next}`)?.focus();
                    }
                  }}
                >
                  {t(`contentEditor.languages.${l}`)}
                  <span className={`content-editor__tab-state${invalid ? ' is-invalid' : ''}`}>
                    {invalid ? t('contentEditor.editor.tabInvalid') : written ? t('contentEditor.editor.tabWritten') : t('contentEditor.editor.tabEmpty')}
                  </span>
                </button>
              );
            })}
          </div>
          {LANGUAGES.map((l) => (
            <div key={l} role="tabpanel" id={`content-panel-${l}`} aria-labelledby={`content-tab-${l}`} hidden={tab !== l}>
              {tab === l && <LanguageTab lang={l} value={form.translations[l]} onChange={(next) => setText(l, next)} error={error} />}
            </div>
          ))}

          {stale && (
            <div className="notice notice--error" role="alert" data-testid="stale">
              <p>{t('contentEditor.editor.stale')}</p>
              <button type="button" className="button button--secondary" onClick={() => void load()}>{t('contentEditor.editor.reload')}</button>
            </div>
          )}
          {!stale && <ProblemNotice error={error} />}
          {notice && <p className="notice notice--success" role="status">{notice}</p>}
          <div className="button-row content-editor__save">
            <button type="submit" className="button button--primary" disabled={busy || (!dirty && !isNew)}>
              {busy ? t('console.common.working') : isNew ? t('contentEditor.editor.create') : t('contentEditor.editor.save')}
            </button>
            {dirty && <span className="muted" role="status">{t('contentEditor.editor.unsaved')}</span>}
          </div>
        </form>

        {item && <PublicationPanel item={item} dirty={dirty} onChanged={(next, message) => accept(next, message)} />}
      </div>

      <ConfirmDialog
        open={blocker.state === 'blocked'}
        title={t('contentEditor.editor.leaveTitle')}
        confirmLabel={t('contentEditor.editor.leaveConfirm')}
        danger
        onConfirm={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        <p>{t('contentEditor.editor.leaveBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
