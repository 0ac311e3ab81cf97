import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../platform/deps';
import { registerAdminModule } from './admin';
import { registerAuditModule } from './audit';
import { registerDirectoryModule } from './directory';
import { registerExchangeModule } from './exchange';
import { registerHealthModule } from './health';
import { registerIdentityModule } from './identity';
import { registerNotificationsModule } from './notifications';
import { registerPortalModule } from './portal';
import { registerWantedModule } from './wanted';

/** Each capability registers its own routes; the order does not matter. */
export async function registerModules(app: FastifyInstance, deps: AppDeps) {
  await registerHealthModule(app, deps);
  await registerIdentityModule(app, deps);
  await registerAuditModule(app, deps);
  await registerDirectoryModule(app, deps);
  await registerAdminModule(app, deps);
  await registerNotificationsModule(app, deps);
  await registerPortalModule(app, deps);
  await registerWantedModule(app, deps);
  await registerExchangeModule(app, deps);
}
