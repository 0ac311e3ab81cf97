import type { FastifyInstance } from 'fastify';
import { isAction } from '../../contract/actions';
import { authorize } from './authorize';

/**
 * Deny by default: a route must declare `config.access` (an action of the catalogue) or
 * `config.public`; registering one with neither stops start-up. Before the handler runs, the
 * policy must allow the declared action for the signed-in actor.
 */
export function registerRouteGuard(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    const config = route.config as { access?: string; public?: boolean } | undefined;
    if (route.method === 'HEAD' || (route as { prefixTrailingSlash?: string }).prefixTrailingSlash === 'no-slash') return;
    const access = config?.access;
    const isPublic = config?.public === true;
    if (isPublic && access) throw new Error(`Route ${String(route.method)} ${route.url} is both public and guarded`);
    if (!isPublic && !access) throw new Error(`Route ${String(route.method)} ${route.url} declares neither an access action nor public`);
    if (access && !isAction(access)) throw new Error(`Route ${String(route.method)} ${route.url} names an unknown action ${access}`);
  });
  // onRequest, before the body is parsed and validated: a caller without the right learns
  // nothing about the route's input shape (401/403, never a 400 that describes the schema).
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access) authorize(request.actor, access);
  });
}
