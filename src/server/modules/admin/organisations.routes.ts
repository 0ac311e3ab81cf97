import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AccessChangeView, IdParams, OrganisationInput, OrganisationUpdate } from '../../../contract/admin';
import { OrganisationView } from '../../../contract/directory';
import type { AppDeps } from '../../platform/deps';
import { adminContext } from './admin.context';
import { createOrganisationService } from './organisations.service';

const tags = ['admin'];
const config = { access: 'admin.organisation.manage' as const };

export function registerOrganisationRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = createOrganisationService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/admin/organisations',
    { config, schema: { tags, summary: 'Create an organisation', body: OrganisationInput, response: { 201: OrganisationView } } },
    async (request, reply) => reply.status(201).send(await service.create(adminContext(request), request.body)),
  );

  routes.patch(
    '/api/admin/organisations/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change an organisation; a move to another economy or a new kind answers 202 and waits for a second administrator',
        params: IdParams,
        body: OrganisationUpdate,
        response: { 200: OrganisationView, 202: AccessChangeView },
      },
    },
    async (request, reply) => {
      const result = await service.update(adminContext(request), request.params.id, request.body);
      return reply.status(result.status).send(result.body);
    },
  );

  routes.delete(
    '/api/admin/organisations/:id',
    { config, schema: { tags, summary: 'Delete an organisation that has no users', params: IdParams } },
    async (request, reply) => {
      await service.remove(adminContext(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
