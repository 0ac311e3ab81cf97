import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../platform/deps';
import { registerHealthModule } from './health';
import { registerPortalModule } from './portal';
import { registerWantedModule } from './wanted';

/** Each capability registers its own routes; the order does not matter. */
export async function registerModules(app: FastifyInstance, deps: AppDeps) {
  await registerHealthModule(app, deps);
  await registerPortalModule(app, deps);
  await registerWantedModule(app, deps);
}
