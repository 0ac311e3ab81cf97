import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { signedInUser } from '../../test/factories';
import { startMetricsListener } from './metrics';
import { problemServerOptions, registerProblemHandler } from './problem-handler';
import { registerWebApp } from './web';

const METRICS_TOKEN = 'scrape-token-for-the-platform-test-0123456789';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await buildTestApp({}, { METRICS_TOKEN });
});
afterAll(async () => {
  await testApp.close();
});

function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number) {
  expect(response.statusCode, response.body).toBe(status);
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(response.body) as { status: number; title: string; type: string };
  expect(body.status).toBe(status);
  expect(body.title).toMatch(/\w/);
  expect(body.type).toMatch(/^https:\/\//);
  return body;
}

/** One raw HTTP/1.1 exchange, for what Node's parser refuses before Fastify sees a request. */
async function rawExchange(port: number, request: string): Promise<{ statusCode: number; headers: Record<string, string>; body: string }> {
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')));
    socket.on('close', () => resolve(data));
    socket.on('error', (error) => (data ? resolve(data) : reject(error)));
  });
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { statusCode: Number(statusLine.split(' ')[1]), headers, body };
}

describe('platform', () => {
  it('reports health with the database checked', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: { ok: true } });
  });

  it('sends a strict content security policy', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('publishes an OpenAPI 3.1 document', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ openapi: '3.1.0' });
    expect(Object.keys(response.json().paths)).toContain('/api/health');
  });
});

describe('every error is a problem document', () => {
  const inject = (options: InjectOptions) => testApp.app.inject(options);

  it('answers an unknown route with 404', async () => {
    const body = expectProblem(await inject({ method: 'GET', url: '/api/nothing-here' }), 404);
    expect(body).toMatchObject({ title: 'Not found', instance: '/api/nothing-here' });
  });

  it('answers a known path with another method with 405 and Allow', async () => {
    const response = await inject({ method: 'DELETE', url: '/api/health' });
    expectProblem(response, 405);
    expect(response.headers.allow).toBe('GET, HEAD');
  });

  it('answers invalid percent-encoding with 400', async () => {
    const body = expectProblem(await inject({ method: 'GET', url: '/api/admin/users/%ED%A0%80' }), 400);
    expect(body).toMatchObject({ detail: expect.stringMatching(/percent-encoding/) });
  });

  it('answers an over-long path parameter and an over-long URL with 414', async () => {
    expectProblem(await inject({ method: 'GET', url: `/api/admin/users/${'a'.repeat(300)}` }), 414);
    expectProblem(await inject({ method: 'GET', url: `/api/portal/search?q=${'a'.repeat(9000)}` }), 414);
  });

  it('answers a body too large with 413, another media type with 415 and malformed JSON with 400', async () => {
    const headers = { 'content-type': 'application/json' };
    const tooLarge = await inject({ method: 'POST', url: '/api/auth/sign-in', headers, payload: JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(1_100_000) }) });
    expectProblem(tooLarge, 413);
    const xml = await inject({ method: 'POST', url: '/api/auth/sign-in', headers: { ...headers, 'content-type': 'text/xml' }, payload: '<sign-in/>' });
    expectProblem(xml, 415);
    const malformed = await inject({ method: 'POST', url: '/api/auth/sign-in', headers, payload: '{"email": "a@b.test", ' });
    expectProblem(malformed, 400);
  });

  it('answers what Node refuses before routing (header overflow, a malformed request) on the socket', async () => {
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = testApp.app.server.address() as net.AddressInfo;
    const overflow = await rawExchange(port, `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: ${'x'.repeat(20_000)}\r\n\r\n`);
    expectProblem(overflow, 431);
    const malformed = await rawExchange(port, 'GET /api/health HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n');
    expectProblem(malformed, 400);
  });

  it('answers the web app’s static files’ errors with problem documents', async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Mosaic</title>');
    fs.writeFileSync(path.join(webDir, '.env'), 'SECRET=1');
    const app = Fastify({ logger: false, ...problemServerOptions });
    registerProblemHandler(app, testApp.deps.audit);
    await registerWebApp(app, webDir);
    try {
      const dotfile = await app.inject({ method: 'GET', url: '/.env' });
      expect(dotfile.body).not.toContain('SECRET');
      expectProblem(dotfile, 403);
      expectProblem(await app.inject({ method: 'GET', url: '/assets/%E0%A4%A' }), 400);
      expectProblem(await app.inject({ method: 'POST', url: '/portal' }), 404);
    } finally {
      await app.close();
      fs.rmSync(webDir, { recursive: true, force: true });
    }
  });
});

describe('metrics', () => {
  it('are a 404 problem to anonymous callers and to a wrong token', async () => {
    expectProblem(await testApp.app.inject({ method: 'GET', url: '/metrics' }), 404);
    const wrong = await testApp.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN.slice(1)}x` } });
    expectProblem(wrong, 404);
    expect(wrong.body).not.toContain('mosaic_http');
    // A session is no scrape token, whoever holds it.
    const administrator = await signedInUser(testApp.deps, { roles: ['administrator'] });
    expectProblem(await testApp.app.inject({ method: 'GET', url: '/metrics', headers: administrator.headers }), 404);
  });

  it('are served to the scrape token, labelled by route template and never by a concrete path', async () => {
    await testApp.app.inject({ method: 'GET', url: '/api/portal/articles/a-secret-slug-7f3a' });
    await testApp.app.inject({ method: 'GET', url: '/api/health' });
    const response = await testApp.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('route="/api/portal/articles/:slug"');
    expect(response.body).toContain('route="/api/health"');
    expect(response.body).not.toContain('a-secret-slug-7f3a');
  });

  it('do not exist on the main listener without a configured token', async () => {
    const { METRICS_TOKEN: _configured, ...withoutToken } = testApp.deps.config;
    const plain = await buildApp({ ...testApp.deps, config: withoutToken }, { logger: false, serveWeb: false });
    try {
      expectProblem(await plain.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer anything-at-all-0123456789abcdef' } }), 404);
    } finally {
      await plain.close();
    }
  });

  it('are served without a token on the loopback listener, and nothing else is', async () => {
    const listener = await startMetricsListener(testApp.app.metricsRegistry, 0, testApp.deps.audit);
    try {
      const address = listener.server.address() as net.AddressInfo;
      expect(address.address).toBe('127.0.0.1');
      const metrics = await fetch(`http://127.0.0.1:${address.port}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('mosaic_http_request_duration_seconds');
      const other = await fetch(`http://127.0.0.1:${address.port}/api/health`);
      expect(other.status).toBe(404);
      expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    } finally {
      await listener.close();
    }
  });
});
