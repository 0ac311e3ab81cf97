import { createBrowserRouter } from 'react-router';
import { features } from './features';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [...features.flatMap((feature) => feature.routes), { path: '*', element: <NotFoundPage /> }],
  },
]);
