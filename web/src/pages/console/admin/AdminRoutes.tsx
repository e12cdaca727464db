import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { ADMIN_ROLES } from '../../../console/console-nav.ts';
import { RoleGate } from '../../../console/RoleGate.tsx';
import { NotFoundPage } from '../../NotFoundPage.tsx';
import { AdminNav } from './AdminNav.tsx';
import { ApiKeysPage } from './ApiKeysPage.tsx';
import { OrganizationPage } from './OrganizationPage.tsx';
import { OrganizationsPage } from './OrganizationsPage.tsx';
import { UsersPage } from './UsersPage.tsx';
import { WebhookDeliveriesPage } from './WebhookDeliveriesPage.tsx';
import { WebhooksPage } from './WebhooksPage.tsx';
import './admin.css';

/** The administration screens (admins only): users, organizations, API keys, webhooks. */
export function AdminRoutes() {
  return (
    <RoleGate roles={ADMIN_ROLES}>
      <AdminShell />
    </RoleGate>
  );
}

function AdminShell() {
  const { t } = useTranslation();
  return (
    <div className="page console-page admin-page">
      <h1>{t('admin.title')}</h1>
      <AdminNav />
      <Routes>
        <Route index element={<Navigate to="users" replace />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="organizations" element={<OrganizationsPage />} />
        <Route path="organizations/:id" element={<OrganizationPage />} />
        <Route path="api-keys" element={<ApiKeysPage />} />
        <Route path="webhooks" element={<WebhooksPage />} />
        <Route path="webhooks/:id" element={<WebhookDeliveriesPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
