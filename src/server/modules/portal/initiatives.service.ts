import { type SQL, and, arrayContains, asc, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Initiative, InitiativeList, InitiativeListQuery, InitiativeRef, InitiativeSummary, MembershipMatrix } from '../../../contract/portal';
import type { Db } from '../../db/client';
import { economies } from '../../db/schema/core';
import { NotFoundProblem } from '../../platform/http/errors';
import { loadTranslations } from './articles.queries';
import { articleIsPublic } from './articles.queries';
import { toArticleSummary } from './articles.presenter';
import { toDocumentSummary } from './documents.presenter';
import { documentIsPublic } from './documents.queries';
import { toEventSummary } from './events.presenter';
import { eventIsPublic } from './events.queries';
import { type ReadContext, topicRefs } from './portal.context';
import { portalArticles, portalDocuments, portalEvents, portalInitiatives } from './portal.schema';
import { latestOrder } from './portal.latest-order';
import { listingOrder, upsertSearchRow } from './search.queries';

export type InitiativeRow = typeof portalInitiatives.$inferSelect;
export type InitiativeSeed = Omit<typeof portalInitiatives.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

const ref = (row: InitiativeRow): InitiativeRef => ({ slug: row.slug, name: row.name, acronym: row.acronym });

export function toInitiativeSummary(context: ReadContext, row: InitiativeRow): InitiativeSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    acronym: row.acronym,
    founded: row.founded,
    ended: row.ended,
    status: row.ended === null ? 'active' : 'historic',
    seat: row.seat,
    memberEconomies: row.memberEconomies,
    otherMembers: row.otherMembers,
    topics: topicRefs(context, row.topics),
  };
}

/** Initiatives are reference facts maintained by the secretariat: always public, no workflow. */
export async function upsertInitiative(db: Db, seed: InitiativeSeed, now: Date) {
  const [row] = await db
    .insert(portalInitiatives)
    .values({ ...seed, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: portalInitiatives.slug, set: { ...seed, updatedAt: now } })
    .returning();
  await upsertSearchRow(db, {
    type: 'initiative',
    itemId: row!.id,
    slug: row!.slug,
    title: row!.acronym ? `${row!.name} (${row!.acronym})` : row!.name,
    text: `${row!.mandate}\n${row!.seat ?? ''}\n${row!.otherMembers ?? ''}`,
    topics: row!.topics,
    economies: row!.memberEconomies,
    languages: ['en'],
    year: row!.founded,
    // An initiative has a founding year, not a date: no invented 1 January (the year facet still has it).
    itemDate: null,
    status: 'published',
    publishAt: new Date(Date.UTC(2000, 0, 1)),
  });
  return row!;
}

export function createInitiativeService(deps: { db: Db }) {
  const { db } = deps;
  return {
    list: async (context: ReadContext, query: InitiativeListQuery): Promise<InitiativeList> => {
      const conditions: (SQL | undefined)[] = [];
      if (query.topic) conditions.push(arrayContains(portalInitiatives.topics, [query.topic]));
      if (query.economy) conditions.push(arrayContains(portalInitiatives.memberEconomies, [query.economy]));
      if (query.status === 'active') conditions.push(isNull(portalInitiatives.ended));
      if (query.status === 'historic') conditions.push(isNotNull(portalInitiatives.ended));
      const rows = await db.select().from(portalInitiatives).where(and(...conditions)).orderBy(asc(portalInitiatives.name));
      return { items: rows.map((row) => toInitiativeSummary(context, row)) };
    },

    matrix: async (status: 'active' | 'historic' | 'all'): Promise<MembershipMatrix> => {
      const condition = status === 'active' ? isNull(portalInitiatives.ended) : status === 'historic' ? isNotNull(portalInitiatives.ended) : undefined;
      const rows = await db.select().from(portalInitiatives).where(condition).orderBy(asc(portalInitiatives.name));
      const columns = await db.select().from(economies).where(sql`${economies.kind} = 'economy'`).orderBy(asc(economies.sortOrder));
      return {
        economies: columns.map((economy) => ({ code: economy.code, name: economy.name })),
        rows: rows.map((row) => ({ initiative: ref(row), status: row.ended === null ? 'active' : 'historic', members: row.memberEconomies })),
      };
    },

    get: async (context: ReadContext, slug: string): Promise<Initiative> => {
      const rows = await db.select().from(portalInitiatives);
      const row = rows.find((candidate) => candidate.slug === slug);
      if (!row) throw new NotFoundProblem(`No initiative ${slug}.`);
      const bySlug = (value: string | null) => (value ? rows.find((candidate) => candidate.slug === value) : undefined);
      const parent = bySlug(row.parentSlug);
      const successor = bySlug(row.successorSlug);
      // Related content: items that name the initiative (acronym or name) in their search text.
      const needle = row.acronym ?? row.name;
      const related = await db.execute(sql`select ps.type, ps.item_id from portal_search ps
        join portal_search_text pt on pt.type = ps.type and pt.item_id = ps.item_id
        where ps.type in ('article', 'document', 'event') and ps.status = 'published' and ps.publish_at <= ${context.now.toISOString()}::timestamptz
          and pt.body ~ ${`\\m${needle.replace(/[^\p{L}\p{N} ]/gu, '.')}\\M`}
        order by ${listingOrder('ps', context.now.toISOString())} limit 30`);
      const ids = (type: string) =>
        (Array.isArray(related) ? related : (related as { rows: { type: string; item_id: string }[] }).rows)
          .filter((item: { type: string }) => item.type === type)
          .map((item: { item_id: string }) => item.item_id);
      const articleIds = ids('article');
      const articles = articleIds.length
        ? await db.select().from(portalArticles).where(and(articleIsPublic(context.now), inArray(portalArticles.id, articleIds))).orderBy(latestOrder.articles(context.now)).limit(10)
        : [];
      const translations = await loadTranslations(db, articles.map((a) => a.id));
      const documentIds = ids('document');
      const documents = documentIds.length
        ? await db.select().from(portalDocuments).where(and(documentIsPublic(context.now), inArray(portalDocuments.id, documentIds))).orderBy(latestOrder.documents(context.now)).limit(10)
        : [];
      const eventIds = ids('event');
      const events = eventIds.length
        ? await db.select().from(portalEvents).where(and(eventIsPublic(context.now), inArray(portalEvents.id, eventIds))).orderBy(latestOrder.events(context.now)).limit(10)
        : [];
      return {
        ...toInitiativeSummary(context, row),
        mandate: row.mandate,
        website: row.website,
        otherMembers: row.otherMembers,
        parent: parent ? ref(parent) : null,
        successor: successor ? ref(successor) : null,
        predecessors: rows.filter((candidate) => candidate.successorSlug === row.slug).map(ref),
        children: rows.filter((candidate) => candidate.parentSlug === row.slug).map(ref),
        related: {
          articles: articles.map((article) => toArticleSummary(context, article, translations.get(article.id) ?? [])),
          documents: documents.map((document) => toDocumentSummary(context, document)),
          events: events.map((event) => toEventSummary(context, event)),
        },
      };
    },
  };
}
