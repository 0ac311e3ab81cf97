import type { FastifyReply } from 'fastify';
import { BadRequestProblem, HttpProblem } from './errors';

/**
 * What reading a multipart body threw, as a problem: a problem already thrown stays as it is,
 * the size limit becomes the route's own 413, any other parser error a 400. Anything else is
 * not the client's fault and is passed on.
 */
export function multipartProblem(error: unknown, tooLarge: () => HttpProblem): unknown {
  if (error instanceof HttpProblem) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_ERR_CTP_BODY_TOO_LARGE') return tooLarge();
  if (code?.startsWith('FST_')) return new BadRequestProblem((error as Error).message);
  return error;
}

/** A download header value that no file name can break. */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A private download: its declared type (never sniffed by the browser), its name, never cached. */
export function sendFile(reply: FastifyReply, file: { mediaType: string; fileName: string; sizeBytes?: number }, body: unknown) {
  reply.header('content-type', file.mediaType).header('content-disposition', contentDisposition(file.fileName)).header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store');
  if (file.sizeBytes !== undefined) reply.header('content-length', String(file.sizeBytes));
  return reply.send(body);
}
