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

/** A data folder holding one officer with a signed-in session; returns its cookie. */
async function prepareSignedInDataDir(dataDir: string): Promise<string> {
  const runtime = await openRuntime(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
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

/**
 * Authenticated read of a small policy-checked resource (GET /api/profile) against a bare
 * Fastify hello-world, each server in its own process, the load generator in this one.
 */
export async function runHttpBench(options: { seconds: number }) {
  const bareProcess = startTsProcess('bench/support/hello-server.ts', [], { PORT: '4901' });
  await waitForHttp('http://127.0.0.1:4901/hello');
  await load('http://127.0.0.1:4901/hello', {}, 1);
  const bare = await load('http://127.0.0.1:4901/hello', {}, options.seconds);
  await stopProcess(bareProcess);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-bench-http-'));
  const cookie = await prepareSignedInDataDir(dataDir);
  const server = startTsProcess(path.join(ROOT, 'src/cli/main.ts'), ['serve'], {
    PORT: '4902',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SESSION_IDLE_MINUTES: '600',
  });
  await waitForHttp('http://127.0.0.1:4902/api/health');
  const url = 'http://127.0.0.1:4902/api/profile';
  await load(url, { cookie }, 1);
  const mosaic = await load(url, { cookie }, options.seconds);
  await stopProcess(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (mosaic.errors > 0) console.warn(`  warning: ${mosaic.errors} failed requests on ${url}`);

  const rows: FigureRow[] = [
    {
      figure: 'authenticated policy-checked read, req/s',
      value: mosaic.requestsPerSecond,
      unit: 'req/s',
      baseline: bare.requestsPerSecond,
      baselineLabel: 'bare Fastify hello-world',
      higherIsBetter: true,
      aim: '≥ 0.40',
    },
    {
      figure: 'authenticated policy-checked read, p99',
      value: mosaic.p99,
      unit: 'ms',
      baseline: bare.p99,
      baselineLabel: 'bare Fastify hello-world',
      higherIsBetter: false,
    },
  ];
  printFigures('HTTP: authenticated read vs bare Fastify (10 connections, embedded PGlite)', rows);
  return { bare, mosaic };
}
