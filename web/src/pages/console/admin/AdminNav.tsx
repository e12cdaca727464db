import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const SECTIONS = ['users', 'organizations', 'api-keys', 'webhooks'] as const;

/** The four administration screens as tabs; each is its own address so it can be linked and reloaded. */
export function AdminNav() {
  const { t } = useTranslation();
  return (
    <nav className="admin-nav" aria-label={t('admin.nav.label')}>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s}>
            <NavLink to={`/console/admin/${s}`} className="admin-nav__link">
              {t(`admin.nav.${s}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
