import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../../contract/core';
import { IdParams } from '../../../contract/portal';
import { BadRequestProblem, HttpProblem } from '../../platform/http/errors';
import { multipartProblem } from '../../platform/http/files';
import { LEAD_IMAGE_MAX_BYTES, type LeadImageService } from './lead-images.service';
import { writeContextOf } from './portal.route-helpers';

const tags = ['portal'];
const LeadImage = z.object({ id: z.uuid(), url: z.string(), width: z.number().int(), height: z.number().int() });

async function readImage(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw new HttpProblem(415, 'Unsupported media type', 'Send the image as multipart/form-data in the field "file".');
  let bytes: Buffer | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file' || part.fieldname !== 'file' || bytes) throw new BadRequestProblem('Send exactly one file, in the field "file".');
      bytes = await part.toBuffer();
    }
  } catch (error) {
    throw multipartProblem(error, () => new HttpProblem(413, 'Payload too large', `The image is larger than ${LEAD_IMAGE_MAX_BYTES / 1024 / 1024} MB.`, [{ path: 'file', message: 'too_large' }]));
  }
  if (!bytes) throw new BadRequestProblem('The field "file" is missing.');
  return bytes;
}

export async function registerLeadImageRoutes(app: FastifyInstance, service: LeadImageService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/portal/lead-images/:id',
    { config: { public: true }, schema: { tags, summary: 'A lead image (WebP) of a published article', params: IdParams, produces: ['image/webp'] } },
    async (request, reply) => {
      const bytes = await service.read(request.actor, request.params.id);
      return reply.header('content-type', 'image/webp').header('x-content-type-options', 'nosniff').header('cache-control', 'public, max-age=3600').send(bytes);
    },
  );
  // Multipart is parsed only in this scope, with hard limits.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: LEAD_IMAGE_MAX_BYTES, files: 1, fields: 0, parts: 2 } });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/portal/editor/articles/:id/lead-image',
      {
        config: { access: 'portal.content.write' },
        bodyLimit: LEAD_IMAGE_MAX_BYTES + 64 * 1024,
        schema: { tags, summary: 'Upload an article’s lead image (JPEG, PNG or WebP up to 10 MB and 40 megapixels; stored resized as WebP)', consumes: ['multipart/form-data'], params: IdParams, response: { 201: LeadImage, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 413: Problem, 415: Problem, 422: Problem } },
      },
      async (request, reply) => reply.status(201).send(await service.upload(writeContextOf(request), request.params.id, await readImage(request))),
    );
  });
}
