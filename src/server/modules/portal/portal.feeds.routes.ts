import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EventRegistration, EventRegistrationList, LangQuery, SlugParams } from '../../../contract/portal';
import { Problem } from '../../../contract/core';
import { robotsTxt } from './feeds.service';
import type { PortalServices } from './portal.services';
import { readContextFor, writeContextOf } from './portal.route-helpers';

const tags = ['portal'];
const open = { public: true } as const;
const register = { access: 'portal.event.register' } as const;

/** Feeds, calendar, sitemap, robots.txt, and the signed-in user's event registrations. */
export function registerFeedRoutes(app: FastifyInstance, services: PortalServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/feeds/news.rss', { config: open, schema: { tags, summary: 'RSS 2.0 feed of news and analyses', querystring: LangQuery, produces: ['application/rss+xml'] } }, async (request, reply) => {
    const feed = await services.feeds.newsFeed(await readContextFor(services, request, request.query.lang), services.publicUrl);
    return reply.header('content-type', 'application/rss+xml; charset=utf-8').send(feed.rss2());
  });
  r.get('/feeds/news.atom', { config: open, schema: { tags, summary: 'Atom 1.0 feed of news and analyses', querystring: LangQuery, produces: ['application/atom+xml'] } }, async (request, reply) => {
    const feed = await services.feeds.newsFeed(await readContextFor(services, request, request.query.lang), services.publicUrl);
    return reply.header('content-type', 'application/atom+xml; charset=utf-8').send(feed.atom1());
  });
  r.get('/feeds/events.ics', { config: open, schema: { tags, summary: 'iCalendar feed of public events', produces: ['text/calendar'] } }, async (request, reply) => {
    const body = await services.events.calendar(services.clock(), services.publicUrl);
    return reply.header('content-type', 'text/calendar; charset=utf-8').send(body);
  });
  r.get('/sitemap.xml', { config: open, schema: { tags, summary: 'Sitemap of every public portal page', produces: ['application/xml'] } }, async (request, reply) =>
    reply.header('content-type', 'application/xml; charset=utf-8').send(await services.feeds.sitemap(services.clock(), services.publicUrl)),
  );
  r.get('/robots.txt', { config: open, schema: { tags, summary: 'robots.txt', produces: ['text/plain'] } }, async (request, reply) =>
    reply.header('content-type', 'text/plain; charset=utf-8').send(robotsTxt(services.publicUrl)),
  );

  r.post('/api/portal/events/:slug/registration', { config: register, schema: { tags, summary: 'Register for an event', params: SlugParams, response: { 201: EventRegistration, 401: Problem, 404: Problem, 409: Problem } } }, async (request, reply) =>
    reply.status(201).send(await services.events.register(await readContextFor(services, request), writeContextOf(request), request.params.slug)),
  );
  r.delete('/api/portal/events/:slug/registration', { config: register, schema: { tags, summary: 'Cancel a registration', params: SlugParams, response: { 204: z.null(), 401: Problem, 404: Problem } } }, async (request, reply) => {
    await services.events.unregister(await readContextFor(services, request), writeContextOf(request), request.params.slug);
    return reply.status(204).send(null);
  });
  r.get('/api/portal/me/registrations', { config: register, schema: { tags, summary: 'My event registrations', response: { 200: EventRegistrationList, 401: Problem } } }, async (request) =>
    services.events.myRegistrations(await readContextFor(services, request), request.actor),
  );
}
