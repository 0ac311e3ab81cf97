import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { NotificationPageCache } from './notifications.cache';
import { registerNotificationRoutes } from './notifications.routes';

export { type NotificationContent, deskNotificationRow, notifyDesk, notifyUser } from './notifications.service';

/** The notifications module's public face: its routes, and notifyDesk / notifyUser for other modules. */
export async function registerNotificationsModule(app: FastifyInstance, deps: AppDeps) {
  const cache = new NotificationPageCache(deps.db, deps.dbKind);
  await cache.start();
  app.addHook('onClose', () => cache.stop());
  registerNotificationRoutes(app, deps, cache);
}
