import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { createPortalServices } from './portal.services';
import { registerEditorRoutes } from './portal.editor.routes';
import { registerFeedRoutes } from './portal.feeds.routes';
import { registerPageRoutes } from './portal.pages.routes';
import { registerPublicRoutes } from './portal.public.routes';
import { registerSiteRoutes } from './portal.site.routes';
import { startPortalSearchIndex } from './search.index.sync';
import { registerSubscriptionRoutes } from './subscriptions.routes';

export { seedPortalDemo } from './seed/seed-portal';
// For other modules: the rich-text sanitiser, the cross-script search fold and the topics.
export { htmlToText, sanitizeRichText } from './portal.sanitize';
export { foldText } from './search.fold';
export { listTopicNames } from './topics.names';
// For the cases module's documents: the same bounded reading off the event loop (bombs refused).
export { type DocumentExtractor, createDocumentExtractor } from './documents.extract';
// For the workspace: the portal's part of "my work", and one digest round.
export { portalWorkOf } from './subscriptions.work';
export { runPortalDigests } from './subscriptions.routes';
// For the audit view: portal items' titles, public ones for everyone, all for editors.
export { portalRecordTitles } from './portal.titles';

/** The portal module's only public face: registers its routes. */
export async function registerPortalModule(app: FastifyInstance, deps: AppDeps) {
  const searchIndex = startPortalSearchIndex(deps.db, deps.dbKind);
  const services = createPortalServices(deps, searchIndex);
  app.addHook('onClose', () => services.extractor.close());
  app.addHook('onClose', () => searchIndex.close());
  registerPublicRoutes(app, services);
  registerFeedRoutes(app, services);
  await registerEditorRoutes(app, services);
  await registerSubscriptionRoutes(app, deps, services);
  registerSiteRoutes(app, services);
  registerPageRoutes(app, services);
}
