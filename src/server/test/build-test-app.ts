import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { createPgliteHandle, createPostgresHandle, type DbHandle } from '../db/client';
import type { AppDeps } from '../platform/deps';
import { ephemeralKeys } from '../platform/crypto/secrets';
import { createDeps } from '../runtime';
import { migratedPgliteDump, migratedServerTemplate } from './migrated-template';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  handle: DbHandle;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the PostgreSQL server named by TEST_DATABASE_URL (dropped on close); both are
 * copies of a template migrated once per set of migrations.
 */
export async function createTestDatabase(): Promise<{ handle: DbHandle; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await createPgliteHandle(undefined, await migratedPgliteDump());
    return { handle, drop: () => handle.close() };
  }
  const template = await migratedServerTemplate(serverUrl);
  const name = `mosaic_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await createPostgresHandle(url.toString());
  return {
    handle,
    drop: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** `env` adds configuration variables (e.g. METRICS_TOKEN, PUBLIC_URL) to the test defaults. */
export async function buildTestApp(overrides: Partial<AppDeps> = {}, env: Record<string, string> = {}): Promise<TestApp> {
  const { handle, drop } = await createTestDatabase();
  const config = loadConfig({ DATA_DIR: '/nonexistent-test-data', LOG_LEVEL: 'silent', ...env });
  const deps = createDeps(config, handle, ephemeralKeys(), { checkpointPath: null, filesDir: await makeTempDir(), ...overrides });
  const app = await buildApp(deps, { logger: false, serveWeb: false });
  await app.ready();
  return {
    app,
    deps,
    handle,
    close: async () => {
      await app.close();
      await deps.mailer.stop();
      await deps.audit.stop();
      await drop();
    },
  };
}

async function makeTempDir(): Promise<string> {
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  return mkdtemp(path.join(tmpdir(), 'mosaic-files-'));
}
