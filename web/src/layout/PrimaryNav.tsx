import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useAuth } from '../auth/use-auth.ts';
import { NAV_ITEMS } from './nav-items.ts';

export function PrimaryNav() {
  const { t } = useTranslation();
  const { state } = useAuth();
  const role = state.status === 'signed-in' ? state.user.role : null;
  const items = NAV_ITEMS.filter((item) => {
    if (item.audience === 'everyone') return true;
    return role !== null && (item.roles === undefined || item.roles.includes(role));
  });

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
