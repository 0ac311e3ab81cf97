import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { registerAccessChangeRoutes } from './access-changes.routes';
import { registerApiKeyRoutes } from './api-keys.routes';
import { registerDeskRoutes } from './desks.routes';
import { registerOrganisationRoutes } from './organisations.routes';
import { registerSharingGroupRoutes } from './sharing-groups.routes';
import { registerUserRoutes } from './users.routes';

export { generateOneTimePassword } from './one-time-password';
// For the workspace ("my work"): accounts that need an administrator, and changes awaiting review.
export { listAdminWork } from './users.work';
// For the audit view: users' names, for those who may see them.
export { userRecordTitles } from './users.titles';

/** The administration module's public face: organisations, users, desks, sharing groups and the four-eyes queue. */
export async function registerAdminModule(app: FastifyInstance, deps: AppDeps) {
  registerOrganisationRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerDeskRoutes(app, deps);
  registerSharingGroupRoutes(app, deps);
  registerAccessChangeRoutes(app, deps);
  registerApiKeyRoutes(app, deps);
}
