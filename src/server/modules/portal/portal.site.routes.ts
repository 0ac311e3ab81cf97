import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EconomyCode, Problem } from '../../../contract/core';
import { EconomyPage, EconomyParams, EditorSitePage, LangQuery, SitePage, SitePageInput, SitePageLinks, SitePageParams, Slug } from '../../../contract/portal';
import type { FeedScope } from './feeds.service';
import type { PortalServices } from './portal.services';
import { readContextFor, writeContextOf } from './portal.route-helpers';

const tags = ['portal'];
const open = { public: true } as const;
const manage = { access: 'portal.taxonomy.manage' } as const;
const errors = { 400: Problem, 401: Problem, 404: Problem, 422: Problem };

/** Economy pages, the footer's site pages (read and edit), and the news feeds per topic and economy. */
export function registerSiteRoutes(app: FastifyInstance, services: PortalServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/portal/economies/:code', { config: open, schema: { tags, summary: 'Everything public about one economy', params: EconomyParams, querystring: LangQuery, response: { 200: EconomyPage, 404: Problem } } }, async (request) =>
    services.economies.page(await readContextFor(services, request, request.query.lang), request.params.code),
  );

  r.get('/api/portal/pages', { config: open, schema: { tags, summary: 'The footer’s site pages (titles in the visitor’s language)', querystring: LangQuery, response: { 200: SitePageLinks } } }, async (request) =>
    services.sitePages.links(await readContextFor(services, request, request.query.lang)),
  );
  r.get('/api/portal/pages/:slug', { config: open, schema: { tags, summary: 'One site page (about, contact, legal notice, privacy, accessibility)', params: SitePageParams, querystring: LangQuery, response: { 200: SitePage, 404: Problem } } }, async (request) =>
    services.sitePages.get(await readContextFor(services, request, request.query.lang), request.params.slug),
  );
  r.get('/api/portal/editor/pages/:slug', { config: manage, schema: { tags, summary: 'A site page’s text in every UI language, for editing', params: SitePageParams, response: { 200: EditorSitePage, ...errors } } }, async (request) =>
    services.sitePages.getForEditor(request.params.slug),
  );
  r.put('/api/portal/editor/pages/:slug', { config: manage, schema: { tags, summary: 'Change a site page’s text', params: SitePageParams, body: SitePageInput, response: { 200: EditorSitePage, ...errors } } }, async (request) =>
    services.sitePages.update(writeContextOf(request), request.params.slug, request.body),
  );

  const feed = async (request: FastifyRequest, lang: string | undefined, reply: FastifyReply, scope: FeedScope, format: 'rss' | 'atom') => {
    const built = await services.feeds.newsFeed(await readContextFor(services, request, lang), services.publicUrl, scope);
    return format === 'rss'
      ? reply.header('content-type', 'application/rss+xml; charset=utf-8').send(built.rss2())
      : reply.header('content-type', 'application/atom+xml; charset=utf-8').send(built.atom1());
  };
  const topicParams = z.object({ slug: Slug });
  const economyParams = z.object({ code: EconomyCode });
  for (const format of ['rss', 'atom'] as const) {
    const produces = [format === 'rss' ? 'application/rss+xml' : 'application/atom+xml'];
    r.get(`/feeds/topics/:slug.${format}`, { config: open, schema: { tags, summary: `${format.toUpperCase()} feed of one topic’s news`, params: topicParams, querystring: LangQuery, produces, response: { 404: Problem } } }, async (request, reply) =>
      feed(request, request.query.lang, reply, { topic: request.params.slug }, format),
    );
    r.get(`/feeds/economies/:code.${format}`, { config: open, schema: { tags, summary: `${format.toUpperCase()} feed of one economy’s news`, params: economyParams, querystring: LangQuery, produces, response: { 404: Problem } } }, async (request, reply) =>
      feed(request, request.query.lang, reply, { economy: request.params.code }, format),
    );
  }
}
