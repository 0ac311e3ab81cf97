import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { registerAlertExtraRoutes } from './alert-extras.routes';
import { registerAlertRoutes } from './alerts.routes';
import { runWantedMaintenance } from './maintenance.service';
import { registerBatchScreeningRoutes } from './screening-batch.routes';
import { startScreeningIndex } from './screening.index.sync';
import { registerScreeningRoutes } from './screening.routes';

export { runWantedMaintenance, REVIEW_REMINDER_DAYS } from './maintenance.service';
export { seedWantedDemo } from './wanted.seed';
// For the workspace ("my work"): pending hits and the user's own screenings, scoped like their pages.
export { listOwnScreenings, listPendingHits } from './hits.work';
// For the exchange module's hit follow-up and cross-check: the hit services, screening and the alert release.
export { createHitService } from './hits.service';
export { createScreeningService } from './screening.service';
export { type HitForFollowUp, findScreenersHit, releaseAlertToOrganisation } from './hit-follow-up';

/** How often the server marks expired alerts and sends review reminders. */
const MAINTENANCE_INTERVAL_MS = 15 * 60 * 1000;

/** The wanted module's only public face: registers its routes and its maintenance job. */
export async function registerWantedModule(app: FastifyInstance, deps: AppDeps) {
  await registerAlertRoutes(app, deps);
  registerAlertExtraRoutes(app, deps);
  // Built from the database at start; screening runs on SQL until it is ready.
  const screeningIndex = startScreeningIndex(deps.db, deps.dbKind);
  const screeningDeps = { ...deps, screeningIndex };
  registerScreeningRoutes(app, screeningDeps);
  registerBatchScreeningRoutes(app, screeningDeps);

  const runQuietly = () => {
    runWantedMaintenance(deps).catch((error: unknown) => app.log.error({ err: error }, 'wanted maintenance failed'));
  };
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    timer = setInterval(runQuietly, MAINTENANCE_INTERVAL_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await screeningIndex.close();
  });
}
