import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AccessChangeView, IdParams, SharingGroupInput, SharingGroupUpdate } from '../../../contract/admin';
import { SharingGroupView } from '../../../contract/directory';
import type { AppDeps } from '../../platform/deps';
import { adminContext } from './admin.context';
import { createSharingGroupService } from './sharing-groups.service';

const tags = ['admin'];
const config = { access: 'admin.sharing_group.manage' as const };

export function registerSharingGroupRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = createSharingGroupService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/admin/sharing-groups',
    { config, schema: { tags, summary: 'Create a sharing group (never empty)', body: SharingGroupInput, response: { 201: SharingGroupView } } },
    async (request, reply) =>
      reply.status(201).send(await service.create(adminContext(request), { ...request.body, description: request.body.description ?? null })),
  );

  routes.patch(
    '/api/admin/sharing-groups/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change a sharing group; a new member answers 202 and waits for a second administrator',
        params: IdParams,
        body: SharingGroupUpdate,
        response: { 200: SharingGroupView, 202: AccessChangeView },
      },
    },
    async (request, reply) => {
      const result = await service.update(adminContext(request), request.params.id, request.body);
      return reply.status(result.status).send(result.body);
    },
  );

  routes.delete(
    '/api/admin/sharing-groups/:id',
    { config, schema: { tags, summary: 'Delete a sharing group', params: IdParams } },
    async (request, reply) => {
      await service.remove(adminContext(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
