import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../src/server/config';
import { organisations, users } from '../src/server/db/schema/core';
import { hashPassword } from '../src/server/modules/identity/passwords';
import { createSession } from '../src/server/platform/auth/sessions';
import { openRuntime } from '../src/server/runtime';
import { type FigureRow, printFigures } from './support/report';
import { ROOT, startTsProcess, stopProcess, waitForHttp } from './support/processes';
import { createScratchDatabase } from './support/server-database';

interface LoadResult {
  requestsPerSecond: number;
  p99: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string>, seconds: number): Promise<LoadResult> {
  const result = await autocannon({ url, connections: 10, duration: seconds, headers });
  return {
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** A database holding one officer with a signed-in session; returns its cookie. */
async function prepareSignedInDatabase(dataDir: string, databaseUrl?: string): Promise<string> {
  const runtime = await openRuntime(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }));
  try {
    const [organisation] = await runtime.deps.db
      .insert(organisations)
      .values({ name: 'Bench Border Police', kind: 'border', economyCode: 'RS' })
      .returning();
    const [user] = await runtime.deps.db
      .insert(users)
      .values({
        email: 'bench.officer@mosaic.bench',
        displayName: 'Bench Officer',
        organisationId: organisation!.id,
        roles: ['officer'],
        clearance: 'RESTRICTED',
        passwordHash: await hashPassword('bench password long enough'),
      })
      .returning();
    const { token } = await createSession(runtime.deps.db, { userId: user!.id, stage: 'full' }, { idleMinutes: 600, absoluteHours: 12 });
    return `mosaic_session=${token}`;
  } finally {
    await runtime.close();
  }
}

async function loadMosaic(options: { seconds: number; port: number; databaseUrl?: string }): Promise<LoadResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-bench-http-'));
  const cookie = await prepareSignedInDatabase(dataDir, options.databaseUrl);
  const server = startTsProcess(path.join(ROOT, 'src/cli/main.ts'), ['serve'], {
    PORT: String(options.port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SESSION_IDLE_MINUTES: '600',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  try {
    await waitForHttp(`http://127.0.0.1:${options.port}/api/health`);
    const url = `http://127.0.0.1:${options.port}/api/notifications?pageSize=5`;
    await load(url, { cookie }, 1);
    const result = await load(url, { cookie }, options.seconds);
    if (result.errors > 0) console.warn(`  warning: ${result.errors} failed requests on ${url}`);
    return result;
  } finally {
    await stopProcess(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Authenticated read of a small policy-checked resource (GET /api/notifications: session,
 * policy, a scoped query and its count) against a bare Fastify hello-world, each server in its
 * own process, the load generator in this one; on PGlite and, when given, a PostgreSQL server.
 */
export async function runHttpBench(options: { seconds: number; serverUrl?: string }) {
  const bareProcess = startTsProcess('bench/support/hello-server.ts', [], { PORT: '4901' });
  await waitForHttp('http://127.0.0.1:4901/hello');
  await load('http://127.0.0.1:4901/hello', {}, 1);
  const bare = await load('http://127.0.0.1:4901/hello', {}, options.seconds);
  await stopProcess(bareProcess);

  const targets: { label: string; result: LoadResult }[] = [
    { label: 'embedded PGlite', result: await loadMosaic({ seconds: options.seconds, port: 4902 }) },
  ];
  if (options.serverUrl) {
    const scratch = await createScratchDatabase(options.serverUrl, 'mosaic_bench_http');
    try {
      targets.push({ label: 'PostgreSQL server', result: await loadMosaic({ seconds: options.seconds, port: 4903, databaseUrl: scratch.url }) });
    } finally {
      await scratch.drop();
    }
  }

  const rows: FigureRow[] = targets.flatMap(({ label, result }) => [
    {
      figure: `authenticated read (${label}), req/s`,
      value: result.requestsPerSecond,
      unit: 'req/s',
      baseline: bare.requestsPerSecond,
      baselineLabel: 'bare Fastify hello-world',
      higherIsBetter: true,
      aim: label === 'PostgreSQL server' ? '≥ 0.15' : '≥ 0.05',
    },
    {
      figure: `authenticated read (${label}), p99`,
      value: result.p99,
      unit: 'ms',
      baseline: bare.p99,
      baselineLabel: 'bare Fastify hello-world',
      higherIsBetter: false,
      ...(label === 'PostgreSQL server' ? { aim: 'p99 < 10 ms' } : {}),
    },
  ]);
  printFigures('HTTP: authenticated policy-checked read vs bare Fastify (10 connections)', rows);
  return { bare, targets };
}
