import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { campaignsApi } from '../../api/campaigns.ts';

type ShareState = { status: 'idle' } | { status: 'shared' } | { status: 'copied' } | { status: 'manual' };

/**
 * Shares a campaign link with the phone's share sheet (Web Share API) or, where there is none,
 * copies it; when copying is refused the link is shown to copy by hand. The Facebook link is a
 * plain link to its share page: no script of theirs is loaded here. Each completed share counts once.
 */
export function CampaignShare({ slug, path, title, text }: { slug: string; path: string; title: string; text: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [state, setState] = useState<ShareState>({ status: 'idle' });
  const absolute = new URL(path, window.location.origin).toString();

  const share = async () => {
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, text, url: absolute });
        setState({ status: 'shared' });
        void campaignsApi.event(slug, 'share');
        return;
      } catch (error) {
        // The person closed the share sheet: nothing shared. Other failures fall back to copying.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(absolute);
      setState({ status: 'copied' });
      void campaignsApi.event(slug, 'share');
    } catch {
      setState({ status: 'manual' });
    }
  };

  return (
    <div className="campaign-share">
      <div className="button-row">
        <button type="button" className="button button--primary campaign-share__button" onClick={() => void share()}>
          {t('campaigns.share.button')}
        </button>
        <a
          className="button button--secondary campaign-share__button"
          href={`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(absolute)}`}
          target="_blank"
          rel="noopener noreferrer"
          onClick={() => void campaignsApi.event(slug, 'share')}
        >
          {t('campaigns.share.facebook')}
          <span className="visually-hidden"> {t('campaigns.share.newWindow')}</span>
        </a>
      </div>
      <p role="status" className="campaign-share__status">
        {state.status === 'shared' && t('campaigns.share.shared')}
        {state.status === 'copied' && t('campaigns.share.copied')}
        {state.status === 'manual' && t('campaigns.share.manual')}
      </p>
      {(state.status === 'copied' || state.status === 'manual') && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-link`}>
            {t('campaigns.share.link')}
          </label>
          <input id={`${id}-link`} className="field__input" readOnly value={absolute} data-testid="share-link" onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
    </div>
  );
}
