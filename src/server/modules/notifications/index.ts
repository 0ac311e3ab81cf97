import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { registerNotificationRoutes } from './notifications.routes';

export { type NotificationContent, deskNotificationRow, notifyDesk, notifyUser } from './notifications.service';

/** The notifications module's public face: its routes, and notifyDesk / notifyUser for other modules. */
export async function registerNotificationsModule(app: FastifyInstance, deps: AppDeps) {
  registerNotificationRoutes(app, deps);
}
