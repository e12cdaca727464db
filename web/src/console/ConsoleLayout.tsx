import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import type { Role } from '../api/auth.ts';
import { useAuth } from '../auth/use-auth.ts';
import { consoleNavFor } from './console-nav.ts';

/** The console's frame: a side navigation with the current role's screens, then the screen. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const { state } = useAuth();
  const role: Role | null = state.status === 'signed-in' ? state.user.role : null;
  const items = role ? consoleNavFor(role) : [];
  return (
    <div className="console-shell">
      <nav className="console-nav" aria-label={t('console.nav.label')}>
        <ul>
          {items.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end} className="console-nav__link">
                {t(item.labelKey)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="console-main">
        <Outlet />
      </div>
    </div>
  );
}
