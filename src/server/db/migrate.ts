import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { DbHandle } from './client';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function listMigrationFiles(): string[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((name) => name.endsWith('.sql'))
    .sort();
}

/**
 * Applies the committed SQL migrations in file-name order, each in its own transaction and
 * recorded in schema_migrations, so running it twice (or after a crash) is safe.
 */
export async function migrate(handle: DbHandle): Promise<string[]> {
  await handle.execScript(
    'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
  );
  const appliedRows = await handle.db.execute<{ name: string }>(sql`select name from schema_migrations`);
  const applied = new Set(rowsOf<{ name: string }>(appliedRows).map((row) => row.name));
  const newlyApplied: string[] = [];
  for (const name of listMigrationFiles()) {
    if (applied.has(name)) continue;
    const body = fs.readFileSync(path.join(migrationsDir, name), 'utf8');
    const escapedName = name.replace(/'/g, "''");
    await handle.execScript(
      `begin;\n${body}\n;insert into schema_migrations (name) values ('${escapedName}') on conflict do nothing;\ncommit;`,
    );
    newlyApplied.push(name);
  }
  return newlyApplied;
}

/** node-postgres returns { rows }, PGlite returns { rows } too, but typed differently. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
