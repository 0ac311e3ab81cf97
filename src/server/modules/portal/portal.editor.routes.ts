import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../../contract/core';
import {
  ArticleInput,
  DOCUMENT_MAX_BYTES,
  DocumentMetadataInput,
  EditorArticle,
  EditorDocument,
  EditorEvent,
  EditorIndicator,
  EditorItem,
  EditorItemPage,
  EditorListQuery,
  EventInput,
  IdParams,
  IndicatorInput,
  RevisionList,
  SlugParams,
  Topic,
  TopicUpdateInput,
  TransitionInput,
  WorkflowParams,
  WorkflowType,
} from '../../../contract/portal';
import { CONTROL_CHARACTER_MESSAGE } from '../../../contract/single-line';
import { BadRequestProblem, HttpProblem, UnprocessableProblem } from '../../platform/http/errors';
import { multipartProblem } from '../../platform/http/files';
import type { PortalServices } from './portal.services';
import { listEditorItems, listRevisions, transitionItem } from './workflow.service';
import { readContextFor, writeContextOf } from './portal.route-helpers';

const tags = ['portal'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const write = { access: 'portal.content.write' } as const;
const statistics = { access: 'portal.statistics.edit' } as const;

export async function registerEditorRoutes(app: FastifyInstance, services: PortalServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => services.clock();

  r.get('/api/portal/editor/:type', { config: write, schema: { tags, summary: 'Editor list of one content type (all statuses)', params: z.object({ type: WorkflowType }), querystring: EditorListQuery, response: { 200: EditorItemPage, ...errors } } }, async (request) =>
    listEditorItems(services.db, request.actor, request.params.type, request.query, now()),
  );
  r.post('/api/portal/editor/:type/:id/transition', { config: write, schema: { tags, summary: 'Move an item along the editorial workflow', params: WorkflowParams, body: TransitionInput, response: { 200: EditorItem, ...errors } } }, async (request) =>
    transitionItem(services.base, writeContextOf(request), request.params.type, request.params.id, request.body),
  );
  r.get('/api/portal/editor/:type/:id/revisions', { config: write, schema: { tags, summary: 'Revision history of an item', params: WorkflowParams, response: { 200: RevisionList, ...errors } } }, async (request) =>
    listRevisions(services.db, request.params.type, request.params.id),
  );

  r.get('/api/portal/editor/articles/:id', { config: write, schema: { tags, summary: 'An article for editing', params: IdParams, response: { 200: EditorArticle, ...errors } } }, async (request) =>
    services.articles.getEditor(writeContextOf(request), request.params.id),
  );
  r.post('/api/portal/editor/articles', { config: write, schema: { tags, summary: 'Create an article (draft)', body: ArticleInput, response: { 201: EditorArticle, ...errors } } }, async (request, reply) =>
    reply.status(201).send(await services.articles.create(writeContextOf(request), request.body)),
  );
  r.put('/api/portal/editor/articles/:id', { config: write, schema: { tags, summary: 'Edit an article', params: IdParams, body: ArticleInput, response: { 200: EditorArticle, ...errors } } }, async (request) =>
    services.articles.update(writeContextOf(request), request.params.id, request.body),
  );

  r.get('/api/portal/editor/events/:id', { config: write, schema: { tags, summary: 'An event for editing', params: IdParams, response: { 200: EditorEvent, ...errors } } }, async (request) =>
    services.events.getEditor(writeContextOf(request), request.params.id),
  );
  r.post('/api/portal/editor/events', { config: write, schema: { tags, summary: 'Create an event (draft)', body: EventInput, response: { 201: EditorEvent, ...errors } } }, async (request, reply) =>
    reply.status(201).send(await services.events.create(writeContextOf(request), request.body)),
  );
  r.put('/api/portal/editor/events/:id', { config: write, schema: { tags, summary: 'Edit an event', params: IdParams, body: EventInput, response: { 200: EditorEvent, ...errors } } }, async (request) =>
    services.events.update(writeContextOf(request), request.params.id, request.body),
  );

  r.get('/api/portal/editor/indicators/:id', { config: statistics, schema: { tags, summary: 'An indicator for editing', params: IdParams, response: { 200: EditorIndicator, ...errors } } }, async (request) =>
    services.indicators.getEditor(writeContextOf(request), request.params.id),
  );
  r.post('/api/portal/editor/indicators', { config: statistics, schema: { tags, summary: 'Create an indicator (draft)', body: IndicatorInput, response: { 201: EditorIndicator, ...errors } } }, async (request, reply) =>
    reply.status(201).send(await services.indicators.create(writeContextOf(request), request.body)),
  );
  r.put('/api/portal/editor/indicators/:id', { config: statistics, schema: { tags, summary: 'Edit an indicator and its series', params: IdParams, body: IndicatorInput, response: { 200: EditorIndicator, ...errors } } }, async (request) =>
    services.indicators.update(writeContextOf(request), request.params.id, request.body),
  );

  r.put('/api/portal/editor/topics/:slug', { config: { access: 'portal.taxonomy.manage' }, schema: { tags, summary: 'Rename or describe a topic', params: SlugParams, body: TopicUpdateInput, response: { 200: Topic, ...errors } } }, async (request) =>
    services.topics.update(writeContextOf(request), await readContextFor(services, request), request.params.slug, request.body),
  );

  r.get('/api/portal/editor/documents/:id', { config: write, schema: { tags, summary: 'A document for editing', params: IdParams, response: { 200: EditorDocument, ...errors } } }, async (request) =>
    services.documents.getEditor(writeContextOf(request), request.params.id),
  );
  r.put('/api/portal/editor/documents/:id', { config: write, schema: { tags, summary: 'Edit a document’s metadata', params: IdParams, body: DocumentMetadataInput, response: { 200: EditorDocument, ...errors } } }, async (request) =>
    services.documents.updateMetadata(writeContextOf(request), request.params.id, request.body),
  );

  // Multipart is parsed only in this scope, with hard limits.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1, fields: 4, fieldSize: 64 * 1024, parts: 6 } });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/portal/editor/documents',
      {
        config: write,
        bodyLimit: DOCUMENT_MAX_BYTES + 256 * 1024,
        schema: { tags, summary: 'Upload a document (multipart: file + metadata JSON); PDF, DOCX or ODT up to 20 MB', consumes: ['multipart/form-data'], response: { 201: EditorDocument, ...errors, 413: Problem, 415: Problem } },
      },
      async (request, reply) => {
        const upload = await readUpload(request);
        return reply.status(201).send(await services.documents.upload(writeContextOf(request), upload));
      },
    );
  });
}

async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) throw new HttpProblem(415, 'Unsupported media type', 'Send the document as multipart/form-data with the fields file and metadata.');
  let bytes: Buffer | null = null;
  let fileName = 'document';
  let metadataText: string | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || bytes) throw new BadRequestProblem('Send exactly one file, in the field "file".');
        fileName = part.filename || fileName;
        bytes = await part.toBuffer();
      } else if (part.fieldname === 'metadata') {
        metadataText = String(part.value);
      } else {
        throw new BadRequestProblem(`Unknown field ${part.fieldname}.`);
      }
    }
  } catch (error) {
    throw multipartProblem(error, () => new HttpProblem(413, 'Payload too large', `The file is larger than ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB.`));
  }
  if (!bytes) throw new BadRequestProblem('The field "file" is missing.');
  if (!metadataText) throw new BadRequestProblem('The field "metadata" (JSON) is missing.');
  let json: unknown;
  try {
    json = JSON.parse(metadataText);
  } catch {
    throw new BadRequestProblem('The field "metadata" is not valid JSON.');
  }
  const parsed = DocumentMetadataInput.safeParse(json);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({ path: `metadata.${issue.path.join('.')}`, message: issue.message }));
    if (errors.every((error) => error.message === CONTROL_CHARACTER_MESSAGE)) {
      throw new UnprocessableProblem(`Control characters are not allowed in ${errors.map((error) => error.path).join(', ')}.`, errors);
    }
    throw new BadRequestProblem('The metadata does not match the expected shape.', errors);
  }
  return { bytes, fileName, metadata: parsed.data };
}
