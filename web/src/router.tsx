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
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
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
