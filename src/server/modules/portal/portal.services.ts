import type { AppDeps } from '../../platform/deps';
import { createArticleService } from './articles.service';
import { createDocumentService } from './documents.service';
import { createDocumentStorage } from './documents.storage';
import { createEventService } from './events.service';
import { createFeedService } from './feeds.service';
import { createIndicatorService } from './indicators.service';
import { createInitiativeService } from './initiatives.service';
import { searchPortal } from './search.service';
import { createTopicService } from './topics.service';
import type { SearchQuery } from '../../../contract/portal';

/** The portal's services, wired once from the platform's narrow dependencies. */
export function createPortalServices(deps: AppDeps) {
  const base = { db: deps.db, audit: deps.audit, clock: deps.clock };
  const storage = createDocumentStorage({ filesDir: deps.filesDir, key: deps.keys.encryption });
  return {
    db: deps.db,
    clock: deps.clock,
    storage,
    articles: createArticleService(base),
    documents: createDocumentService({ ...base, storage }),
    events: createEventService(base),
    indicators: createIndicatorService(base),
    initiatives: createInitiativeService(base),
    topics: createTopicService(base),
    feeds: createFeedService(base),
    search: (now: Date, query: SearchQuery) => searchPortal(deps.db, now, query),
    base,
  };
}

export type PortalServices = ReturnType<typeof createPortalServices>;
