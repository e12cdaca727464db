import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { AccountArea } from './AccountArea.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Logo } from './Logo.tsx';
import { PrimaryNav } from './PrimaryNav.tsx';

/**
 * Masthead, then a bar with the navigation, the account and the language switch. On phones
 * the navigation and account fold behind a menu button while the language switch stays in
 * sight; from tablet width up everything is shown in one row.
 */
export function Header() {
  const { t } = useTranslation();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);

  // Following a link closes the menu so the new page is what the user sees.
  useEffect(() => setMenuOpen(false), [location.pathname]);

  // Escape closes the open menu and puts the focus back on its button, as in other disclosures.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menuOpen) return;
    setMenuOpen(false);
    toggleRef.current?.focus();
  };

  return (
    <header className="site-header">
      <div className="site-header__masthead">
        <div className="container">
          <Link to="/" className="brand">
            <Logo />
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </Link>
        </div>
      </div>
      <div className="container navbar" onKeyDown={onKeyDown}>
        <button
          ref={toggleRef}
          type="button"
          className="navbar__toggle"
          aria-expanded={menuOpen}
          aria-controls={panelId}
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span className="navbar__toggle-icon" aria-hidden="true" />
          {t('nav.menu')}
        </button>
        <div id={panelId} className="navbar__panel" data-open={menuOpen}>
          <nav className="primary-nav" aria-label={t('nav.label')}>
            <PrimaryNav />
          </nav>
          <AccountArea />
        </div>
        <LanguageSwitch />
      </div>
    </header>
  );
}
