import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CAMPAIGN_THEMES, consoleCampaignsApi, type CampaignAdmin, type CampaignStatus } from '../../../api/campaigns.ts';
import { FRAUD_TYPES } from '../../../api/public.ts';
import { ConfirmDialog } from '../../../console/ConfirmDialog.tsx';
import { fraudTypeKey } from '../../../console/labels.ts';
import { fieldErrors, ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { emptyForm, formOf, inputOf, type CampaignForm } from './campaign-form.ts';
import { ChoiceList } from './ChoiceList.tsx';
import { QuizItemsEditor } from './QuizItemsEditor.tsx';
import { TextField } from './TextField.tsx';
import { TextsFields } from './TextsFields.tsx';
import { useCanWriteCampaigns } from './use-can-write.ts';

interface Options {
  organizations: { value: string; label: string }[];
  articles: { slug: string; title: string }[];
  alerts: { value: string; label: string }[];
}

const today = () => new Date().toISOString().slice(0, 10);

/** What the editor offers to choose from; a list that cannot be loaded is empty (the form still works). */
async function loadOptions(language: 'vi' | 'en', signal: AbortSignal): Promise<Options> {
  const [organizations, articles, alerts] = await Promise.all([
    consoleCampaignsApi.organizations(signal).catch(() => ({ items: [] })),
    consoleCampaignsApi.articles(language, signal).catch(() => ({ items: [] })),
    consoleCampaignsApi.alerts(language, signal).catch(() => ({ items: [] })),
  ]);
  return {
    organizations: organizations.items.filter((o) => o.kind !== 'agency').map((o) => ({ value: o.id, label: o.name })),
    articles: articles.items.map((a) => ({ slug: a.slug, title: a.title })),
    alerts: alerts.items.map((a) => ({ value: a.id, label: a.title })),
  };
}

/** Create or edit a campaign: dates, theme, fraud types, partners, promoted content, texts and quiz. */
export function CampaignEditorPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id } = useParams();
  const navigate = useNavigate();
  const canWrite = useCanWriteCampaigns();
  const formId = useId();
  const [campaign, setCampaign] = useState<CampaignAdmin | null>(null);
  const [form, setForm] = useState<CampaignForm | null>(id ? null : emptyForm(today()));
  const [options, setOptions] = useState<Options>({ organizations: [], articles: [], alerts: [] });
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [statusAction, setStatusAction] = useState<CampaignStatus | null>(null);
  const [statusError, setStatusError] = useState<unknown>(null);
  const title = id ? t('campaigns.console.editTitle', { title: campaign?.vi.title || campaign?.slug || '…' }) : t('campaigns.console.newTitle');
  usePageTitle(title);

  useEffect(() => {
    const controller = new AbortController();
    void loadOptions(language, controller.signal).then((o) => {
      if (!controller.signal.aborted) setOptions(o);
    });
    return () => controller.abort();
  }, [language]);

  useEffect(() => {
    if (!id) return;
    const controller = new AbortController();
    consoleCampaignsApi.get(id, controller.signal).then(
      (c) => {
        setCampaign(c);
        setForm(formOf(c));
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setLoadError(e);
      },
    );
    return () => controller.abort();
  }, [id]);

  if (loadError) {
    return (
      <div className="page console-page">
        <h1>{t('campaigns.console.listTitle')}</h1>
        <ProblemNotice error={loadError} />
      </div>
    );
  }
  if (!form) return <p className="muted">{t('console.common.loading')}</p>;

  const update = (patch: Partial<CampaignForm>) => {
    setSaved(false);
    setForm({ ...form, ...patch });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!canWrite || saving) return;
    setSaving(true);
    setSaveError(null);
    try {
      const input = inputOf(form);
      if (campaign) {
        const next = await consoleCampaignsApi.update(campaign.id, input);
        setCampaign(next);
        setForm(formOf(next));
        setSaved(true);
      } else {
        const created = await consoleCampaignsApi.create(input, idempotencyKey);
        void navigate(`/console/campaigns/${created.id}`, { replace: true, state: { created: true } });
      }
    } catch (e) {
      setSaveError(e);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="problem"]')?.focus());
    } finally {
      setSaving(false);
    }
  };

  const changeStatus = async () => {
    if (!campaign || !statusAction) return;
    setStatusError(null);
    setSaving(true);
    try {
      // Publishing publishes what the form shows (saved in the same change); archiving changes the status only.
      const patch = statusAction === 'published' && canWrite ? { ...inputOf(form), status: statusAction } : { status: statusAction };
      const next = await consoleCampaignsApi.update(campaign.id, patch);
      setCampaign(next);
      setForm(formOf(next));
      setStatusAction(null);
    } catch (e) {
      setStatusError(e);
    } finally {
      setSaving(false);
    }
  };

  const themeErrors = fieldErrors(saveError, '/theme');
  const status = campaign?.status ?? 'draft';

  return (
    <div className="page console-page campaign-editor">
      <p>
        <Link to="/console/campaigns">← {t('campaigns.console.backToList')}</Link>
      </p>
      <div className="console-page__head">
        <h1>{title}</h1>
        {campaign && (
          <p>
            <span className={`badge campaign-status campaign-status--${status}`} data-testid="campaign-status">
              {t(`campaigns.console.statuses.${status}`)}
            </span>{' '}
            <Link to={`/console/campaigns/${campaign.id}/figures`}>{t('campaigns.console.figuresLink')}</Link>
          </p>
        )}
      </div>
      {!canWrite && <p className="notice" data-testid="read-only">{t('campaigns.console.readOnly')}</p>}
      {canWrite && campaign && (
        <div className="button-row campaign-editor__status">
          {status !== 'published' && (
            <button type="button" className="button button--primary" onClick={() => setStatusAction('published')}>
              {t('campaigns.console.publish')}
            </button>
          )}
          {status === 'published' && (
            <button type="button" className="button button--danger" onClick={() => setStatusAction('archived')}>
              {t('campaigns.console.archive')}
            </button>
          )}
        </div>
      )}

      <form id={formId} className="form campaign-form" onSubmit={(e) => void save(e)} noValidate>
        <fieldset disabled={!canWrite} className="campaign-form__all">
          <legend className="visually-hidden">{title}</legend>
          <section className="card campaign-section" aria-labelledby={`${formId}-basics`}>
            <h2 id={`${formId}-basics`}>{t('campaigns.console.basics')}</h2>
            <div className="campaign-grid campaign-grid--4">
              <TextField label={t('campaigns.console.fields.slug')} value={form.slug} onChange={(slug) => update({ slug })} error={saveError} pointer="/slug" hint={t('campaigns.console.fields.slugHint')} maxLength={80} />
              <TextField label={t('campaigns.console.fields.startsOn')} type="date" value={form.startsOn} onChange={(startsOn) => update({ startsOn })} error={saveError} pointer="/startsOn" />
              <TextField label={t('campaigns.console.fields.endsOn')} type="date" value={form.endsOn} onChange={(endsOn) => update({ endsOn })} error={saveError} pointer="/endsOn" />
              <div className="field">
                <label className="field__label" htmlFor={`${formId}-theme`}>
                  {t('campaigns.console.fields.theme')}
                </label>
                <select id={`${formId}-theme`} className="field__input" value={form.theme} onChange={(e) => update({ theme: e.target.value })} aria-invalid={themeErrors.length > 0 ? true : undefined}>
                  {CAMPAIGN_THEMES.map((theme) => (
                    <option key={theme} value={theme}>
                      {t(`campaigns.console.themes.${theme}`)}
                    </option>
                  ))}
                </select>
                {themeErrors.length > 0 && <p className="field__error">{themeErrors.join(' ')}</p>}
              </div>
            </div>
            <ChoiceList
              legend={t('campaigns.console.fields.fraudTypes')}
              options={FRAUD_TYPES.map((f) => ({ value: f, label: t(fraudTypeKey(f)) }))}
              value={form.fraudTypes}
              onChange={(fraudTypes) => update({ fraudTypes })}
              error={saveError}
              pointer="/fraudTypes"
            />
            <ChoiceList
              legend={t('campaigns.console.fields.partners')}
              options={options.organizations}
              value={form.partnerOrganizationIds}
              onChange={(partnerOrganizationIds) => update({ partnerOrganizationIds })}
              error={saveError}
              pointer="/partnerOrganizationIds"
            />
            <ChoiceList
              legend={t('campaigns.console.fields.articles')}
              options={options.articles.map((a) => ({ value: a.slug, label: a.title }))}
              value={form.articleSlugs}
              onChange={(articleSlugs) => update({ articleSlugs })}
              error={saveError}
              pointer="/articleSlugs"
            />
            <ChoiceList
              legend={t('campaigns.console.fields.alerts')}
              options={options.alerts}
              value={form.alertIds}
              onChange={(alertIds) => update({ alertIds })}
              error={saveError}
              pointer="/alertIds"
            />
          </section>

          <section className="card campaign-section" aria-labelledby={`${formId}-texts`}>
            <h2 id={`${formId}-texts`}>{t('campaigns.console.texts')}</h2>
            <div className="campaign-languages">
              <TextsFields lang="vi" value={form.vi} onChange={(vi) => update({ vi })} error={saveError} />
              <TextsFields lang="en" value={form.en} onChange={(en) => update({ en })} error={saveError} />
            </div>
          </section>

          <div className="card campaign-section">
            <QuizItemsEditor items={form.quiz} onChange={(quiz) => update({ quiz })} articles={options.articles} error={saveError} />
          </div>
        </fieldset>

        {canWrite && (
          <div className="campaign-editor__save">
            <ProblemNotice error={saveError} />
            <p role="status" className="campaign-editor__saved">
              {saved && t('campaigns.console.saved')}
            </p>
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? t('console.common.working') : campaign ? t('campaigns.console.save') : t('campaigns.console.createDraft')}
            </button>
          </div>
        )}
      </form>

      <ConfirmDialog
        open={statusAction !== null}
        title={statusAction === 'archived' ? t('campaigns.console.archiveTitle') : t('campaigns.console.publishTitle')}
        confirmLabel={statusAction === 'archived' ? t('campaigns.console.archive') : t('campaigns.console.publish')}
        danger={statusAction === 'archived'}
        busy={saving}
        error={statusError}
        onConfirm={() => void changeStatus()}
        onCancel={() => {
          setStatusAction(null);
          setStatusError(null);
        }}
      >
        <p>{statusAction === 'archived' ? t('campaigns.console.archiveBody') : t('campaigns.console.publishBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
