import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Problem } from '../../../contract/core';
import { Article, type ContentLanguage, Document, Event, IdParams, Indicator, LangQuery } from '../../../contract/portal';
import { buildReadContext } from './portal.context';
import type { PortalServices } from './portal.services';
import { sendDocumentFile, writeContextOf } from './portal.route-helpers';
import { previewArticle } from './review-notices.preview';

const errors = { 401: Problem, 403: Problem, 404: Problem };

/**
 * The reviewer's preview: an item in any status shown exactly as it will be published — the
 * public presenter of each kind, as an anonymous visitor, in the requested language; a
 * document's download goes through the editors' file route, since the public one is a 404
 * until publication.
 */
export function registerPreviewRoutes(app: FastifyInstance, services: PortalServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'portal.content.write' } as const;
  const schema = { tags: ['portal'], params: IdParams, querystring: LangQuery };
  const context = (lang: ContentLanguage | undefined) => buildReadContext(services.db, services.clock(), lang ?? null);
  r.get('/api/portal/editor/articles/:id/preview', { config, schema: { ...schema, summary: 'An article in any status as the public page will show it', response: { 200: Article, ...errors } } }, async (request) =>
    previewArticle(services.db, services.clock(), request.params.id, request.query.lang),
  );
  r.get('/api/portal/editor/documents/:id/preview', { config, schema: { ...schema, summary: 'A document in any status as the public page will show it', response: { 200: Document, ...errors } } }, async (request) =>
    services.documents.preview(await context(request.query.lang), request.params.id),
  );
  r.get('/api/portal/editor/documents/:id/file', { config, schema: { tags: ['portal'], params: IdParams, summary: 'Download a document’s file in any status (the preview’s download); audited', produces: ['application/pdf', 'application/octet-stream'] } }, async (request, reply) =>
    sendDocumentFile(reply, await services.documents.downloadForEditor(writeContextOf(request), request.params.id)),
  );
  r.get('/api/portal/editor/events/:id/preview', { config, schema: { ...schema, summary: 'An event in any status as the public page will show it', response: { 200: Event, ...errors } } }, async (request) =>
    services.events.preview(await context(request.query.lang), request.params.id),
  );
  r.get('/api/portal/editor/indicators/:id/preview', { config, schema: { ...schema, summary: 'An indicator in any status as the public page will show it', response: { 200: Indicator, ...errors } } }, async (request) =>
    services.indicators.preview(await context(request.query.lang), request.params.id),
  );
}
