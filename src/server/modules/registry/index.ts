import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { registerRegistryRoutes } from './registry.routes';

export { seedRegistryDemo } from './registry.seed';
export { listOwnOrganisationActivities } from './registry.work';

/** The registry module's only public face: activities, overlap warnings, 3W views and IATI files. */
export async function registerRegistryModule(app: FastifyInstance, deps: AppDeps) {
  registerRegistryRoutes(app, deps);
}
