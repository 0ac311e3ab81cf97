import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Problem } from '../../../contract/core';
import { Article, IdParams, LangQuery } from '../../../contract/portal';
import type { Db } from '../../db/client';
import { previewArticle } from './review-notices.preview';

/** The reviewer's preview: an item in review shown exactly as it will be published. */
export function registerPreviewRoutes(app: FastifyInstance, deps: { db: Db; clock: () => Date }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/portal/editor/articles/:id/preview',
    { config: { access: 'portal.content.write' }, schema: { tags: ['portal'], summary: 'An article in any status as the public page will show it', params: IdParams, querystring: LangQuery, response: { 200: Article, 401: Problem, 403: Problem, 404: Problem } } },
    async (request) => previewArticle(deps.db, deps.clock(), request.params.id, request.query.lang),
  );
}
