import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { createPortalServices } from './portal.services';
import { registerEditorRoutes } from './portal.editor.routes';
import { registerFeedRoutes } from './portal.feeds.routes';
import { registerPublicRoutes } from './portal.public.routes';

export { seedPortalDemo } from './seed/seed-portal';

/** The portal module's only public face: registers its routes. */
export async function registerPortalModule(app: FastifyInstance, deps: AppDeps) {
  const services = createPortalServices(deps);
  registerPublicRoutes(app, services);
  registerFeedRoutes(app, services);
  await registerEditorRoutes(app, services);
}
