import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../../contract/core';
import {
  Article,
  ArticleListQuery,
  ArticlePage,
  Document,
  DocumentListQuery,
  DocumentPage,
  EconomyList,
  Event,
  EventListQuery,
  EventPage,
  Indicator,
  IndicatorList,
  IndicatorListQuery,
  Initiative,
  InitiativeList,
  InitiativeListQuery,
  LangQuery,
  MembershipMatrix,
  SearchQuery,
  SearchResult,
  SlugParams,
  TopicList,
  TopicPage,
} from '../../../contract/portal';
import { asc, eq } from 'drizzle-orm';
import { economies } from '../../db/schema/core';
import type { PortalServices } from './portal.services';
import { readContextFor, sendDocumentFile } from './portal.route-helpers';

const tags = ['portal'];
const notFound = { 404: Problem };

export function registerPublicRoutes(app: FastifyInstance, services: PortalServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const context = (request: FastifyRequest, lang?: string) => readContextFor(services, request, lang);
  const open = { public: true } as const;

  r.get('/api/portal/articles', { config: open, schema: { tags, summary: 'Public articles, newest first', querystring: ArticleListQuery, response: { 200: ArticlePage } } }, async (request) =>
    services.articles.listPublic(await context(request, request.query.lang), request.query),
  );
  r.get('/api/portal/articles/:slug', { config: open, schema: { tags, summary: 'One public article in the visitor’s language', params: SlugParams, querystring: LangQuery, response: { 200: Article, ...notFound } } }, async (request) =>
    services.articles.getPublic(await context(request, request.query.lang), request.params.slug),
  );

  r.get('/api/portal/documents', { config: open, schema: { tags, summary: 'Public documents of the library', querystring: DocumentListQuery, response: { 200: DocumentPage } } }, async (request) =>
    services.documents.listPublic(await context(request), request.query),
  );
  r.get('/api/portal/documents/:slug', { config: open, schema: { tags, summary: 'One public document with a text preview', params: SlugParams, querystring: LangQuery, response: { 200: Document, ...notFound } } }, async (request) =>
    services.documents.getPublic(await context(request, request.query.lang), request.params.slug),
  );
  r.get('/api/portal/documents/:slug/file', { config: open, schema: { tags, summary: 'Download the document file', params: SlugParams, produces: ['application/pdf', 'application/octet-stream'] } }, async (request, reply) => {
    return sendDocumentFile(reply, await services.documents.download(services.clock(), request.params.slug));
  });

  r.get('/api/portal/events', { config: open, schema: { tags, summary: 'Public events (upcoming by default)', querystring: EventListQuery, response: { 200: EventPage } } }, async (request) =>
    services.events.listPublic(await context(request), request.query),
  );
  r.get('/api/portal/events/:slug', { config: open, schema: { tags, summary: 'One public event with its materials', params: SlugParams, querystring: LangQuery, response: { 200: Event, ...notFound } } }, async (request) =>
    services.events.getPublic(await context(request, request.query.lang), request.actor, request.params.slug),
  );
  r.get('/api/portal/events/:slug/event.ics', { config: open, schema: { tags, summary: 'iCalendar file of one event', params: SlugParams, produces: ['text/calendar'] } }, async (request, reply) => {
    const body = await services.events.calendar(services.clock(), services.publicUrl, request.params.slug);
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${request.params.slug}.ics"`).send(body);
  });

  r.get('/api/portal/topics', { config: open, schema: { tags, summary: 'The topic taxonomy with counts of public items', querystring: LangQuery, response: { 200: TopicList } } }, async (request) =>
    services.topics.list(await context(request, request.query.lang)),
  );
  r.get('/api/portal/topics/:slug', { config: open, schema: { tags, summary: 'Everything public tagged with one topic', params: SlugParams, querystring: LangQuery, response: { 200: TopicPage, ...notFound } } }, async (request) =>
    services.topics.page(await context(request, request.query.lang), request.params.slug),
  );

  r.get('/api/portal/initiatives', { config: open, schema: { tags, summary: 'Directory of regional initiatives', querystring: InitiativeListQuery, response: { 200: InitiativeList } } }, async (request) =>
    services.initiatives.list(await context(request, request.query.lang), request.query),
  );
  r.get('/api/portal/initiatives/matrix', { config: open, schema: { tags, summary: 'Membership matrix: initiatives × economies', querystring: z.object({ status: z.enum(['active', 'historic', 'all']).default('all') }), response: { 200: MembershipMatrix } } }, async (request) =>
    services.initiatives.matrix(request.query.status),
  );
  r.get('/api/portal/initiatives/:slug', { config: open, schema: { tags, summary: 'One regional initiative with its related content', params: SlugParams, querystring: LangQuery, response: { 200: Initiative, ...notFound } } }, async (request) =>
    services.initiatives.get(await context(request, request.query.lang), request.params.slug),
  );

  r.get('/api/portal/indicators', { config: open, schema: { tags, summary: 'Key statistics: public indicators', querystring: IndicatorListQuery, response: { 200: IndicatorList } } }, async (request) =>
    services.indicators.list(await context(request, request.query.lang), request.query.topic),
  );
  r.get('/api/portal/indicators/:slug', { config: open, schema: { tags, summary: 'One indicator with its series per economy', params: SlugParams, querystring: LangQuery, response: { 200: Indicator, ...notFound } } }, async (request) =>
    services.indicators.get(await context(request, request.query.lang), request.params.slug),
  );
  r.get('/api/portal/indicators/:slug/data.csv', { config: open, schema: { tags, summary: 'Indicator data as CSV', params: SlugParams, produces: ['text/csv'] } }, async (request, reply) => {
    const body = await services.indicators.csv(services.clock(), request.params.slug);
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${request.params.slug}.csv"`).send(body);
  });

  r.get('/api/portal/search', { config: open, schema: { tags, summary: 'Search all public portal content', querystring: SearchQuery, response: { 200: SearchResult } } }, async (request) =>
    services.search(services.clock(), request.query),
  );

  r.get('/api/portal/economies', { config: open, schema: { tags, summary: 'Economies (reference data)', response: { 200: EconomyList } } }, async () => ({
    items: await services.db.select({ code: economies.code, name: economies.name }).from(economies).where(eq(economies.kind, 'economy')).orderBy(asc(economies.sortOrder)),
  }));
}
