import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock';

/** A Drizzle database or a transaction on it: query functions accept either. */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs SQL text that may hold several statements (migrations, seeds). */
  execScript(sqlText: string): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole database as a tarball, to open copies of it (test templates). */
  dumpDataDir?(): Promise<Blob>;
}

const pgliteExtensions = { pg_trgm, unaccent, fuzzystrmatch };

/** An embedded database in `dataPath` (in memory without one), optionally opened from a dump. */
export async function createPgliteHandle(dataPath?: string, fromDump?: Blob): Promise<DbHandle> {
  const client = await PGlite.create({ dataDir: dataPath, extensions: pgliteExtensions, loadDataDir: fromDump });
  return {
    db: drizzlePglite(client) as unknown as Db,
    kind: 'pglite',
    execScript: async (sqlText) => {
      await client.exec(sqlText);
    },
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir('none'),
  };
}

export async function createPostgresHandle(url: string): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server closes (a restart, a failover) must not crash the process:
  // the pool drops that client and opens a new one on the next query.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`);
  });
  await pool.query('select 1');
  return {
    db: drizzlePg(pool) as unknown as Db,
    kind: 'postgres',
    execScript: async (sqlText) => {
      await pool.query(sqlText);
    },
    close: () => pool.end(),
  };
}

/**
 * Opens the database the configuration names: a PostgreSQL server when a URL is given,
 * otherwise the embedded PGlite in the data folder, owned by this process alone.
 */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<DbHandle> {
  if (options.databaseUrl) return createPostgresHandle(options.databaseUrl);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const releaseLock = acquireDataDirLock(options.dataDir);
  try {
    const handle = await createPgliteHandle(await ensureInitialisedPgliteDir(options.dataDir));
    return {
      ...handle,
      close: async () => {
        await handle.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * A kill during PGlite's very first start can leave a folder that never opens again, so a
 * new database is created beside the final name and renamed only once it has opened cleanly.
 */
async function ensureInitialisedPgliteDir(dataDir: string): Promise<string> {
  const finalPath = path.join(dataDir, 'pglite');
  if (fs.existsSync(finalPath)) return finalPath;
  const partialPath = path.join(dataDir, 'pglite.initialising');
  fs.rmSync(partialPath, { recursive: true, force: true });
  const client = await PGlite.create({ dataDir: partialPath, extensions: pgliteExtensions });
  await client.exec('select 1');
  await client.close();
  fs.renameSync(partialPath, finalPath);
  return finalPath;
}
