import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePublication, type ContentItem, type PublicationRequest } from '../../../api/content-admin.ts';
import { ConfirmDialog } from '../../../console/ConfirmDialog.tsx';
import { fieldErrors } from '../../../console/ProblemNotice.tsx';
import { formatDateTime } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { fromVietnamInput, toVietnamInput } from './vietnam-time.ts';

type Action = PublicationRequest['action'];

/** Publish now, schedule (Vietnam time) or unpublish with a reason, each confirmed in a dialog. */
export function PublicationPanel({ item, dirty, onChanged }: { item: ContentItem; dirty: boolean; onChanged: (next: ContentItem, message: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [action, setAction] = useState<Action | null>(null);
  const [when, setWhen] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const key = item.kind === 'article' ? item.slug : item.id;
  const complete = item.languages.length === 2;
  const canUnpublish = item.status === 'published' || item.status === 'scheduled';

  const open = (a: Action) => {
    setError(null);
    setReason('');
    setWhen(toVietnamInput(new Date(Date.now() + 3_600_000)));
    setAction(a);
  };

  const run = async () => {
    if (!action) return;
    setBusy(true);
    setError(null);
    try {
      const request: PublicationRequest =
        action === 'publish' ? { action } : action === 'schedule' ? { action, publishAt: fromVietnamInput(when) ?? '' } : { action, reason };
      const next = await changePublication(item.kind, key, item.version, request);
      setAction(null);
      onChanged(next, t(`contentEditor.publication.done.${action}`));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const whenErrors = fieldErrors(error, '/publishAt');
  const reasonErrors = fieldErrors(error, '/reason');
  return (
    <aside className="content-editor__publication card" aria-labelledby="publication-title">
      <h2 id="publication-title">{t('contentEditor.publication.title')}</h2>
      <dl className="details">
        <div className="details__row">
          <dt>{t('contentEditor.list.status')}</dt>
          <dd><StatusBadge status={item.status} /></dd>
        </div>
        {item.publishAt && (
          <div className="details__row">
            <dt>{item.status === 'scheduled' ? t('contentEditor.publication.goesLive') : t('contentEditor.publication.publishedAt')}</dt>
            <dd>{formatDateTime(item.publishAt, language)}</dd>
          </div>
        )}
        {item.status === 'unpublished' && item.statusReason && (
          <div className="details__row">
            <dt>{t('contentEditor.publication.reason')}</dt>
            <dd>{item.statusReason}</dd>
          </div>
        )}
      </dl>
      {!complete && <p className="notice notice--error">{t('contentEditor.publication.needsBoth')}</p>}
      {dirty && <p className="field__hint">{t('contentEditor.publication.saveFirst')}</p>}
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={dirty || !complete} onClick={() => open('publish')}>
          {t('contentEditor.publication.publish')}
        </button>
        <button type="button" className="button button--secondary" disabled={dirty || !complete} onClick={() => open('schedule')}>
          {t('contentEditor.publication.schedule')}
        </button>
        {canUnpublish && (
          <button type="button" className="button button--danger" disabled={dirty} onClick={() => open('unpublish')}>
            {t('contentEditor.publication.unpublish')}
          </button>
        )}
      </div>

      <ConfirmDialog
        open={action !== null}
        title={action ? t(`contentEditor.publication.confirmTitle.${action}`) : ''}
        confirmLabel={action ? t(`contentEditor.publication.${action}`) : ''}
        danger={action === 'unpublish'}
        busy={busy}
        error={error}
        onConfirm={() => void run()}
        onCancel={() => setAction(null)}
      >
        {action === 'publish' && <p>{t('contentEditor.publication.publishBody')}</p>}
        {action === 'schedule' && (
          <div className="field">
            <label className="field__label" htmlFor="publication-when">{t('contentEditor.publication.when')}</label>
            <input
              id="publication-when"
              type="datetime-local"
              className="field__input"
              value={when}
              onChange={(e) => setWhen(e.target.value)}
              aria-invalid={whenErrors.length > 0 || undefined}
              aria-describedby={`publication-when-hint${whenErrors.length > 0 ? ' publication-when-error' : ''}`}
            />
            <p id="publication-when-hint" className="field__hint">{t('contentEditor.publication.whenHint')}</p>
            {whenErrors.length > 0 && <p id="publication-when-error" className="field__error">{whenErrors.join(' ')}</p>}
          </div>
        )}
        {action === 'unpublish' && (
          <>
            <p>{t('contentEditor.publication.unpublishBody')}</p>
            <div className="field">
              <label className="field__label" htmlFor="publication-reason">{t('contentEditor.publication.reason')}</label>
              <textarea
                id="publication-reason"
                className="field__input"
                rows={3}
                maxLength={1000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                aria-invalid={reasonErrors.length > 0 || undefined}
                aria-describedby={reasonErrors.length > 0 ? 'publication-reason-error' : undefined}
              />
              {reasonErrors.length > 0 && <p id="publication-reason-error" className="field__error">{reasonErrors.join(' ')}</p>}
            </div>
          </>
        )}
      </ConfirmDialog>
    </aside>
  );
}
