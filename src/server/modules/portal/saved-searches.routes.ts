import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../../contract/core';
import { PortalUiLanguage, SearchQuery } from '../../../contract/portal';
import { SavedSearch, SavedSearchInput, SavedSearchList, SavedSearchParams, SavedSearchUpdateInput, UnsubscribeInput, UnsubscribeResult } from '../../../contract/workspace';
import { UnprocessableProblem } from '../../platform/http/errors';
import { requestedLanguage } from './portal.language';
import { writeContextOf } from './portal.route-helpers';
import type { SavedSearchService } from './saved-searches.service';

const tags = ['portal'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem };
const manage = { access: 'portal.subscription.manage' } as const;

/** The saved query must be one the search page itself accepts. */
function checkQuery(query: unknown) {
  if (query === undefined) return;
  const parsed = SearchQuery.safeParse(query);
  if (!parsed.success) {
    throw new UnprocessableProblem('The saved search has a filter the portal does not know.', parsed.error.issues.map((issue) => ({ path: `query.${issue.path.join('.')}`, message: 'invalid_filter' })));
  }
}

/** The request's UI language from Accept-Language, when it is one of the web app's languages. */
function uiLanguageOf(request: FastifyRequest): PortalUiLanguage | undefined {
  const header = request.headers['accept-language'];
  return PortalUiLanguage.safeParse(requestedLanguage(undefined, typeof header === 'string' ? header : undefined)).data;
}

export function registerSavedSearchRoutes(app: FastifyInstance, service: SavedSearchService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/portal/me/saved-searches', { config: manage, schema: { tags, summary: 'My saved searches and digest subscriptions', response: { 200: SavedSearchList, ...errors } } }, async (request) =>
    service.list(request.actor),
  );
  r.post('/api/portal/me/saved-searches', { config: manage, schema: { tags, summary: 'Save a portal search, optionally with a daily or weekly e-mail digest', body: SavedSearchInput, response: { 201: SavedSearch, ...errors } } }, async (request, reply) => {
    checkQuery(request.body.query);
    return reply.status(201).send(await service.create({ ...writeContextOf(request), uiLanguage: uiLanguageOf(request) }, request.body));
  });
  r.patch('/api/portal/me/saved-searches/:id', { config: manage, schema: { tags, summary: 'Rename a saved search or change its digest', params: SavedSearchParams, body: SavedSearchUpdateInput, response: { 200: SavedSearch, ...errors } } }, async (request) => {
    checkQuery(request.body.query);
    return service.update(writeContextOf(request), request.params.id, request.body);
  });
  r.delete('/api/portal/me/saved-searches/:id', { config: manage, schema: { tags, summary: 'Remove a saved search', params: SavedSearchParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    await service.remove(writeContextOf(request), request.params.id);
    return reply.status(204).send(null);
  });
  r.post('/api/portal/unsubscribe', { config: { public: true }, schema: { tags, summary: 'One-click unsubscribe from a digest (the token of the e-mail link; works once)', body: UnsubscribeInput, response: { 200: UnsubscribeResult, 400: Problem, 410: Problem } } }, async (request) =>
    service.unsubscribe({ ip: request.ip }, request.body.token),
  );
}
