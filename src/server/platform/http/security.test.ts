import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { signedInUser } from '../../test/factories';
import { computeSecurityHeaders } from './security';
import { registerWebApp } from './web';

const CSP =
  "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;font-src 'self' data:;" +
  "connect-src 'self';object-src 'none';frame-ancestors 'none';base-uri 'self';form-action 'self'";

/** Exactly what the security policy sends on every response over plain HTTP. */
const EXPECTED = {
  'content-security-policy': CSP,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

function securityHeadersOf(headers: Record<string, unknown>) {
  return Object.fromEntries(Object.keys(EXPECTED).map((name) => [name, headers[name]]));
}

let testApp: TestApp;
let webDir: string;
beforeAll(async () => {
  testApp = await buildTestApp();
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-web-'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Mosaic</title>');
});
afterAll(async () => {
  await testApp.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('security headers', () => {
  it('are computed once from the policy, with HSTS and upgrade-insecure-requests only behind TLS', () => {
    expect(computeSecurityHeaders({ tls: false })).toEqual(EXPECTED);
    const tls = computeSecurityHeaders({ tls: true });
    expect(tls['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(tls['content-security-policy']).toBe(`${CSP};upgrade-insecure-requests`);
  });

  it('are the same on an authenticated API response, a problem document and a web page', async () => {
    const officer = await signedInUser(testApp.deps, { roles: ['officer'] });
    const api = await testApp.app.inject({ method: 'GET', url: '/api/notifications', headers: officer.headers });
    expect(api.statusCode).toBe(200);
    expect(securityHeadersOf(api.headers)).toEqual(EXPECTED);
    const problem = await testApp.app.inject({ method: 'GET', url: '/api/no-such-route' });
    expect(problem.statusCode).toBe(404);
    expect(securityHeadersOf(problem.headers)).toEqual(EXPECTED);

    const app = await buildApp(testApp.deps, { logger: false, serveWeb: false });
    await registerWebApp(app, webDir);
    try {
      const page = await app.inject({ method: 'GET', url: '/portal' });
      expect(page.statusCode).toBe(200);
      expect(String(page.headers['content-type'])).toMatch(/^text\/html/);
      expect(securityHeadersOf(page.headers)).toEqual(EXPECTED);
    } finally {
      await app.close();
    }
  });
});
