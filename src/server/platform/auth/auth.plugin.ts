import type { FastifyInstance, FastifyReply } from 'fastify';
import { anonymousActor } from '../../access/actor';
import type { AppDeps } from '../deps';
import { ForbiddenProblem } from '../http/errors';
import { authenticateApiKey, presentedApiKey } from './api-keys';
import { loadSession } from './sessions';

export const SESSION_COOKIE = 'mosaic_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionCookieName(secure: boolean): string {
  return secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

export function setSessionCookie(reply: FastifyReply, deps: AppDeps, token: string) {
  void reply.setCookie(sessionCookieName(deps.config.TRUST_TLS), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.config.TRUST_TLS,
    maxAge: deps.sessionPolicy.absoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: AppDeps) {
  void reply.clearCookie(sessionCookieName(deps.config.TRUST_TLS), { path: '/' });
}

/**
 * Turns the session cookie into `request.actor` and enforces CSRF protection: a state-changing
 * request with a session must carry the session's token in `x-csrf-token`; one without a
 * session must not come from another origin. A request with an API key is its key's actor
 * (platform/auth/api-keys.ts) and carries no session.
 */
export async function registerAuth(app: FastifyInstance, deps: AppDeps) {
  await deps.sessionCache.start(deps.db);
  app.addHook('onClose', () => deps.sessionCache.stop());
  app.decorateRequest('actor', null as never);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    request.actor = anonymousActor;
    // /metrics checks its own scrape token in Authorization; it is neither a key nor a session.
    if (request.routeOptions.config.ownCredentials) return;
    // A machine client's key: no cookies, so no session and no CSRF token to check.
    const apiKey = presentedApiKey(request);
    if (apiKey !== null) {
      request.actor = await authenticateApiKey(deps, request, apiKey);
      return;
    }
    const token = request.cookies[sessionCookieName(deps.config.TRUST_TLS)];
    if (token) {
      const session = await loadSession(deps.db, token, deps.sessionPolicy, deps.clock(), deps.sessionCache);
      if (session) {
        request.session = session;
        if (session.stage === 'full') request.actor = session.actor;
      }
    }
    if (SAFE_METHODS.has(request.method)) return;
    if (request.session) {
      if (request.headers['x-csrf-token'] !== request.session.csrfToken) {
        throw new ForbiddenProblem('The request is missing its CSRF token or the token is wrong. Reload the page and try again.');
      }
      return;
    }
    const origin = request.headers.origin;
    if (origin && origin !== 'null') {
      const host = request.headers.host;
      if (!host || new URL(origin).host !== host) {
        throw new ForbiddenProblem('Cross-origin requests are not accepted.');
      }
    }
  });
}
