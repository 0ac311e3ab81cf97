import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { registerCaseRoutes } from './cases.routes';

export { seedCasesDemo } from './cases.seed';

/** The cases module's only public face: the joint case database, its correlation and hit/no-hit, teams and dashboards. */
export async function registerCasesModule(app: FastifyInstance, deps: AppDeps) {
  registerCaseRoutes(app, deps);
}
