import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api/client.ts';

/** Why something could not be loaded, in plain words, with a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  let message = t('errors.server');
  if (error instanceof NetworkError) message = t('errors.network');
  else if (error instanceof ApiError && error.status === 429) message = t('errors.throttled');
  else if (error instanceof ApiError && error.status === 404) message = t('errors.notFound');
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
