import type { Feature } from '../../app/feature';
import { RequireSignIn } from '../auth/RequireSignIn';
import { ActivitiesPage } from './ActivitiesPage';
import { ActivityEditorPage } from './ActivityEditorPage';
import { ActivityPage } from './ActivityPage';
import { BoardPage } from './BoardPage';
import { ImportPage } from './ImportPage';
import { RatesPage } from './RatesPage';
import { ThreeWPage } from './ThreeWPage';

export const registryFeature: Feature = {
  routes: [
    {
      path: 'registry',
      element: <RequireSignIn />,
      children: [
        { index: true, element: <RequireSignIn ability="registry.activity.list"><ActivitiesPage scope="secure" /></RequireSignIn> },
        { path: 'new', element: <RequireSignIn ability="registry.activity.create"><ActivityEditorPage /></RequireSignIn> },
        { path: '3w', element: <RequireSignIn ability="registry.activity.list"><ThreeWPage scope="secure" /></RequireSignIn> },
        { path: 'import', element: <RequireSignIn ability="registry.activity.import"><ImportPage /></RequireSignIn> },
        { path: 'rates', element: <RequireSignIn ability="registry.activity.list"><RatesPage /></RequireSignIn> },
        { path: 'board', element: <RequireSignIn ability="registry.board.read"><BoardPage /></RequireSignIn> },
        { path: ':id', element: <RequireSignIn ability="registry.activity.read"><ActivityPage scope="secure" /></RequireSignIn> },
        { path: ':id/edit', element: <RequireSignIn ability="registry.activity.update"><ActivityEditorPage /></RequireSignIn> },
      ],
    },
    // The public face on the portal: public activities only, no sign-in.
    { path: 'activities', element: <ActivitiesPage scope="public" /> },
    { path: 'activities/3w', element: <ThreeWPage scope="public" /> },
    { path: 'activities/:id', element: <ActivityPage scope="public" /> },
  ],
  nav: [
    { to: '/activities', label: 'registry:nav.public', area: 'portal' },
    { to: '/registry', label: 'registry:nav.registry', ability: 'registry.activity.list', area: 'secure' },
    { to: '/registry/board', label: 'registry:nav.board', ability: 'registry.board.read', area: 'secure' },
    { to: '/registry/rates', label: 'registry:nav.rates', ability: 'registry.activity.list', area: 'secure' },
  ],
};
