import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps';

const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean() }),
  time: z.string(),
});

export async function registerHealthModule(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { public: true },
      schema: { tags: ['platform'], summary: 'Liveness and database check', response: { 200: HealthResponse, 503: HealthResponse } },
    },
    async (_request, reply) => {
      const ok = await deps.db
        .execute(sql`select 1`)
        .then(() => true)
        .catch(() => false);
      const body = { status: ok ? ('ok' as const) : ('degraded' as const), database: { kind: deps.dbKind, ok }, time: deps.clock().toISOString() };
      return reply.status(ok ? 200 : 503).send(body);
    },
  );
}
