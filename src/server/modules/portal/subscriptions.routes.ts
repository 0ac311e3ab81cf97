import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { type DigestDeps, runDigests } from './digest.service';
import { registerLeadImageRoutes } from './lead-images.routes';
import { createLeadImageService } from './lead-images.service';
import type { PortalServices } from './portal.services';
import { registerPreviewRoutes } from './review-notices.routes';
import { registerSavedSearchRoutes } from './saved-searches.routes';
import { createSavedSearchService } from './saved-searches.service';
import { searchPortal } from './search.service';
import { createUnsubscribeTokens } from './subscriptions.token';

/** Saved searches with their e-mail digest, the unsubscribe link, article lead images and the reviewer's preview. */
export async function registerSubscriptionRoutes(app: FastifyInstance, deps: AppDeps, services: PortalServices) {
  const tokens = createUnsubscribeTokens(deps.keys.encryption);
  registerSavedSearchRoutes(app, createSavedSearchService({ db: deps.db, audit: deps.audit, clock: deps.clock, tokens }));
  registerPreviewRoutes(app, services);
  await registerLeadImageRoutes(app, createLeadImageService({ ...services.base, storage: services.storage, publicUrl: deps.config.publicUrl }));

  const digestDeps = digestDepsOf(deps);
  const runQuietly = () => {
    runDigests(digestDeps).catch((error: unknown) => app.log.error({ err: error }, 'portal digests failed'));
  };
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    // How often due digests are looked for; each is sent at most once a (configured) day or week.
    timer = setInterval(runQuietly, deps.config.PORTAL_DIGEST_CHECK_SECONDS * 1000);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}

/** One digest round with the app's dependencies, searching in SQL (for tests and operators). */
export function runPortalDigests(deps: AppDeps) {
  return runDigests(digestDepsOf(deps));
}

function digestDepsOf(deps: AppDeps): DigestDeps {
  const tokens = createUnsubscribeTokens(deps.keys.encryption);
  return { db: deps.db, audit: deps.audit, clock: deps.clock, mailer: deps.mailer, tokens, publicUrl: deps.config.publicUrl, dayMs: deps.config.PORTAL_DIGEST_DAY_SECONDS * 1000, search: searchPortal };
}
