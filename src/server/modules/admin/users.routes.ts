import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AccessChangeView, AdminUserPage, AdminUserView, IdParams, UserCreateInput, UserListQuery, UserUpdateInput, UserWithPassword } from '../../../contract/admin';
import type { AppDeps } from '../../platform/deps';
import { adminContext } from './admin.context';
import { createUserService } from './users.service';

const tags = ['admin'];
const config = { access: 'admin.user.manage' as const };

export function registerUserRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = createUserService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/admin/users',
    { config, schema: { tags, summary: 'Users, filtered and paged', querystring: UserListQuery, response: { 200: AdminUserPage } } },
    async (request) => service.list(request.actor, request.query),
  );

  routes.get(
    '/api/admin/users/:id',
    { config, schema: { tags, summary: 'One user', params: IdParams, response: { 200: AdminUserView } } },
    async (request) => service.get(request.actor, request.params.id),
  );

  routes.post(
    '/api/admin/users',
    {
      config,
      schema: { tags, summary: 'Create a user; the one-time password is in this answer only', body: UserCreateInput, response: { 201: UserWithPassword } },
    },
    async (request, reply) => reply.status(201).send(await service.create(adminContext(request), request.body)),
  );

  routes.patch(
    '/api/admin/users/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change name, organisation, roles or clearance; a widening change answers 202 and waits for a second administrator',
        params: IdParams,
        body: UserUpdateInput,
        response: { 200: AdminUserView, 202: AccessChangeView },
      },
    },
    async (request, reply) => {
      const result = await service.update(adminContext(request), request.params.id, request.body);
      return reply.status(result.status).send(result.body);
    },
  );

  routes.post(
    '/api/admin/users/:id/disable',
    { config, schema: { tags, summary: 'Disable a user and end their sessions', params: IdParams, response: { 200: AdminUserView } } },
    async (request) => service.disable(adminContext(request), request.params.id),
  );

  routes.post(
    '/api/admin/users/:id/enable',
    { config, schema: { tags, summary: 'Enable a disabled user', params: IdParams, response: { 200: AdminUserView } } },
    async (request) => service.enable(adminContext(request), request.params.id),
  );

  routes.post(
    '/api/admin/users/:id/unlock',
    { config, schema: { tags, summary: 'Lift the sign-in lockout of a user, for every source address', params: IdParams, response: { 200: AdminUserView } } },
    async (request) => service.unlock(adminContext(request), request.params.id),
  );

  routes.post(
    '/api/admin/users/:id/reset-credentials',
    {
      config,
      schema: {
        tags,
        summary: 'New one-time password, second factor to enrol again, sessions ended',
        params: IdParams,
        response: { 200: UserWithPassword },
      },
    },
    async (request) => service.resetCredentials(adminContext(request), request.params.id),
  );
}
