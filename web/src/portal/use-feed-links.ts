import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/language.ts';

/** Adds `<link rel="alternate">` for the alerts' Atom and RSS feeds while the page is shown. */
export function useFeedLinks(language: Language): void {
  const { t } = useTranslation();
  const atomTitle = t('alerts.feedAtom');
  const rssTitle = t('alerts.feedRss');
  useEffect(() => {
    const links = [
      { type: 'application/atom+xml', href: `/alerts.atom?lang=${language}`, title: atomTitle },
      { type: 'application/rss+xml', href: `/alerts.rss?lang=${language}`, title: rssTitle },
    ].map(({ type, href, title }) => {
      const link = document.createElement('link');
      link.rel = 'alternate';
      link.type = type;
      link.href = href;
      link.title = title;
      document.head.appendChild(link);
      return link;
    });
    return () => links.forEach((link) => link.remove());
  }, [language, atomTitle, rssTitle]);
}
