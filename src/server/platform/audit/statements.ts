import type { Db } from '../../db/client';

/**
 * Runs `text` as a named prepared statement on the connection of `db` (the transaction's when
 * `db` is one): PostgreSQL parses and plans it once per connection instead of once per call,
 * and no query builder runs. PGlite ignores the name. One name, one text.
 */
export async function runPrepared<Row = Record<string, unknown>>(db: Db, name: string, text: string, params: unknown[]): Promise<Row[]> {
  const result: unknown = await db._.session.prepareQuery({ sql: text, params }, undefined, name, false).execute();
  return ((result as { rows?: Row[] } | undefined)?.rows ?? []) as Row[];
}
