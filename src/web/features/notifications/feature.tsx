import type { Feature } from '../../app/feature';
import { RequireSignIn } from '../auth/RequireSignIn';
import { NotificationsPage } from './NotificationsPage';

export const notificationsFeature: Feature = {
  routes: [{ path: 'notifications', element: <RequireSignIn ability="notification.read"><NotificationsPage /></RequireSignIn> }],
  nav: [],
};
