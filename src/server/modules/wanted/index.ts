import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';

/** The wanted module's only public face: registers its routes. */
export async function registerWantedModule(_app: FastifyInstance, _deps: AppDeps) {}
