import type { Feature } from '../../app/feature';
import { RequireSignIn } from '../auth/RequireSignIn';
import { ComposePage } from './ComposePage';
import { HotlinePage } from './hotline/HotlinePage';
import { InboxPage } from './InboxPage';
import { SettingsPage } from './SettingsPage';
import { ThreadPage } from './ThreadPage';

export const exchangeFeature: Feature = {
  routes: [
    {
      path: 'exchange',
      element: <RequireSignIn />,
      children: [
        { index: true, element: <RequireSignIn ability="exchange.item.list"><InboxPage /></RequireSignIn> },
        { path: 'hotline', element: <RequireSignIn ability="hotline.alert.list"><HotlinePage /></RequireSignIn> },
        { path: 'new', element: <RequireSignIn ability="exchange.item.send"><ComposePage /></RequireSignIn> },
        { path: 'settings', element: <RequireSignIn ability="exchange.settings.manage"><SettingsPage /></RequireSignIn> },
        { path: 'items/:id', element: <RequireSignIn ability="exchange.item.read"><ThreadPage /></RequireSignIn> },
      ],
    },
  ],
  nav: [
    { to: '/exchange', label: 'exchange:nav.inbox', ability: 'exchange.item.list', area: 'secure' },
    { to: '/exchange/new', label: 'exchange:nav.compose', ability: 'exchange.item.send', area: 'secure' },
    { to: '/exchange/hotline', label: 'hotline:nav', ability: 'hotline.alert.list', area: 'secure' },
    { to: '/exchange/settings', label: 'exchange:nav.settings', ability: 'exchange.settings.manage', area: 'secure' },
  ],
};
