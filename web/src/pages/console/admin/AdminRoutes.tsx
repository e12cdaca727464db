import { NotFoundPage } from '../../NotFoundPage.tsx';

// Placeholder while the administration screens are built: the route exists, the screens come next.
export function AdminRoutes() {
  return <NotFoundPage />;
}
