import { NotFoundPage } from '../../NotFoundPage.tsx';

// Placeholder while the campaigns (console) screens are built: the route exists, the screens come next.
export function ConsoleCampaignRoutes() {
  return <NotFoundPage />;
}
