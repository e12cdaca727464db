import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DELIVERY_STATUSES, getWebhook, listDeliveries, replayDelivery, type DeliveryStatus, type WebhookDelivery, type WebhookSubscription } from '../../../api/admin-webhooks.ts';
import { ConfirmDialog } from '../../../console/ConfirmDialog.tsx';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatDateTime } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';

const REFRESH_MS = 5_000;

/** One subscription's delivery log, newest first, refreshed every few seconds; failed ones can be filtered; any can be replayed. */
export function WebhookDeliveriesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  usePageTitle(t('admin.deliveries.title'));
  const [subscription, setSubscription] = useState<WebhookSubscription | null>(null);
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const [items, setItems] = useState<WebhookDelivery[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);
  const [replaying, setReplaying] = useState<WebhookDelivery | null>(null);
  const [busy, setBusy] = useState(false);
  const [replayError, setReplayError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    getWebhook(id).then(setSubscription).catch(setError);
  }, [id]);

  const load = useCallback(async () => {
    try {
      setItems((await listDeliveries(id, status || undefined)).items);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoaded(true);
    }
  }, [id, status]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const replay = async () => {
    if (!replaying) return;
    setBusy(true);
    setReplayError(null);
    try {
      await replayDelivery(id, replaying.id);
      setDone(t('admin.deliveries.replayed', { id: replaying.id }));
      setReplaying(null);
      void load();
    } catch (e) {
      setReplayError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>
        <Link to={subscription ? `/console/admin/webhooks?organization=${subscription.organizationId}` : '/console/admin/webhooks'}>← {t('admin.deliveries.back')}</Link>
      </p>
      <h2>{t('admin.deliveries.title')}</h2>
      {subscription && <p><code className="admin-url">{subscription.url}</code></p>}
      <fieldset className="inline-filters">
        <legend>{t('admin.deliveries.show')}</legend>
        {(['', ...DELIVERY_STATUSES] as const).map((s) => (
          <label key={s || 'all'} className="check">
            <input type="radio" name="delivery-status" checked={status === s} onChange={() => setStatus(s)} /> {s ? t(`admin.deliveries.statuses.${s}`) : t('admin.deliveries.all')}
          </label>
        ))}
      </fieldset>
      {done && <p className="notice notice--success" role="status" data-testid="admin-done">{done}</p>}
      <ProblemNotice error={error} />
      {loaded && items.length === 0 && !error && <p className="callout">{t('admin.deliveries.empty')}</p>}
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="console-table admin-table">
            <caption className="visually-hidden">{t('admin.deliveries.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.deliveries.event')}</th>
                <th scope="col">{t('admin.deliveries.status')}</th>
                <th scope="col">{t('admin.deliveries.attempts')}</th>
                <th scope="col">{t('admin.deliveries.response')}</th>
                <th scope="col">{t('admin.deliveries.next')}</th>
                <th scope="col">{t('admin.common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id} data-testid="delivery-row" data-status={d.status}>
                  <td>
                    <code>{d.eventType}</code>
                    <br />
                    <span className="admin-muted">#{d.id} · {formatDateTime(d.createdAt, language)}</span>
                  </td>
                  <td><span className={`badge admin-badge--${d.status === 'delivered' ? 'on' : d.status === 'failed' ? 'bad' : 'off'}`}>{t(`admin.deliveries.statuses.${d.status}`)}</span></td>
                  <td data-testid="delivery-attempts">{d.attempts}</td>
                  <td>
                    {d.lastStatusCode ?? '—'}
                    {d.lastError && <><br /><span className="admin-muted admin-error-text">{d.lastError}</span></>}
                  </td>
                  <td>{d.status === 'pending' && d.nextAttemptAt ? formatDateTime(d.nextAttemptAt, language) : d.deliveredAt ? t('admin.deliveries.deliveredAt', { date: formatDateTime(d.deliveredAt, language) }) : '—'}</td>
                  <td>
                    <button type="button" className="button button--secondary" onClick={() => { setReplayError(null); setReplaying(d); }} aria-label={t('admin.deliveries.replayFor', { id: d.id })}>
                      {t('admin.deliveries.replay')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={replaying !== null}
        title={t('admin.deliveries.replayTitle', { id: replaying?.id ?? '' })}
        confirmLabel={t('admin.deliveries.replay')}
        busy={busy}
        error={replayError}
        onCancel={() => setReplaying(null)}
        onConfirm={() => void replay()}
      >
        <p>{t('admin.deliveries.replayBody')}</p>
      </ConfirmDialog>
    </>
  );
}
