import type { Feature } from '../../app/feature';
import { RequireSignIn } from '../auth/RequireSignIn';
import { ContactPointsPage } from './ContactPointsPage';

export const directoryFeature: Feature = {
  routes: [
    {
      path: 'directory',
      element: <RequireSignIn />,
      children: [{ path: 'contact-points', element: <RequireSignIn ability="directory.contact_points.read"><ContactPointsPage /></RequireSignIn> }],
    },
  ],
  nav: [{ to: '/directory/contact-points', label: 'directory:nav', ability: 'directory.contact_points.read', area: 'secure' }],
};
