import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { registerExchangeRoutes } from './exchange.routes';
import { registerCaseworkRoutes } from './follow-up.routes';
import { registerHotline } from './hotline.routes';
import { registerRoutingRoutes } from './routing.routes';
import { runExchangeReminders } from './reminders.service';

export { seedExchangeDemo } from './exchange.seed';
export { seedRoutingDemo } from './routing.seed';
export { runExchangeReminders } from './reminders.service';
export { runHotlineEscalation } from './hotline.escalation';
// For the workspace ("my work"): requests due soon, overdue and awaiting approval, scoped like the inbox.
export { listExchangeWork } from './inbox.work';
// For the cases module's "ask for it" after a cross-border hit: a request to the holding economy's contact point.
export { type CaseMatchRequestInput, type CaseMatchRequests, createCaseMatchRequests } from './case-match-request';
// For the cases module's risk-analysis reports: the same four-eyes release as any marked item, and each economy's approval level.
export { type ReleaseCandidate, maySecondPersonRelease, needsApprovalAt } from './approval-levels';
export { loadEconomySettings as loadReleaseSettings } from './routing.queries';
// For the cases module's documents: the same content check as attachments (the bytes decide the type).
export { checkAttachment } from './attachments.sniff';

/** How often the server looks for requests whose deadline is near. */
const REMINDER_INTERVAL_MS = 5 * 60 * 1000;

/** The exchange module's only public face: messages and requests between desks, and deadline reminders. */
export async function registerExchangeModule(app: FastifyInstance, deps: AppDeps) {
  registerExchangeRoutes(app, deps);
  await registerCaseworkRoutes(app, deps);
  registerHotline(app, deps);
  registerRoutingRoutes(app, deps);
  const runQuietly = () => {
    runExchangeReminders(deps).catch((error: unknown) => app.log.error({ err: error }, 'exchange reminders failed'));
  };
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    timer = setInterval(runQuietly, REMINDER_INTERVAL_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
