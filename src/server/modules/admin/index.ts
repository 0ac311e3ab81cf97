import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { registerDeskRoutes } from './desks.routes';
import { registerOrganisationRoutes } from './organisations.routes';
import { registerSharingGroupRoutes } from './sharing-groups.routes';
import { registerUserRoutes } from './users.routes';

export { generateOneTimePassword } from './one-time-password';

/** The administration module's public face: organisations, users, desks and sharing groups. */
export async function registerAdminModule(app: FastifyInstance, deps: AppDeps) {
  registerOrganisationRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerDeskRoutes(app, deps);
  registerSharingGroupRoutes(app, deps);
}
