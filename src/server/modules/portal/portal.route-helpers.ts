import type { FastifyReply, FastifyRequest } from 'fastify';
import { type ReadContext, buildReadContext } from './portal.context';
import { requestedLanguage } from './portal.language';
import type { PortalServices } from './portal.services';

/** Time, visitor language (?lang= first, then Accept-Language) and topic names for a public read. */
export function readContextFor(services: PortalServices, request: FastifyRequest, lang?: string): Promise<ReadContext> {
  const header = request.headers['accept-language'];
  return buildReadContext(services.db, services.clock(), requestedLanguage(lang, typeof header === 'string' ? header : undefined));
}

export function writeContextOf(request: FastifyRequest) {
  return { actor: request.actor, ip: request.ip };
}

/** Sends a document's file as an attachment under its stored name, never sniffed by the browser. */
export function sendDocumentFile(reply: FastifyReply, file: { bytes: Buffer; mediaType: string; fileName: string }) {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}
