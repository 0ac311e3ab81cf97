import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPgliteHandle, createPostgresHandle } from '../db/client';
import { listMigrationFiles, migrate } from '../db/migrate';

// Creating and migrating a database is most of a test file's set-up (an embedded initdb alone
// takes seconds). Each run migrates one template per set of migrations, and every test file
// opens a copy of it: PGlite from a dump, the server with CREATE DATABASE … TEMPLATE.

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'db', 'migrations');

/** Changes whenever a migration is added or edited, so a stale template is never used. */
function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const name of listMigrationFiles()) {
    hash.update(name);
    hash.update(fs.readFileSync(path.join(migrationsDir, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

let pgliteDump: Promise<Blob> | null = null;

/** The migrated embedded database as a dump, made once per set of migrations and kept in the temp folder. */
export function migratedPgliteDump(): Promise<Blob> {
  pgliteDump ??= loadOrMakePgliteDump();
  return pgliteDump;
}

const DUMP_PREFIX = 'mosaic-test-template-';
const STALE_DUMP_MS = 24 * 3600 * 1000;

async function loadOrMakePgliteDump(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `${DUMP_PREFIX}${migrationsFingerprint()}.tar`);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  removeStaleDumps();
  const handle = await createPgliteHandle();
  try {
    await migrate(handle);
    const dump = await handle.dumpDataDir!();
    // Written aside and renamed: a parallel test file never reads half a dump.
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
    return dump;
  } finally {
    await handle.close();
  }
}

/** Dumps of older migration sets; a day's grace so that a run still using one keeps it. */
function removeStaleDumps() {
  const folder = os.tmpdir();
  for (const name of fs.readdirSync(folder)) {
    if (!name.startsWith(DUMP_PREFIX)) continue;
    const file = path.join(folder, name);
    try {
      if (Date.now() - fs.statSync(file).mtimeMs > STALE_DUMP_MS) fs.rmSync(file, { force: true });
    } catch {
      // Another run removed it first.
    }
  }
}

const templateReady = new Map<string, Promise<string>>();

/** The name of a migrated template database on the server, created once per set of migrations. */
export function migratedServerTemplate(serverUrl: string): Promise<string> {
  let ready = templateReady.get(serverUrl);
  if (!ready) {
    ready = ensureServerTemplate(serverUrl);
    templateReady.set(serverUrl, ready);
  }
  return ready;
}

async function ensureServerTemplate(serverUrl: string): Promise<string> {
  const name = `mosaic_template_${migrationsFingerprint()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // Parallel test files wait for the one that builds it.
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      const url = new URL(serverUrl);
      url.pathname = `/${building}`;
      const handle = await createPostgresHandle(url.toString());
      try {
        await migrate(handle);
      } finally {
        await handle.close();
      }
      await admin.query(`alter database ${building} rename to ${name}`);
    }
    await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
    return name;
  } finally {
    await admin.end();
  }
}
