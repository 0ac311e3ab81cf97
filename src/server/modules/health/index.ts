import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../../contract/core';
import type { AppDeps } from '../../platform/deps';
import { HttpProblem } from '../../platform/http/errors';

const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean() }),
  time: z.string(),
});

export async function registerHealthModule(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { public: true },
      schema: { tags: ['platform'], summary: 'Liveness and database check', response: { 200: HealthResponse, 503: Problem } },
    },
    async () => {
      const ok = await deps.db
        .execute(sql`select 1`)
        .then(() => true)
        .catch(() => false);
      if (!ok) throw new HttpProblem(503, 'Service unavailable', `The ${deps.dbKind === 'pglite' ? 'embedded database' : 'database server'} does not answer.`);
      return { status: 'ok' as const, database: { kind: deps.dbKind, ok }, time: deps.clock().toISOString() };
    },
  );
}
