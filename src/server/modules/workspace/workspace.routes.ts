import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Problem } from '../../../contract/core';
import { WorkView } from '../../../contract/workspace';
import type { createWorkspaceService } from './workspace.service';

export function registerWorkspaceRoutes(app: FastifyInstance, service: ReturnType<typeof createWorkspaceService>) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/work',
    { config: { access: 'workspace.read' }, schema: { tags: ['workspace'], summary: 'My work: the sections of the signed-in user’s own work, each filtered by its module’s rules', response: { 200: WorkView, 401: Problem, 403: Problem } } },
    async (request) => service.get({ actor: request.actor, ip: request.ip }),
  );
}
