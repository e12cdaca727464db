import { NotFoundPage } from '../../NotFoundPage.tsx';

// Placeholder while the settings and audit screens are built: the route exists, the screens come next.
export function SettingsRoutes() {
  return <NotFoundPage />;
}
