import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p className="site-footer__about">{t('footer.about')}</p>
        <p className="site-footer__never">{t('footer.never')}</p>
        <nav aria-label={t('footer.linksLabel')}>
          <ul className="site-footer__links">
            <li>
              <Link to="/library">{t('footer.library')}</Link>
            </li>
            <li>
              <Link to="/dispute">{t('footer.dispute')}</Link>
            </li>
            <li>
              {/* Served by the API server, outside the single-page app. */}
              <a href="/docs">{t('footer.apiDocs')}</a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
