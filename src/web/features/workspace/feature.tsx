import type { Feature } from '../../app/feature';
import { RequireSignIn } from '../auth/RequireSignIn';
import { UnsubscribePage } from './UnsubscribePage';
import { WorkPage } from './WorkPage';
import './workspace.css';

export const workspaceFeature: Feature = {
  routes: [
    { path: 'work', element: <RequireSignIn ability="workspace.read"><WorkPage /></RequireSignIn> },
    { path: 'unsubscribe', element: <UnsubscribePage /> },
  ],
  nav: [{ to: '/work', label: 'workspace:nav.work', ability: 'workspace.read', area: 'secure' }],
};
