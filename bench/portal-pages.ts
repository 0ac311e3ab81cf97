/**
 * Cost of a server-rendered public page: GET /news/<slug> (the article read, its head tags,
 * JSON-LD and plain <main>, the footer, in the build's shell) beside the JSON read of the same
 * article (GET /api/portal/articles/<slug>) in the same process and database, through
 * app.inject (no sockets: the difference is the rendering and the extra reads).
 *   npx tsx bench/portal-pages.ts [--requests 2000]
 */
import { parseArgs } from 'node:util';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { createPgliteHandle } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { seedPortalDemo } from '../src/server/modules/portal';
import { ephemeralKeys } from '../src/server/platform/crypto/secrets';
import { createDeps } from '../src/server/runtime';
import { percentile, printFigures } from './support/report';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PortalPagesBenchOptions {
  requests?: number;
}

export async function runPortalPagesBench(options: PortalPagesBenchOptions = {}) {
  const requests = options.requests ?? 2000;
  const handle = await createPgliteHandle();
  await migrate(handle);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-bench-pages-'));
  const deps = createDeps(loadConfig({ DATA_DIR: '/nonexistent-bench', LOG_LEVEL: 'silent' }), handle, ephemeralKeys(), { checkpointPath: null, filesDir });
  await seedPortalDemo(deps);
  const app = await buildApp(deps, { logger: false, serveWeb: false });
  await app.ready();
  const slug = 'regional-border-police-commanders-meet-in-skopje';
  const time = async (url: string) => {
    for (let i = 0; i < 50; i++) await app.inject({ method: 'GET', url });
    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < requests; i++) {
      const start = performance.now();
      const response = await app.inject({ method: 'GET', url });
      if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
      samples.push(performance.now() - start);
    }
    return { perSecond: requests / ((performance.now() - started) / 1000), p50: percentile(samples, 50), p95: percentile(samples, 95) };
  };
  try {
    const json = await time(`/api/portal/articles/${slug}`);
    const html = await time(`/news/${slug}`);
    const bytes = (await app.inject({ method: 'GET', url: `/news/${slug}` })).body.length;
    printFigures(`Portal server-rendered article page (${requests} requests, PGlite, in process; page ${bytes} bytes)`, [
      { figure: 'GET /news/:slug (HTML) p50', value: html.p50, unit: 'ms', baseline: json.p50, baselineLabel: 'GET /api/portal/articles/:slug p50', higherIsBetter: false },
      { figure: 'GET /news/:slug (HTML) p95', value: html.p95, unit: 'ms', baseline: json.p95, baselineLabel: 'GET /api/portal/articles/:slug p95', higherIsBetter: false },
      { figure: 'GET /news/:slug (HTML) throughput', value: html.perSecond, unit: 'req/s', baseline: json.perSecond, baselineLabel: 'JSON read throughput', higherIsBetter: true },
    ]);
  } finally {
    await app.close();
    await handle.close();
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { requests: { type: 'string' } } });
  await runPortalPagesBench({ requests: values.requests ? Number(values.requests) : undefined });
}
