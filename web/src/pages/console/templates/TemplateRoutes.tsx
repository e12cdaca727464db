import { NotFoundPage } from '../../NotFoundPage.tsx';

// Placeholder while the message templates screens are built: the route exists, the screens come next.
export function TemplateRoutes() {
  return <NotFoundPage />;
}
