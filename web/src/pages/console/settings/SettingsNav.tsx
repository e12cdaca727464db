import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const ADMIN_SECTIONS = ['taxonomy', 'deadlines', 'audit'] as const;
const SUPERVISOR_SECTIONS = ['audit'] as const;

/** The settings screens as tabs, each its own address; a supervisor sees only the audit log. */
export function SettingsNav({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  return (
    <nav className="admin-nav" aria-label={t('settings.nav.label')}>
      <ul>
        {(isAdmin ? ADMIN_SECTIONS : SUPERVISOR_SECTIONS).map((s) => (
          <li key={s}>
            <NavLink to={`/console/settings/${s}`} className="admin-nav__link">
              {t(`settings.nav.${s}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
