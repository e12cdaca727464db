import { NotFoundPage } from '../NotFoundPage.tsx';

// Placeholder while the campaigns (portal) screens are built: the route exists, the screens come next.
export function CampaignRoutes() {
  return <NotFoundPage />;
}
