import type { Feature } from '../../app/feature';
import { RequireSignIn } from '../auth/RequireSignIn';
import { AlertPage } from './AlertPage';
import { AlertsPage } from './AlertsPage';
import { HitPage, HitsPage } from './HitsPage';
import { ImportPage } from './ImportPage';
import { ScreeningPage } from './ScreeningPage';

export const wantedFeature: Feature = {
  routes: [
    {
      path: 'wanted',
      element: <RequireSignIn />,
      children: [
        { index: true, element: <RequireSignIn ability="wanted.screen"><ScreeningPage /></RequireSignIn> },
        { path: 'alerts', element: <RequireSignIn ability="wanted.alert.list"><AlertsPage /></RequireSignIn> },
        { path: 'alerts/:id', element: <RequireSignIn ability="wanted.alert.read"><AlertPage /></RequireSignIn> },
        { path: 'hits', element: <RequireSignIn ability="wanted.hit.read"><HitsPage /></RequireSignIn> },
        { path: 'hits/:id', element: <RequireSignIn ability="wanted.hit.read"><HitPage /></RequireSignIn> },
        { path: 'import', element: <RequireSignIn ability="wanted.alert.import"><ImportPage /></RequireSignIn> },
      ],
    },
  ],
  nav: [
    { to: '/wanted', label: 'wanted:nav.screen', ability: 'wanted.screen', area: 'secure' },
    { to: '/wanted/alerts', label: 'wanted:nav.alerts', ability: 'wanted.alert.list', area: 'secure' },
    { to: '/wanted/hits', label: 'wanted:nav.hits', ability: 'wanted.hit.read', area: 'secure' },
    { to: '/wanted/import', label: 'wanted:nav.import', ability: 'wanted.alert.import', area: 'secure' },
  ],
};
