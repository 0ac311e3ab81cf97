import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CASE_DOCUMENT_MAX_BYTES, CaseDocument, CaseDocumentList, CaseDocumentParams, IdParams } from '../../../contract/cases';
import { Marking, Problem } from '../../../contract/core';
import { createSealedStorage } from '../../platform/files/sealed-storage';
import { BadRequestProblem, HttpProblem, UnprocessableProblem } from '../../platform/http/errors';
import { multipartProblem, sendFile } from '../../platform/http/files';
import { createDocumentExtractor } from '../portal';
import type { CasesDeps } from './cases.context';
import { type DocumentUpload, createCaseDocumentService } from './documents.service';

const tags = ['cases'];
const tooLarge = () => new HttpProblem(413, 'Payload too large', `A case document may be at most ${CASE_DOCUMENT_MAX_BYTES / 1024 / 1024} MB.`);

function parseMarking(text: string): DocumentUpload['marking'] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UnprocessableProblem('The marking is not valid JSON.', [{ path: 'marking', message: 'invalid_json' }]);
  }
  const parsed = Marking.safeParse(value);
  if (!parsed.success) throw new UnprocessableProblem('The marking is not valid.', parsed.error.issues.map((issue) => ({ path: ['marking', ...issue.path].join('.'), message: issue.message })));
  return parsed.data;
}

/** One file in the field "file" and, optionally, the marking as JSON in the field "marking". */
async function readUpload(request: FastifyRequest): Promise<DocumentUpload> {
  if (!request.isMultipart()) throw new HttpProblem(415, 'Unsupported media type', 'Send the document as multipart/form-data in the field "file".');
  let file: { bytes: Buffer; fileName: string } | null = null;
  let marking: DocumentUpload['marking'] = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field' && part.fieldname === 'marking' && typeof part.value === 'string') marking = parseMarking(part.value);
      else if (part.type === 'file' && part.fieldname === 'file' && !file) file = { bytes: await part.toBuffer(), fileName: part.filename || 'document' };
      else throw new BadRequestProblem('Send one file in the field "file" and, if you wish, a marking in the field "marking".');
    }
  } catch (error) {
    throw multipartProblem(error, tooLarge);
  }
  if (!file || file.bytes.length === 0) throw new BadRequestProblem('The field "file" is missing or empty.');
  return { ...file, marking };
}

/** Linked documents of a case: upload (multipart, bounded), list, download (streamed, audited), delete. */
export async function registerCaseDocumentRoutes(app: FastifyInstance, deps: CasesDeps) {
  const storage = createSealedStorage({ filesDir: deps.filesDir, key: deps.keys.encryption, folder: 'cases' });
  const extractor = createDocumentExtractor();
  app.addHook('onClose', () => extractor.close());
  const documents = createCaseDocumentService({ ...deps, storage, extractor });
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get('/api/cases/:id/documents', { config: { access: 'cases.case.read' }, schema: { tags, summary: 'The case’s documents whose marking admits the user', params: IdParams, response: { 200: CaseDocumentList } } }, async (request) =>
    documents.list(request.actor, request.params.id),
  );
  routes.get('/api/cases/:id/documents/:documentId', { config: { access: 'cases.case.read' }, schema: { tags, summary: 'Download a document (decrypted as it streams; audited)', params: CaseDocumentParams, produces: ['application/octet-stream'] } }, async (request, reply) => {
    const { document, stream } = await documents.download(request.actor, request.params.id, request.params.documentId, request.ip);
    return sendFile(reply, document, stream);
  });
  routes.delete('/api/cases/:id/documents/:documentId', { config: { access: 'cases.entity.add' }, schema: { tags, summary: 'Remove a document (the uploader or the owning side)', params: CaseDocumentParams, response: { 200: z.object({ deleted: z.literal(true) }) } } }, async (request) =>
    documents.remove(request.actor, request.params.id, request.params.documentId, request.ip),
  );
  // Multipart is parsed only in this scope, with hard limits.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: CASE_DOCUMENT_MAX_BYTES, files: 1, fields: 1, parts: 2, fieldSize: 8 * 1024 } });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/cases/:id/documents',
      {
        config: { access: 'cases.entity.add' },
        bodyLimit: CASE_DOCUMENT_MAX_BYTES + 64 * 1024,
        schema: { tags, summary: 'Link a document (multipart: "file", optional "marking" as JSON, never wider than the case’s); sealed at rest', params: IdParams, consumes: ['multipart/form-data'], response: { 201: CaseDocument, 413: Problem, 415: Problem, 422: Problem } },
      },
      async (request, reply) => reply.status(201).send(await documents.upload(request.actor, request.params.id, await readUpload(request), request.ip)),
    );
  });
}
