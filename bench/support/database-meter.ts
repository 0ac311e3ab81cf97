import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client';
import { rowsOf } from '../../src/server/db/migrate';

const TICKS_PER_SECOND = 100;

async function processCpuSeconds(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime is the 14th field, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0; // ended meanwhile, or another machine
  }
}

/**
 * CPU seconds used by the PostgreSQL server processes of the current database (its client
 * backends and autovacuum workers), read from /proc: the server must run on this machine.
 * `sample()` before and after the measured work; the difference is the database's CPU for it.
 * A backend counts from its first sample and keeps its last reading when it ends (a pool keeps
 * its connections, so this is exact for a warm pool). The server's shared writers (WAL writer,
 * checkpointer) are not counted.
 */
export function databaseCpu(db: Db) {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  return {
    async sample(): Promise<number> {
      const pids = rowsOf<{ pid: number }>(await db.execute(sql`select pid from pg_stat_activity where datname = current_database()`)).map((row) => Number(row.pid));
      for (const pid of pids) {
        const now = await processCpuSeconds(pid);
        if (!first.has(pid)) first.set(pid, now);
        // An ended backend keeps its last reading.
        if (now > 0) last.set(pid, now);
      }
      let total = 0;
      for (const [pid, start] of first) total += (last.get(pid) ?? start) - start;
      return total;
    },
  };
}

/**
 * Counts the statements the app sends, at the Drizzle session (its logger sees every query,
 * prepared or not, and the BEGIN/COMMIT of a server transaction; PGlite runs those itself).
 * The audit sequencer's sealing rounds run beside the screenings: their statements are not counted.
 */
export function statementCounter(db: Db): { count: () => number } {
  const session = (db as unknown as { session: { logger: unknown; options: { logger?: unknown } } }).session;
  let statements = 0;
  const sealing = /pg_try_advisory_xact_lock|chain_seq|audit_chain|sealed_seq/;
  const logger = { logQuery: (text: string) => { if (!sealing.test(text)) statements += 1; } };
  session.logger = logger;
  session.options.logger = logger;
  return { count: () => statements };
}

export interface Meter {
  /** Runs `work` and returns the app's CPU, the database's CPU (null on PGlite: in the app) and the statements sent. */
  measure(work: () => Promise<void>): Promise<{ seconds: number; appCpuSeconds: number; dbCpuSeconds: number | null; statements: number }>;
}

export function createMeter(db: Db, kind: 'pglite' | 'postgres'): Meter {
  const counter = statementCounter(db);
  const database = kind === 'postgres' ? databaseCpu(db) : null;
  return {
    async measure(work) {
      const dbBefore = (await database?.sample()) ?? 0;
      const before = counter.count();
      const cpu = process.cpuUsage();
      const started = performance.now();
      await work();
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const statements = counter.count() - before;
      const dbAfter = database ? await database.sample() : null;
      return { seconds, appCpuSeconds: (used.user + used.system) / 1e6, dbCpuSeconds: dbAfter === null ? null : dbAfter - dbBefore, statements };
    },
  };
}
