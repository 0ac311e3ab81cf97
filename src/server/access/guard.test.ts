import type { FastifyInstance, RouteOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTIONS, isAction } from '../../contract/actions';
import { buildApp } from '../app';
import { rowsOf } from '../db/migrate';
import { buildTestApp, type TestApp } from '../test/build-test-app';
import { buildUser, sessionHeaders } from '../test/factories';
import { anonymousActor, type UserActor } from './actor';
import { can } from './policy';
import { rules } from './rules';

// Every Fastify instance the app builds reports each route it registers to this list.
const registered = vi.hoisted(() => [] as RouteOptions[]);
vi.mock('fastify', async (importOriginal) => {
  const original = await importOriginal<{ default: unknown }>();
  const create = ((...args: unknown[]) => {
    const app = (original.default as unknown as (...options: unknown[]) => FastifyInstance)(...args);
    app.addHook('onRoute', (route) => {
      registered.push(route);
    });
    return app;
  }) as typeof original.default;
  return { ...original, default: create, fastify: create };
});

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';
const DOCS_PREFIX = '/api/docs';

let testApp: TestApp;
let routes: { method: string; url: string; access?: string; isPublic: boolean }[];

function methodsOf(route: RouteOptions): string[] {
  return Array.isArray(route.method) ? route.method : [route.method];
}

/** A concrete URL for a route pattern: every parameter and wildcard becomes the zero UUID. */
function concreteUrl(url: string): string {
  return url.replace(/:[A-Za-z0-9_]+(\([^)]*\))?/g, ZERO_UUID).replace(/\*/g, ZERO_UUID);
}

beforeAll(async () => {
  testApp = await buildTestApp();
  routes = registered
    .filter((route) => !route.url.startsWith(DOCS_PREFIX))
    .filter((route) => (route as { prefixTrailingSlash?: string }).prefixTrailingSlash !== 'no-slash')
    .flatMap((route) => {
      const config = (route.config ?? {}) as { access?: string; public?: boolean };
      return methodsOf(route)
        .filter((method) => method !== 'HEAD')
        .map((method) => ({ method, url: route.url, access: config.access, isPublic: config.public === true }));
    });
});

afterAll(async () => {
  await testApp.close();
});

describe('the route guard', () => {
  it('sees the routes of the app (the collector works)', () => {
    expect(routes.map((route) => `${route.method} ${route.url}`)).toEqual(expect.arrayContaining(['GET /api/health', 'GET /api/audit/events']));
  });

  it('finds that every route outside the API docs declares exactly one of config.access (of the catalogue) or config.public', () => {
    const offenders = routes
      .filter((route) => (route.access !== undefined) === route.isPublic || (route.access !== undefined && !isAction(route.access)))
      .map((route) => `${route.method} ${route.url}`);
    expect(offenders).toEqual([]);
  });

  it('has a rule in rules.ts for every action of the catalogue, and no rule for anything else', () => {
    expect(ACTIONS.filter((action) => typeof rules[action] !== 'function')).toEqual([]);
    expect(Object.keys(rules).filter((name) => !isAction(name))).toEqual([]);
  });

  it('answers every guarded route called anonymously with 401 or 404, never 200', async () => {
    const answers = [];
    for (const route of routes.filter((candidate) => !candidate.isPublic)) {
      const hasBody = !['GET', 'DELETE', 'OPTIONS'].includes(route.method);
      const response = await testApp.app.inject({
        method: route.method as 'GET',
        url: concreteUrl(route.url),
        ...(hasBody ? { payload: {} } : {}),
      });
      answers.push({ route: `${route.method} ${route.url}`, status: response.statusCode });
    }
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.filter((answer) => answer.status !== 401 && answer.status !== 404)).toEqual([]);
  });

  it('answers an officer on every administrator-only route with 403 or 404, and records each denial', async () => {
    const officer = await buildUser(testApp.deps, { roles: ['officer'], clearance: 'CONFIDENTIAL' });
    const headers = await sessionHeaders(testApp.deps, officer.id);
    const officerActor: UserActor = { kind: 'user', userId: officer.id, email: officer.email, displayName: '', organisationId: ZERO_UUID, organisationName: '', economy: 'RS', roles: ['officer'], clearance: 'CONFIDENTIAL', deskIds: [], sharingGroupIds: [] };
    const adminActor: UserActor = { ...officerActor, roles: ['administrator'] };
    const adminOnly = routes.filter((route) => route.access && isAction(route.access) && can(adminActor, route.access) && !can(officerActor, route.access));
    expect(adminOnly.length).toBeGreaterThan(0);
    for (const route of adminOnly) {
      const hasBody = !['GET', 'DELETE', 'OPTIONS'].includes(route.method);
      const response = await testApp.app.inject({ method: route.method as 'GET', url: concreteUrl(route.url), headers, ...(hasBody ? { payload: {} } : {}) });
      expect({ route: `${route.method} ${route.url}`, status: [403, 404].includes(response.statusCode) }).toEqual({ route: `${route.method} ${route.url}`, status: true });
      const result = await testApp.deps.db.execute(sql`select action, outcome from audit_events where actor_user_id = ${officer.id} order by seq desc limit 1`);
      expect(rowsOf<{ action: string; outcome: string }>(result)[0]).toEqual({ action: route.access, outcome: 'denied' });
    }
  });
});

describe('start-up fails for a route that is not declared properly', () => {
  async function buildWith(config: Record<string, unknown>) {
    const app = await buildApp(testApp.deps, { logger: false, serveWeb: false });
    try {
      app.get('/api/probe', { config }, async () => ({ ok: true }));
      await app.ready();
    } finally {
      await app.close().catch(() => undefined);
    }
  }

  it('refuses a route with neither access nor public', async () => {
    await expect(buildWith({})).rejects.toThrow(/declares neither an access action nor public/);
  });

  it('refuses a route that is both public and guarded', async () => {
    await expect(buildWith({ public: true, access: 'audit.read' })).rejects.toThrow(/both public and guarded/);
  });

  it('refuses an action that is not in the catalogue', async () => {
    await expect(buildWith({ access: 'audit.raed' })).rejects.toThrow(/unknown action/);
  });

  it('accepts a properly declared route, and an officer calling it when it is administrator-only is denied and recorded', async () => {
    const app = await buildApp(testApp.deps, { logger: false, serveWeb: false });
    app.post('/api/probe/:id', { config: { access: 'admin.user.manage' } }, async () => ({ reached: true }));
    await app.ready();
    try {
      const officer = await buildUser(testApp.deps, { roles: ['officer'] });
      const headers = await sessionHeaders(testApp.deps, officer.id);
      const denied = await app.inject({ method: 'POST', url: `/api/probe/${ZERO_UUID}`, headers, payload: {} });
      expect(denied.statusCode).toBe(403);
      expect(denied.json()).not.toHaveProperty('reached');
      const result = await testApp.deps.db.execute(sql`select action, outcome, actor_label from audit_events where actor_user_id = ${officer.id}`);
      expect(rowsOf(result)).toEqual([{ action: 'admin.user.manage', outcome: 'denied', actor_label: officer.email }]);
      const anonymous = await app.inject({ method: 'POST', url: `/api/probe/${ZERO_UUID}`, payload: {} });
      expect(anonymous.statusCode).toBe(401);
      const administrator = await buildUser(testApp.deps, { roles: ['administrator'] });
      const allowed = await app.inject({ method: 'POST', url: `/api/probe/${ZERO_UUID}`, headers: await sessionHeaders(testApp.deps, administrator.id), payload: {} });
      expect(allowed.json()).toEqual({ reached: true });
    } finally {
      await app.close();
    }
  });

  it('leaves anonymous denied for every action of the catalogue', () => {
    expect(ACTIONS.filter((action) => can(anonymousActor, action))).toEqual([]);
  });
});
