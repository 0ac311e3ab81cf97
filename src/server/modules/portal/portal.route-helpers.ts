import type { FastifyRequest } from 'fastify';
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
