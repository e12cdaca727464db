import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { useAuth } from '../../../auth/use-auth.ts';
import { ADMIN_ROLES, SUPERVISOR_ROLES } from '../../../console/console-nav.ts';
import { RoleGate } from '../../../console/RoleGate.tsx';
import { NotFoundPage } from '../../NotFoundPage.tsx';
import '../admin/admin.css';
import { AuditPage } from './AuditPage.tsx';
import { DeadlinesPage } from './DeadlinesPage.tsx';
import { SettingsNav } from './SettingsNav.tsx';
import { TaxonomyPage } from './TaxonomyPage.tsx';
import './settings.css';

/**
 * Settings (/console/settings): the fraud category taxonomy and platform deadlines (admins), and
 * the audit log (admins and supervisors, as the API allows; only admins verify the chain).
 */
export function SettingsRoutes() {
  return (
    <RoleGate roles={SUPERVISOR_ROLES}>
      <SettingsShell />
    </RoleGate>
  );
}

function SettingsShell() {
  const { t } = useTranslation();
  const { state } = useAuth();
  const isAdmin = state.status === 'signed-in' && ADMIN_ROLES.includes(state.user.role);
  return (
    <div className="page console-page admin-page settings-page">
      <h1>{t('settings.title')}</h1>
      <SettingsNav isAdmin={isAdmin} />
      <Routes>
        <Route index element={<Navigate to={isAdmin ? 'taxonomy' : 'audit'} replace />} />
        <Route path="taxonomy" element={<RoleGate roles={ADMIN_ROLES}><TaxonomyPage /></RoleGate>} />
        <Route path="deadlines" element={<RoleGate roles={ADMIN_ROLES}><DeadlinesPage /></RoleGate>} />
        <Route path="audit" element={<AuditPage isAdmin={isAdmin} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
