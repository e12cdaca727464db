import { Outlet, createBrowserRouter } from 'react-router';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { Layout } from './layout/Layout.tsx';
import { ConsolePage } from './pages/console/ConsolePage.tsx';
import { HomePage } from './pages/home/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SignInPage } from './pages/sign-in/SignInPage.tsx';

// Every page is a child of the one layout. Everything under `console` requires a signed-in
// user; its pages sit in the console layout (side navigation by role), loaded lazily.
// Portal pages beyond the home page are lazy: the check page and the report wizard carry the
// shared identifier code, the statistics page its charting library, so the home page stays small.
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'check', lazy: () => import('./pages/check/CheckPage.tsx').then((m) => ({ Component: m.CheckPage })) },
      { path: 'report', lazy: () => import('./pages/report/ReportPage.tsx').then((m) => ({ Component: m.ReportPage })) },
      { path: 'track', lazy: () => import('./pages/track/TrackPage.tsx').then((m) => ({ Component: m.TrackPage })) },
      { path: 'track/:code', lazy: () => import('./pages/track/TrackPage.tsx').then((m) => ({ Component: m.TrackPage })) },
      { path: 'dispute', lazy: () => import('./pages/dispute/DisputePage.tsx').then((m) => ({ Component: m.DisputePage })) },
      { path: 'library', lazy: () => import('./pages/library/LibraryPage.tsx').then((m) => ({ Component: m.LibraryPage })) },
      { path: 'library/:slug', lazy: () => import('./pages/library/ArticlePage.tsx').then((m) => ({ Component: m.ArticlePage })) },
      { path: 'alerts', lazy: () => import('./pages/library/AlertsPage.tsx').then((m) => ({ Component: m.AlertsPage })) },
      { path: 'campaigns/*', lazy: () => import('./pages/campaigns/CampaignRoutes.tsx').then((m) => ({ Component: m.CampaignRoutes })) },
      { path: 'statistics', lazy: () => import('./pages/statistics/StatisticsPage.tsx').then((m) => ({ Component: m.StatisticsPage })) },
      { path: 'sign-in', element: <SignInPage /> },
      {
        path: 'console',
        element: (
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        ),
        children: [
          {
            // The console's frame and screens are lazy: the public portal's bundle does not carry them.
            lazy: () => import('./console/ConsoleLayout.tsx').then((m) => ({ Component: m.ConsoleLayout })),
            children: [
              { index: true, element: <ConsolePage /> },
              { path: 'queue', lazy: () => import('./pages/console/queue/QueuePage.tsx').then((m) => ({ Component: m.QueuePage })) },
              { path: 'cases/:id', lazy: () => import('./pages/console/case/CasePage.tsx').then((m) => ({ Component: m.CasePage })) },
              { path: 'escalations', lazy: () => import('./pages/console/escalations/EscalationsBoardPage.tsx').then((m) => ({ Component: m.EscalationsBoardPage })) },
              { path: 'inbox', lazy: () => import('./pages/console/inbox/InboxPage.tsx').then((m) => ({ Component: m.InboxPage })) },
              // Each area below owns its sub-paths (nested <Routes> in its *Routes component).
              { path: 'dashboards/*', lazy: () => import('./pages/console/dashboards/DashboardRoutes.tsx').then((m) => ({ Component: m.DashboardRoutes })) },
              { path: 'disputes/*', lazy: () => import('./pages/console/disputes/DisputeRoutes.tsx').then((m) => ({ Component: m.DisputeRoutes })) },
              { path: 'content/*', lazy: () => import('./pages/console/content/ContentRoutes.tsx').then((m) => ({ Component: m.ContentRoutes })) },
              { path: 'campaigns/*', lazy: () => import('./pages/console/campaigns/ConsoleCampaignRoutes.tsx').then((m) => ({ Component: m.ConsoleCampaignRoutes })) },
              { path: 'templates/*', lazy: () => import('./pages/console/templates/TemplateRoutes.tsx').then((m) => ({ Component: m.TemplateRoutes })) },
              { path: 'admin/*', lazy: () => import('./pages/console/admin/AdminRoutes.tsx').then((m) => ({ Component: m.AdminRoutes })) },
              { path: 'settings/*', lazy: () => import('./pages/console/settings/SettingsRoutes.tsx').then((m) => ({ Component: m.SettingsRoutes })) },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
