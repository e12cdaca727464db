import { Outlet, createBrowserRouter } from 'react-router';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { Layout } from './layout/Layout.tsx';
import { ConsolePage } from './pages/console/ConsolePage.tsx';
import { HomePage } from './pages/home/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SignInPage } from './pages/sign-in/SignInPage.tsx';

// Every page is a child of the one layout. Everything under `console` requires a signed-in
// user; console pages are added as its children (a console layout with its own side
// navigation can replace the bare <Outlet />).
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
      { path: 'statistics', lazy: () => import('./pages/statistics/StatisticsPage.tsx').then((m) => ({ Component: m.StatisticsPage })) },
      { path: 'sign-in', element: <SignInPage /> },
      {
        path: 'console',
        element: (
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        ),
        children: [{ index: true, element: <ConsolePage /> }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
