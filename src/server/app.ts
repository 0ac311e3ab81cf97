import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerRouteGuard } from './access/guard';
import { registerModules } from './modules';
import { registerAuth } from './platform/auth/auth.plugin';
import type { AppDeps } from './platform/deps';
import './platform/http/fastify-types';
import { registerMetrics } from './platform/http/metrics';
import { problemServerOptions, registerProblemHandler } from './platform/http/problem-handler';
import { registerSecurityHeaders } from './platform/http/security';
import { registerWebApp } from './platform/http/web';

export const BODY_LIMIT_BYTES = 1024 * 1024;
const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST_DIR = path.join(rootDir, 'dist', 'web');

/** Fields that never reach a log line. */
const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.code',
  '*.token',
  '*.secret',
];

export interface BuildAppOptions {
  logger?: boolean | { level: string };
  serveWeb?: boolean;
}

export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: deps.config.LOG_LEVEL, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.TRUST_TLS,
    routerOptions: { maxParamLength: 200 },
    ...problemServerOptions,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandler(app, deps.audit);

  registerSecurityHeaders(app, { tls: deps.config.TRUST_TLS });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await registerAuth(app, deps);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Mosaic API', version: '0.1.0', description: 'The regional security cooperation platform for South East Europe.' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mosaic_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  // The interactive API docs are public and registered before the guard on purpose.
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });
  registerRouteGuard(app);
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  app.decorate('metricsRegistry', registerMetrics(app, { token: deps.config.METRICS_TOKEN }));
  await registerModules(app, deps);
  if (options.serveWeb !== false) await registerWebApp(app, WEB_DIST_DIR);
  return app;
}
