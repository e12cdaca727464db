import { createBrowserRouter } from 'react-router';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { Layout } from './layout/Layout.tsx';
import { ConsolePage } from './pages/console/ConsolePage.tsx';
import { HomePage } from './pages/home/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SignInPage } from './pages/sign-in/SignInPage.tsx';

// Every page is a child of the one layout. Signed-in areas wrap their element in RequireAuth;
// issue 8 can nest its console pages under the `console` route.
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
            <ConsolePage />
          </RequireAuth>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
