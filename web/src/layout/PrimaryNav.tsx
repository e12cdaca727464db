import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useAuth } from '../auth/use-auth.ts';
import { NAV_ITEMS } from './nav-items.ts';

export function PrimaryNav() {
  const { t } = useTranslation();
  const { state } = useAuth();
  const signedIn = state.status === 'signed-in';
  const items = NAV_ITEMS.filter((item) => item.audience === 'everyone' || signedIn);

  return (
    <ul className="primary-nav__list">
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.end} className="primary-nav__link">
            {t(item.labelKey)}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
