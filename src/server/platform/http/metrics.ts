import crypto from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import client from 'prom-client';
import { NotFoundProblem } from './errors';
import { problemServerOptions, registerProblemHandler } from './problem-handler';
import type { AuditService } from '../audit/audit.service';

export interface MetricsOptions {
  /** The scrape token; without it /metrics on the main listener does not exist. */
  token?: string;
}

function sha256(text: string) {
  return crypto.createHash('sha256').update(text).digest();
}

/** Compares digests so that the time taken says nothing about the token. */
function carriesToken(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  return match !== null && crypto.timingSafeEqual(sha256(match[1]!), sha256(token));
}

/**
 * Prometheus metrics: process figures and request durations labelled by route template (never
 * a concrete path, so no record id reaches a label). The per-route counts are an operator
 * channel — they show how many alerts were created, photos added and so on, hidden ones
 * included — so they are served only to a scrape token, or on a loopback-only listener.
 */
export function registerMetrics(app: FastifyInstance, options: MetricsOptions): client.Registry {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'mosaic_http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  // One labelled series per method, route template and status, looked up once (bounded by the routes).
  const series = new Map<string, client.Histogram.Internal<'method' | 'route' | 'status'>>();
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `${request.method} ${reply.statusCode} ${route}`;
    let child = series.get(key);
    if (!child) {
      child = duration.labels({ method: request.method, route, status: String(reply.statusCode) });
      series.set(key, child);
    }
    child.observe(reply.elapsedTime / 1000);
    done();
  });
  const { token } = options;
  app.get('/metrics', { config: { public: true, ownCredentials: true }, schema: { hide: true } }, async (request, reply) => {
    if (token === undefined || !carriesToken(request, token)) throw new NotFoundProblem(`No route ${request.method} /metrics.`);
    return reply.header('content-type', registry.contentType).header('cache-control', 'no-store').send(await registry.metrics());
  });
  return registry;
}

/** The loopback-only listener for a scraper on the same machine: /metrics without a token, nothing else. */
export async function startMetricsListener(registry: client.Registry, port: number, audit: AuditService): Promise<FastifyInstance> {
  const server = Fastify({ logger: false, ...problemServerOptions });
  registerProblemHandler(server, audit);
  server.get('/metrics', async (_request, reply) => reply.header('content-type', registry.contentType).send(await registry.metrics()));
  await server.listen({ port, host: '127.0.0.1' });
  return server;
}
