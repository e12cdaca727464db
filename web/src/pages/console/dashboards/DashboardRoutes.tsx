import { NotFoundPage } from '../../NotFoundPage.tsx';

// Placeholder while the dashboards screens are built: the route exists, the screens come next.
export function DashboardRoutes() {
  return <NotFoundPage />;
}
