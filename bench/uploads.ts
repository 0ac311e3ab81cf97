/**
 * Uploads against everyone else: p99 of `GET /api/health` and of a portal search while an editor
 * keeps uploading hostile documents (a DOCX that inflates to 300 MB, a PDF whose content stream
 * inflates to 200 MB, a PDF of 20,000 pages), beside the same figures measured without uploads
 * in the same run. The server runs in its own process; the probes and the uploader in this one.
 *   npm run bench -- --only uploads [--quick]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/server/config';
import { organisations, users } from '../src/server/db/schema/core';
import { makeDocxBomb, makeManyPagePdf, makePdfStreamBomb } from '../src/server/modules/portal/document-bombs';
import { hashPassword } from '../src/server/modules/identity/passwords';
import { createSession } from '../src/server/platform/auth/sessions';
import { openRuntime } from '../src/server/runtime';
import { generatePortalItems } from './portal-search';
import { ROOT, startTsProcess, stopProcess, waitForHttp } from './support/processes';
import { type FigureRow, percentile, printFigures } from './support/report';
import { createScratchDatabase } from './support/server-database';

export interface UploadBenchOptions {
  seconds: number;
  items: number;
  serverUrl?: string;
}

const PROBE_PAUSE_MS = 20;

/** An editor with a signed-in session, and a searchable portal of generated items. */
async function prepareDatabase(dataDir: string, items: number, databaseUrl?: string) {
  const runtime = await openRuntime(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }));
  try {
    await generatePortalItems(runtime.handle, items);
    const [organisation] = await runtime.deps.db.insert(organisations).values({ name: 'Bench Secretariat', kind: 'regional_body', economyCode: 'RS' }).returning();
    const [user] = await runtime.deps.db
      .insert(users)
      .values({ email: 'bench.editor@mosaic.bench', displayName: 'Bench Editor', organisationId: organisation!.id, roles: ['editor'], clearance: 'RESTRICTED', passwordHash: await hashPassword('bench password long enough') })
      .returning();
    const { token, csrfToken } = await createSession(runtime.deps.db, { userId: user!.id, stage: 'full' }, { idleMinutes: 600, absoluteHours: 12 });
    return { cookie: `mosaic_session=${token}`, 'x-csrf-token': csrfToken };
  } finally {
    await runtime.close();
  }
}

function multipartBody(file: Buffer, slug: string) {
  const boundary = `----mosaicbench${slug}`;
  const metadata = { slug, kind: 'report', title: `Bench ${slug}`, summary: '', publisher: 'Bench', publishedOn: '2026-01-01', language: 'en', topics: [], economies: [] };
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${JSON.stringify(metadata)}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${slug}.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

/** One closed loop per URL: request, wait for the answer, pause, again — each latency kept. */
async function probe(url: string, done: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (!done()) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, PROBE_PAUSE_MS));
  }
  return latencies;
}

/** Uploads the bombs one after another until the time is up and each went once; each must be refused (422). */
async function uploadBombs(base: string, headers: Record<string, string>, bombs: { name: string; bytes: Buffer }[], until: number): Promise<{ uploads: number; slowestMs: number }> {
  let uploads = 0;
  let slowestMs = 0;
  while (performance.now() < until || uploads < bombs.length) {
    const bomb = bombs[uploads % bombs.length]!;
    const { body, type } = multipartBody(bomb.bytes, `${bomb.name}-${uploads}`);
    const started = performance.now();
    const response = await fetch(`${base}/api/portal/editor/documents`, { method: 'POST', headers: { ...headers, 'content-type': type }, body });
    await response.arrayBuffer();
    if (response.status !== 422) throw new Error(`the ${bomb.name} answered ${response.status}, not 422`);
    slowestMs = Math.max(slowestMs, performance.now() - started);
    uploads += 1;
  }
  return { uploads, slowestMs };
}

async function measure(base: string, seconds: number, uploader?: (until: number) => Promise<{ uploads: number; slowestMs: number }>) {
  const until = performance.now() + seconds * 1000;
  let uploading = uploader !== undefined;
  const done = () => !uploading && performance.now() >= until;
  const [health, search, uploads] = await Promise.all([
    probe(`${base}/api/health`, done),
    probe(`${base}/api/portal/search?q=border%20police`, done),
    uploader ? uploader(until).finally(() => (uploading = false)) : Promise.resolve({ uploads: 0, slowestMs: 0 }),
  ]);
  return { healthP99: percentile(health, 99), searchP99: percentile(search, 99), samples: health.length + search.length, ...uploads };
}

async function runOn(label: string, options: UploadBenchOptions & { port: number; databaseUrl?: string }, bombs: { name: string; bytes: Buffer }[]): Promise<FigureRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-bench-uploads-'));
  const headers = await prepareDatabase(dataDir, options.items, options.databaseUrl);
  const server = startTsProcess(path.join(ROOT, 'src/cli/main.ts'), ['serve'], {
    PORT: String(options.port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SESSION_IDLE_MINUTES: '600',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  const base = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHttp(`${base}/api/health`);
    await measure(base, 1);
    const quiet = await measure(base, options.seconds);
    const loaded = await measure(base, options.seconds, (until) => uploadBombs(base, headers, bombs, until));
    console.log(`  ${label}: ${loaded.uploads} hostile uploads refused (slowest answer ${Math.round(loaded.slowestMs)} ms); ${quiet.samples} + ${loaded.samples} probe samples`);
    const row = (figure: string, value: number, baseline: number): FigureRow => ({ figure, value, unit: 'ms', baseline, baselineLabel: 'same, no uploads', higherIsBetter: false, aim: '< 100 ms' });
    return [row(`p99 /api/health during uploads (${label})`, loaded.healthP99, quiet.healthP99), row(`p99 portal search during uploads (${label})`, loaded.searchP99, quiet.searchP99)];
  } finally {
    await stopProcess(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runUploadBench(options: UploadBenchOptions) {
  const bombs = [
    { name: 'docx-bomb', bytes: makeDocxBomb(300) },
    { name: 'pdf-stream-bomb', bytes: await makePdfStreamBomb(200) },
    { name: 'pdf-20000-pages', bytes: makeManyPagePdf(20_000) },
  ];
  const rows = await runOn('PGlite', { ...options, port: 4911 }, bombs);
  if (options.serverUrl) {
    const scratch = await createScratchDatabase(options.serverUrl, 'mosaic_bench_uploads');
    try {
      rows.push(...(await runOn('PostgreSQL server', { ...options, port: 4912, databaseUrl: scratch.url }, bombs)));
    } finally {
      await scratch.drop();
    }
  }
  printFigures(`Uploads: latency of others while hostile documents are read (${options.items.toLocaleString('en')} portal items)`, rows);
  return rows;
}
