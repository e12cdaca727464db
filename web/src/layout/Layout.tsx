import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';
import { useRouteFocus } from './use-route-focus.ts';

/** The frame every page sits in: skip link, header, main landmark, footer. */
export function Layout() {
  const { t } = useTranslation();
  useRouteFocus();

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <main id="main" className="site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <Footer />
    </div>
  );
}
