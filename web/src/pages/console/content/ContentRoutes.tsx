import { NotFoundPage } from '../../NotFoundPage.tsx';

// Placeholder while the content editing screens are built: the route exists, the screens come next.
export function ContentRoutes() {
  return <NotFoundPage />;
}
