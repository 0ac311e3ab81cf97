import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MarkAllReadResult, NotificationIdParams, NotificationListQuery, NotificationPage, NotificationView } from '../../../contract/notifications';
import type { AppDeps } from '../../platform/deps';
import type { NotificationPageCache } from './notifications.cache';
import { createNotificationService } from './notifications.service';

const tags = ['notifications'];
const JSON_TYPE = 'application/json; charset=utf-8';
const config = { access: 'notification.read' as const };

export function registerNotificationRoutes(app: FastifyInstance, deps: AppDeps, cache?: NotificationPageCache) {
  const service = createNotificationService(deps, cache);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/notifications',
    {
      config,
      schema: { tags, summary: "The user's own notifications and those of their desks", querystring: NotificationListQuery, response: { 200: NotificationPage } },
    },
    // Sent as is: the service returns the answer already checked and serialised (and cached).
    async (request, reply) => (reply as FastifyReply).type(JSON_TYPE).send(await service.listJson(request.actor, request.query)),
  );

  routes.post(
    '/api/notifications/:id/read',
    { config, schema: { tags, summary: 'Mark a notification read', params: NotificationIdParams, response: { 200: NotificationView } } },
    async (request) => service.markRead({ actor: request.actor, ip: request.ip }, request.params.id),
  );

  routes.post(
    '/api/notifications/read-all',
    { config, schema: { tags, summary: 'Mark every visible notification read', response: { 200: MarkAllReadResult } } },
    async (request) => service.markAllRead({ actor: request.actor, ip: request.ip }),
  );
}
