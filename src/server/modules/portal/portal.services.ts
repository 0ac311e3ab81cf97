import type { AppDeps } from '../../platform/deps';
import { createArticleService } from './articles.service';
import { createDocumentExtractor } from './documents.extract';
import { createDocumentService } from './documents.service';
import { createDocumentStorage } from './documents.storage';
import { createEconomyService } from './economies.service';
import { createEventService } from './events.service';
import { createFeedService } from './feeds.service';
import { createIndicatorService } from './indicators.service';
import { createInitiativeService } from './initiatives.service';
import type { PortalSearchIndexHandle } from './search.index.sync';
import { searchPortal } from './search.service';
import { createSitePageService } from './site-pages.service';
import { createTopicService } from './topics.service';
import { createReviewNotices } from './review-notices.service';
import type { SearchQuery } from '../../../contract/portal';

/**
 * The portal's services, wired once from the platform's narrow dependencies. Public search
 * uses the in-process index when one is given (the running app), otherwise SQL alone.
 */
export function createPortalServices(deps: AppDeps, searchIndex: PortalSearchIndexHandle | null = null) {
  const base = { db: deps.db, audit: deps.audit, clock: deps.clock, reviewNotices: createReviewNotices({ mailer: deps.mailer, publicUrl: deps.config.publicUrl }) };
  const storage = createDocumentStorage({ filesDir: deps.filesDir, key: deps.keys.encryption });
  const extractor = createDocumentExtractor();
  return {
    db: deps.db,
    clock: deps.clock,
    /** The configured public address: the start of every absolute link (never the Host header). */
    publicUrl: deps.config.publicUrl,
    storage,
    articles: createArticleService(base),
    extractor,
    documents: createDocumentService({ ...base, storage, extractor }),
    events: createEventService(base),
    indicators: createIndicatorService(base),
    initiatives: createInitiativeService(base),
    topics: createTopicService(base),
    feeds: createFeedService(base),
    economies: createEconomyService(base),
    sitePages: createSitePageService(base),
    search: (now: Date, query: SearchQuery) => searchPortal(deps.db, now, query, searchIndex),
    base,
  };
}

export type PortalServices = ReturnType<typeof createPortalServices>;
