import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BatchScreenInput, BatchScreenResult } from '../../../contract/wanted-batch';
import type { AppDeps } from '../../platform/deps';
import type { ScreeningIndexHandle } from './screening.index.sync';
import { createBatchScreeningService } from './screening-batch.service';
import { createScreeningService } from './screening.service';

/** 100 queries of up to 20,000 characters each, with room for the JSON around them. */
const BATCH_BODY_LIMIT = 4 * 1024 * 1024;

/** Batch screening for machine clients (an API key with the `wanted.screen` scope) and people alike. */
export function registerBatchScreeningRoutes(app: FastifyInstance, deps: AppDeps & { screeningIndex?: ScreeningIndexHandle }) {
  const screening = createScreeningService(deps, {
    hitGroupMinutes: deps.config.WANTED_HIT_GROUP_MINUTES,
    probeVariants: deps.config.WANTED_PROBE_VARIANTS,
    probeWindowMinutes: deps.config.WANTED_PROBE_WINDOW_MINUTES,
    tiedCandidates: deps.config.WANTED_TIED_CANDIDATES,
  });
  const batch = createBatchScreeningService(deps, screening);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/wanted/screenings/batch',
    {
      config: { access: 'wanted.screen' },
      bodyLimit: BATCH_BODY_LIMIT,
      schema: {
        tags: ['wanted'],
        summary: 'Screen up to 100 persons or objects in one call (a passenger or guest list); each query answered as a single screening is',
        description:
          'Send an API key as `Authorization: Bearer <key>` or `X-API-Key: <key>`. Queries are keyed by the caller’s own ids; ' +
          'each answer carries the query and the single screening’s result (a match or possible match, with score and reasons where the alert is released to the caller, the class alone where not). ' +
          'A query that does not fit gets its own problem document and writes nothing; an empty batch or one of more than 100 queries is refused whole.',
        body: BatchScreenInput,
        response: { 200: BatchScreenResult },
      },
    },
    async (request) => batch.screen(request.actor, request.body, request.ip),
  );
}
