import { type SQL, sql } from 'drizzle-orm';
import { portalArticles, portalDocuments, portalEvents } from './portal.schema';
import { listingOrderBy } from './search.queries';

/**
 * The "latest" order of search (`listingOrder`) over each dated kind's own table, for the pages
 * that list one kind (a topic's, an economy's, an initiative's): current items newest first,
 * then upcoming ones soonest first, undated last. A document's date is its day at UTC midnight,
 * as in the search table.
 */
export const latestOrder = {
  articles: (now: Date): SQL => listingOrderBy(portalArticles.publishAt, portalArticles.id, now.toISOString()),
  documents: (now: Date): SQL => listingOrderBy(sql`(${portalDocuments.publishedOn}::timestamp at time zone 'UTC')`, portalDocuments.id, now.toISOString()),
  events: (now: Date): SQL => listingOrderBy(portalEvents.startsAt, portalEvents.id, now.toISOString()),
};
