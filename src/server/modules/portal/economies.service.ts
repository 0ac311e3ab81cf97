import { and, arrayContains, asc, eq, inArray, or } from 'drizzle-orm';
import type { EconomyPage } from '../../../contract/portal';
import { economies } from '../../db/schema/core';
import { NotFoundProblem } from '../../platform/http/errors';
import { articleIsPublic, loadTranslations } from './articles.queries';
import { toArticleSummary } from './articles.presenter';
import { toDocumentSummary } from './documents.presenter';
import { documentIsPublic } from './documents.queries';
import { toEventSummary } from './events.presenter';
import { eventIsPublic } from './events.queries';
import { indicatorIsPublic, toIndicatorSummary } from './indicators.service';
import { toInitiativeSummary } from './initiatives.service';
import type { PortalServiceDeps } from './portal.deps';
import type { ReadContext } from './portal.context';
import { latestOrder } from './portal.latest-order';
import { portalArticles, portalDocuments, portalEvents, portalIndicatorValues, portalIndicators, portalInitiatives } from './portal.schema';

const PAGE_ITEMS = 20;

/** One economy's page: what is public about it, as the topic page does for a topic. */
export function createEconomyService(deps: PortalServiceDeps) {
  const { db } = deps;

  return {
    page: async (context: ReadContext, code: string): Promise<EconomyPage> => {
      const [economy] = await db.select({ code: economies.code, name: economies.name }).from(economies).where(eq(economies.code, code));
      if (!economy) throw new NotFoundProblem(`No economy ${code}.`);
      const { now } = context;
      const articles = await db.select().from(portalArticles).where(and(articleIsPublic(now), arrayContains(portalArticles.economies, [code]))).orderBy(latestOrder.articles(now)).limit(PAGE_ITEMS);
      const translations = await loadTranslations(db, articles.map((article) => article.id));
      const documents = await db.select().from(portalDocuments).where(and(documentIsPublic(now), arrayContains(portalDocuments.economies, [code]))).orderBy(latestOrder.documents(now)).limit(PAGE_ITEMS);
      const events = await db
        .select()
        .from(portalEvents)
        .where(and(eventIsPublic(now), or(arrayContains(portalEvents.economies, [code]), eq(portalEvents.economy, code))))
        .orderBy(latestOrder.events(now))
        .limit(PAGE_ITEMS);
      const initiatives = await db.select().from(portalInitiatives).where(arrayContains(portalInitiatives.memberEconomies, [code])).orderBy(asc(portalInitiatives.name)).limit(PAGE_ITEMS);
      // Statistics: the public indicators with at least one value for this economy.
      const values = await db.select().from(portalIndicatorValues).where(eq(portalIndicatorValues.economy, code));
      const indicatorIds = [...new Set(values.map((value) => value.indicatorId))];
      const indicators = indicatorIds.length
        ? await db.select().from(portalIndicators).where(and(indicatorIsPublic(now), inArray(portalIndicators.id, indicatorIds))).orderBy(asc(portalIndicators.name))
        : [];
      const allValues = indicators.length ? await db.select().from(portalIndicatorValues).where(inArray(portalIndicatorValues.indicatorId, indicators.map((row) => row.id))) : [];
      return {
        economy,
        articles: articles.map((article) => toArticleSummary(context, article, translations.get(article.id) ?? [])),
        documents: documents.map((document) => toDocumentSummary(context, document)),
        events: events.map((event) => toEventSummary(context, event)),
        initiatives: initiatives.map((initiative) => toInitiativeSummary(context, initiative)),
        indicators: indicators.map((indicator) => toIndicatorSummary(context, indicator, allValues.filter((value) => value.indicatorId === indicator.id))),
      };
    },
  };
}
