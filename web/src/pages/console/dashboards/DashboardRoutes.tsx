import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { AGENCY_ROLES } from '../../../console/console-nav.ts';
import { RoleGate } from '../../../console/RoleGate.tsx';
import { NotFoundPage } from '../../NotFoundPage.tsx';
import { DashboardsPage } from './DashboardsPage.tsx';
import { MonthlyReportPage } from './MonthlyReportPage.tsx';
import './dashboards.css';

/** The dashboards and the monthly report as tabs; each is its own address. */
function DashboardsNav() {
  const { t } = useTranslation();
  return (
    <nav className="dashboards-nav" aria-label={t('dashboards.nav.label')}>
      <ul>
        <li>
          <NavLink to="/console/dashboards" end className="dashboards-nav__link">
            {t('dashboards.nav.figures')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/console/dashboards/monthly-report" className="dashboards-nav__link">
            {t('dashboards.nav.monthly')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}

/**
 * `/console/dashboards/*`: the figures (agency only) and the monthly platform report (the
 * agency for any platform; a platform's operator for its own platform).
 */
export function DashboardRoutes() {
  return (
    <Routes>
      <Route
        index
        element={
          <RoleGate roles={AGENCY_ROLES}>
            <DashboardsPage nav={<DashboardsNav />} />
          </RoleGate>
        }
      />
      <Route
        path="monthly-report"
        element={
          <RoleGate roles={[...AGENCY_ROLES, 'platform_operator']}>
            <MonthlyReportPage nav={<DashboardsNav />} />
          </RoleGate>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
