import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiKeyCreateInput, ApiKeyCreated, ApiKeyListQuery, ApiKeyPage, ApiKeyRevokeInput, ApiKeyView } from '../../../contract/api-keys';
import { IdParams } from '../../../contract/admin';
import type { AppDeps } from '../../platform/deps';
import { adminContext } from './admin.context';
import { createApiKeyService } from './api-keys.service';

const tags = ['admin'];
const config = { access: 'admin.api_key.manage' as const };

/** API keys for machine clients: created by one administrator, approved by another, revocable. */
export function registerApiKeyRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = createApiKeyService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/admin/api-keys',
    { config, schema: { tags, summary: 'API keys, newest first, with their status and last use', querystring: ApiKeyListQuery, response: { 200: ApiKeyPage } } },
    async (request) => service.list(request.actor, request.query),
  );

  routes.get(
    '/api/admin/api-keys/:id',
    { config, schema: { tags, summary: 'One API key (never its secret)', params: IdParams, response: { 200: ApiKeyView } } },
    async (request) => service.get(request.actor, request.params.id),
  );

  routes.post(
    '/api/admin/api-keys',
    {
      config,
      schema: {
        tags,
        summary: 'Create an API key for an organisation; the secret is in this answer only, and the key works once another administrator approves it',
        body: ApiKeyCreateInput,
        response: { 201: ApiKeyCreated },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(adminContext(request), request.body)),
  );

  routes.post(
    '/api/admin/api-keys/:id/approve',
    { config, schema: { tags, summary: 'Approve a key another administrator created', params: IdParams, response: { 200: ApiKeyView } } },
    async (request) => service.approve(adminContext(request), request.params.id),
  );

  routes.post(
    '/api/admin/api-keys/:id/revoke',
    { config, schema: { tags, summary: 'Revoke a key: it is refused from the next request on', params: IdParams, body: ApiKeyRevokeInput, response: { 200: ApiKeyView } } },
    async (request) => service.revoke(adminContext(request), request.params.id, request.body),
  );
}
