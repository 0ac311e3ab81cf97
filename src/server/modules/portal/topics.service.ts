import { and, arrayContains, asc, eq, sql } from 'drizzle-orm';
import type { Topic, TopicList, TopicPage, TopicUpdateInput } from '../../../contract/portal';
import { rowsOf } from '../../db/migrate';
import { NotFoundProblem } from '../../platform/http/errors';
import { articleIsPublic, loadTranslations } from './articles.queries';
import { toArticleSummary } from './articles.presenter';
import { toDocumentSummary } from './documents.presenter';
import { documentIsPublic } from './documents.queries';
import { toEventSummary } from './events.presenter';
import { eventIsPublic } from './events.queries';
import { indicatorIsPublic, toIndicatorSummary } from './indicators.service';
import { toInitiativeSummary } from './initiatives.service';
import type { PortalServiceDeps, WriteContext } from './portal.deps';
import type { ReadContext } from './portal.context';
import { latestOrder } from './portal.latest-order';
import { portalArticles, portalDocuments, portalEvents, portalIndicatorValues, portalIndicators, portalInitiatives, portalTopics } from './portal.schema';
import { searchVisible } from './search.queries';

type TopicRow = typeof portalTopics.$inferSelect;
type Counts = Topic['counts'];
const emptyCounts = (): Counts => ({ article: 0, document: 0, event: 0, initiative: 0, indicator: 0 });
const PAGE_ITEMS = 20;

export function createTopicService(deps: PortalServiceDeps) {
  const { db } = deps;

  /** Counts of public items per topic and type, from the search table (same visibility rule). */
  async function countsByTopic(now: Date): Promise<Map<string, Counts>> {
    const result = await db.execute(sql`select t as topic, ps.type, count(*)::int as count
      from portal_search ps, unnest(ps.topics) t where ${searchVisible(now)} group by t, ps.type`);
    const counts = new Map<string, Counts>();
    for (const row of rowsOf<{ topic: string; type: keyof Counts; count: number }>(result)) {
      const entry = counts.get(row.topic) ?? emptyCounts();
      entry[row.type] = row.count;
      counts.set(row.topic, entry);
    }
    return counts;
  }

  const toTopic = (context: ReadContext, row: TopicRow, counts: Map<string, Counts>): Topic => ({
    slug: row.slug,
    name: row.names[context.ui] ?? row.names.en ?? row.slug,
    names: row.names as Topic['names'],
    description: row.description,
    counts: counts.get(row.slug) ?? emptyCounts(),
  });

  return {
    list: async (context: ReadContext): Promise<TopicList> => {
      const rows = await db.select().from(portalTopics).orderBy(asc(portalTopics.sortOrder));
      const counts = await countsByTopic(context.now);
      return { items: rows.map((row) => toTopic(context, row, counts)), language: context.ui };
    },

    page: async (context: ReadContext, slug: string): Promise<TopicPage> => {
      const [row] = await db.select().from(portalTopics).where(eq(portalTopics.slug, slug));
      if (!row) throw new NotFoundProblem(`No topic ${slug}.`);
      const { now } = context;
      const articles = await db.select().from(portalArticles).where(and(articleIsPublic(now), arrayContains(portalArticles.topics, [slug]))).orderBy(latestOrder.articles(now)).limit(PAGE_ITEMS);
      const translations = await loadTranslations(db, articles.map((article) => article.id));
      const documents = await db.select().from(portalDocuments).where(and(documentIsPublic(now), arrayContains(portalDocuments.topics, [slug]))).orderBy(latestOrder.documents(now)).limit(PAGE_ITEMS);
      const events = await db.select().from(portalEvents).where(and(eventIsPublic(now), arrayContains(portalEvents.topics, [slug]))).orderBy(latestOrder.events(now)).limit(PAGE_ITEMS);
      const initiatives = await db.select().from(portalInitiatives).where(arrayContains(portalInitiatives.topics, [slug])).orderBy(asc(portalInitiatives.name)).limit(PAGE_ITEMS);
      const indicators = await db.select().from(portalIndicators).where(and(indicatorIsPublic(now), arrayContains(portalIndicators.topics, [slug]))).orderBy(asc(portalIndicators.name)).limit(PAGE_ITEMS);
      const values = indicators.length ? await db.select().from(portalIndicatorValues) : [];
      return {
        topic: toTopic(context, row, await countsByTopic(now)),
        articles: articles.map((article) => toArticleSummary(context, article, translations.get(article.id) ?? [])),
        documents: documents.map((document) => toDocumentSummary(context, document)),
        events: events.map((event) => toEventSummary(context, event)),
        initiatives: initiatives.map((initiative) => toInitiativeSummary(context, initiative)),
        indicators: indicators.map((indicator) => toIndicatorSummary(context, indicator, values.filter((value) => value.indicatorId === indicator.id))),
      };
    },

    update: async (context: WriteContext, readContext: ReadContext, slug: string, input: TopicUpdateInput): Promise<Topic> => {
      const row = await deps.audit.command(async (tx) => {
        const [updated] = await tx.update(portalTopics).set({ names: input.names, description: input.description }).where(eq(portalTopics.slug, slug)).returning();
        if (!updated) throw new NotFoundProblem(`No topic ${slug}.`);
        await deps.audit.append(tx, context, { action: 'portal.topic.update', recordType: 'portal_topic', recordId: slug });
        return updated;
      });
      return toTopic(readContext, row, await countsByTopic(readContext.now));
    },
  };
}
