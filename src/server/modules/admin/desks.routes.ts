import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AccessChangeView, DeskInput, DeskMemberInput, DeskMemberParams, DeskUpdate, IdParams } from '../../../contract/admin';
import { DeskView } from '../../../contract/directory';
import type { AppDeps } from '../../platform/deps';
import { adminContext } from './admin.context';
import { createDeskService } from './desks.service';

const tags = ['admin'];
const config = { access: 'admin.desk.manage' as const };

export function registerDeskRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = createDeskService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/admin/desks',
    { config, schema: { tags, summary: 'Create a contact-point desk (one per economy and area)', body: DeskInput, response: { 201: DeskView } } },
    async (request, reply) => reply.status(201).send(await service.create(adminContext(request), request.body)),
  );

  routes.patch(
    '/api/admin/desks/:id',
    { config, schema: { tags, summary: "Change a desk's name or mailbox", params: IdParams, body: DeskUpdate, response: { 200: DeskView } } },
    async (request) => service.update(adminContext(request), request.params.id, request.body),
  );

  routes.delete(
    '/api/admin/desks/:id',
    { config, schema: { tags, summary: 'Delete a desk without members or history', params: IdParams } },
    async (request, reply) => {
      await service.remove(adminContext(request), request.params.id);
      return reply.status(204).send();
    },
  );

  routes.post(
    '/api/admin/desks/:id/members',
    {
      config,
      schema: {
        tags,
        summary: 'Propose a user of the desk’s economy as a member; the seat waits for a second administrator',
        params: IdParams,
        body: DeskMemberInput,
        response: { 202: AccessChangeView },
      },
    },
    async (request, reply) => reply.status(202).send(await service.addMember(adminContext(request), request.params.id, request.body.userId)),
  );

  routes.delete(
    '/api/admin/desks/:id/members/:userId',
    { config, schema: { tags, summary: 'Remove a user from a desk', params: DeskMemberParams, response: { 200: DeskView } } },
    async (request) => service.removeMember(adminContext(request), request.params.id, request.params.userId),
  );
}
