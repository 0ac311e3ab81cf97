import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Problem } from '../../../contract/core';
import { ATTACHMENT_MAX_BYTES, Attachment, AttachmentList, AttachmentParams } from '../../../contract/exchange-casework';
import { ItemIdParams } from '../../../contract/exchange';
import { BadRequestProblem, HttpProblem } from '../../platform/http/errors';
import { multipartProblem, sendFile } from '../../platform/http/files';
import type { createAttachmentService } from './attachments.service';

const tags = ['exchange'];
const tooLarge = () => new HttpProblem(413, 'Payload too large', `An attachment may be at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB.`);

async function readFile(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  if (!request.isMultipart()) throw new HttpProblem(415, 'Unsupported media type', 'Send the file as multipart/form-data in the field "file".');
  let upload: { bytes: Buffer; fileName: string } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file' || part.fieldname !== 'file' || upload) throw new BadRequestProblem('Send exactly one file, in the field "file".');
      upload = { bytes: await part.toBuffer(), fileName: part.filename || 'attachment' };
    }
  } catch (error) {
    throw multipartProblem(error, tooLarge);
  }
  if (!upload || upload.bytes.length === 0) throw new BadRequestProblem('The field "file" is missing or empty.');
  return upload;
}

export async function registerAttachmentRoutes(app: FastifyInstance, service: ReturnType<typeof createAttachmentService>) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    '/api/exchange/items/:id/attachments',
    { config: { access: 'exchange.attachment.read' }, schema: { tags, summary: 'The files of an item the user may read', params: ItemIdParams, response: { 200: AttachmentList } } },
    async (request) => service.list(request.actor, request.params.id),
  );
  routes.get(
    '/api/exchange/items/:id/attachments/:attachmentId',
    { config: { access: 'exchange.attachment.read' }, schema: { tags, summary: 'Download a file of an item (streamed, audited)', params: AttachmentParams, produces: ['application/octet-stream'] } },
    async (request, reply) => {
      const { attachment, stream } = await service.download(request.actor, request.params.id, request.params.attachmentId, request.ip);
      return sendFile(reply, attachment, stream);
    },
  );
  // Multipart is parsed only in this scope, with hard limits.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 0, parts: 1 } });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/exchange/attachments',
      {
        config: { access: 'exchange.attachment.upload' },
        bodyLimit: ATTACHMENT_MAX_BYTES + 64 * 1024,
        schema: { tags, summary: 'Upload a file for an item being written (multipart, field "file"); bound to the item when it is sent', consumes: ['multipart/form-data'], response: { 201: Attachment, 413: Problem, 415: Problem, 422: Problem } },
      },
      async (request, reply) => reply.status(201).send(await service.upload(request.actor, await readFile(request), request.ip)),
    );
  });
}
