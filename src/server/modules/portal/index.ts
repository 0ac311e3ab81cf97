import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';

/** The portal module's only public face: registers its routes. */
export async function registerPortalModule(_app: FastifyInstance, _deps: AppDeps) {}
