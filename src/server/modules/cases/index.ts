import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { casesDepsOf } from './cases.context';
import { registerCaseRoutes } from './cases.routes';
import { registerCaseInteropRoutes } from './interop/interop.routes';
import { registerCaseReportRoutes } from './reports.routes';

export { seedCasesDemo } from './cases.seed';

/** The cases module's only public face: the joint case database, its correlation and hit/no-hit, teams and dashboards. */
export async function registerCasesModule(app: FastifyInstance, deps: AppDeps) {
  const casesDeps = casesDepsOf(deps);
  await registerCaseRoutes(app, casesDeps);
  registerCaseInteropRoutes(app, casesDeps);
  registerCaseReportRoutes(app, casesDeps);
}
