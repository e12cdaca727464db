import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Shares a page with the phone's share sheet (Web Share API), or copies its link where there is none. */
export function ShareButton({ title, url }: { title: string; url: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  const share = async () => {
    const absolute = new URL(url, window.location.origin).toString();
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url: absolute });
        return;
      } catch (error) {
        // The person closed the share sheet: nothing to do. Other failures fall back to copying.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(absolute);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <div className="share">
      <button type="button" className="button button--secondary" onClick={() => void share()}>
        {t('share.button')}
      </button>
      <span role="status" className="share__status">
        {state === 'copied' && t('share.copied')}
        {state === 'failed' && t('share.failed', { url: new URL(url, window.location.origin).toString() })}
      </span>
    </div>
  );
}
