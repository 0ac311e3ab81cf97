import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DeskList,
  DeskListQuery,
  EconomyList,
  OrganisationListQuery,
  OrganisationPage,
  SharingGroupList,
} from '../../../contract/directory';
import type { AppDeps } from '../../platform/deps';
import { createDirectoryService } from './directory.service';

const tags = ['directory'];

export function registerDirectoryRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = createDirectoryService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/directory/economies',
    { config: { public: true }, schema: { tags, summary: 'Economies and pseudo-economies', response: { 200: EconomyList } } },
    async () => service.economies(),
  );

  routes.get(
    '/api/directory/organisations',
    {
      config: { access: 'directory.read' },
      schema: { tags, summary: 'Organisations, by economy, kind and name', querystring: OrganisationListQuery, response: { 200: OrganisationPage } },
    },
    async (request) => service.organisations(request.actor, request.query),
  );

  routes.get(
    '/api/directory/desks',
    {
      config: { access: 'directory.read' },
      schema: { tags, summary: 'Contact-point desks with their member counts', querystring: DeskListQuery, response: { 200: DeskList } },
    },
    async (request) => ({ items: await service.desks(request.actor, request.query) }),
  );

  routes.get(
    '/api/directory/sharing-groups',
    { config: { access: 'directory.read' }, schema: { tags, summary: 'Sharing groups and who they include', response: { 200: SharingGroupList } } },
    async (request) => ({ items: await service.sharingGroups(request.actor) }),
  );
}
