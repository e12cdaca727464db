import { NotFoundPage } from '../../NotFoundPage.tsx';

// Placeholder while the disputes review screens are built: the route exists, the screens come next.
export function DisputeRoutes() {
  return <NotFoundPage />;
}
