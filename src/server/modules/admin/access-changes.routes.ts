import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AccessChangeListQuery, AccessChangePage, AccessChangeRejectInput, AccessChangeView, IdParams } from '../../../contract/admin';
import type { AppDeps } from '../../platform/deps';
import { adminContext } from './admin.context';
import { createAccessChangeService } from './access-changes.service';

const tags = ['admin'];
const config = { access: 'admin.access_change.review' as const };

export function registerAccessChangeRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = createAccessChangeService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/admin/access-changes',
    { config, schema: { tags, summary: 'Access changes waiting for (or decided by) a second administrator', querystring: AccessChangeListQuery, response: { 200: AccessChangePage } } },
    async (request) => service.list(adminContext(request).actor, request.query),
  );

  routes.get(
    '/api/admin/access-changes/:id',
    { config, schema: { tags, summary: 'One access change: before → after, and who gains access', params: IdParams, response: { 200: AccessChangeView } } },
    async (request) => service.get(adminContext(request).actor, request.params.id),
  );

  routes.post(
    '/api/admin/access-changes/:id/approve',
    { config, schema: { tags, summary: 'Approve and apply a change another administrator proposed', params: IdParams, response: { 200: AccessChangeView } } },
    async (request) => service.approve(adminContext(request), request.params.id),
  );

  routes.post(
    '/api/admin/access-changes/:id/reject',
    {
      config,
      schema: { tags, summary: 'Reject a change with a reason (the proposer may withdraw their own)', params: IdParams, body: AccessChangeRejectInput, response: { 200: AccessChangeView } },
    },
    async (request) => service.reject(adminContext(request), request.params.id, request.body.reason),
  );
}
