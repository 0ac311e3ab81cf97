import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ContactPointDirectory, ContactPointQuery } from '../../../contract/contact-points';
import type { AppDeps } from '../../platform/deps';
import { contactPointDirectory } from './contact-points.service';

export function registerContactPointRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/directory/contact-points',
    {
      config: { access: 'directory.contact_points.read' },
      schema: { tags: ['directory'], summary: 'Each economy’s contact-point desks by area, with their members’ names and languages and the duty phone', querystring: ContactPointQuery, response: { 200: ContactPointDirectory } },
    },
    async (request) => contactPointDirectory(deps.db, request.query),
  );
}
