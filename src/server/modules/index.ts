import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../platform/deps';
import { registerAdminModule } from './admin';
import { registerAuditModule } from './audit';
import { registerCasesModule } from './cases';
import { registerDirectoryModule } from './directory';
import { registerExchangeModule } from './exchange';
import { registerHealthModule } from './health';
import { registerIdentityModule } from './identity';
import { registerNotificationsModule } from './notifications';
import { registerPortalModule } from './portal';
import { registerRegistryModule } from './registry';
import { registerWantedModule } from './wanted';
import { registerWorkspaceModule } from './workspace';

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
  await registerRegistryModule(app, deps);
  await registerWorkspaceModule(app, deps);
  await registerCasesModule(app, deps);
}
