/**
 * Batch screening for machine clients: lists of 100 names (a coach's passengers) screened in one
 * call through the module's batch service, beside the same number of single screenings in a
 * row through the single-screening service, in the same run, on the same register (the wanted
 * suite's population: Zipf-skewed names, mixed scripts and markings), both through the
 * in-process key index the app runs. Prints the statements sent per screening (counted at the
 * database client) and the app's CPU per screening.
 *   npx tsx bench/wanted-batch.ts [--alerts 1000000] [--pglite-alerts 100000] [--lists 5] [--server postgres://…] [--skip-pglite]
 *     [--profile <file prefix>]  (a CPU profile of the measured lists, per database)
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { UserActor } from '../src/server/access/actor';
import { type DbHandle, createPgliteHandle, createPostgresHandle } from '../src/server/db/client';
import { migrate, rowsOf } from '../src/server/db/migrate';
import { createAuditService } from '../src/server/platform/audit/audit.service';
import { createBatchScreeningService } from '../src/server/modules/wanted/screening-batch.service';
import { createScreeningService } from '../src/server/modules/wanted/screening.service';
import { startScreeningIndex } from '../src/server/modules/wanted/screening.index.sync';
import type { Db } from '../src/server/db/client';
import { withCpuProfile } from './support/cpu-profile';
import { createPopulation } from './support/wanted-population';
import { createSetup, generate } from './wanted-screening';

const LIST_SIZE = 100;
/** True variants of registered persons in each list; the rest are travellers drawn from the same population. */
const PLANTED_PER_LIST = 5;
/** The aim, on the server. */
const AIM_NAMES_PER_SECOND_PER_CORE = 100;

interface Timing { seconds: number; cpuSeconds: number; statements: number }

/**
 * Counts the statements the app sends, at the Drizzle session (its logger sees every query,
 * prepared or not, and the BEGIN/COMMIT of a server transaction; PGlite runs those itself).
 */
export function statementCounter(db: Db): { count: () => number } {
  const session = (db as unknown as { session: { logger: unknown; options: { logger?: unknown } } }).session;
  let statements = 0;
  // The audit sequencer's sealing rounds run beside the screenings (one per command): not counted.
  const sealing = /pg_try_advisory_xact_lock|chain_seq/;
  const logger = { logQuery: (text: string) => { if (!sealing.test(text)) statements += 1; } };
  session.logger = logger;
  session.options.logger = logger;
  return { count: () => statements };
}

async function timed(counter: { count: () => number }, work: () => Promise<void>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const before = counter.count();
  const started = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, statements: counter.count() - before };
}

/** Another screener of the same organisation: the single and the batch runs never group into each other's hits. */
async function secondScreener(handle: DbHandle, actor: UserActor): Promise<UserActor> {
  const [row] = rowsOf<{ id: string }>(await handle.db.execute(sql`insert into users (email, display_name, organisation_id, roles, password_hash)
    values ('batch-client@bench.test', 'Batch client', ${actor.organisationId}::uuid, '{officer}', 'x') returning id`));
  return { ...actor, userId: row!.id, email: 'batch-client@bench.test', displayName: 'Batch client' };
}

async function runOn(handle: DbHandle, kind: string, alerts: number, lists: number, profile?: string) {
  const counter = statementCounter(handle.db);
  await migrate(handle);
  const { setup, actor } = await createSetup(handle.db);
  const batchActor = await secondScreener(handle, actor);
  const planted = (await generate(handle, alerts, setup)).filter((item) => item.positive);
  const travellers = createPopulation(2026);
  const nameLists = Array.from({ length: lists + 1 }, (_, list) =>
    Array.from({ length: LIST_SIZE }, (_, i) => (i < PLANTED_PER_LIST ? planted[(list * PLANTED_PER_LIST + i) % planted.length]!.name : travellers.drawWritten().name)),
  );
  const audit = createAuditService({ db: handle.db, checkpointPath: null, checkpointKey: crypto.randomBytes(32) });
  const screeningIndex = startScreeningIndex(handle.db, handle.kind);
  await screeningIndex.ready();
  const screening = createScreeningService({ db: handle.db, audit, clock: () => new Date(), screeningIndex });
  const batch = createBatchScreeningService({ audit }, screening);
  const purpose = 'benchmark passenger list';

  const single = async (names: string[]) => {
    for (const name of names) await screening.person(actor, { name, purpose }, '127.0.0.1');
  };
  const batched = async (names: string[]) => {
    const queries = Object.fromEntries(names.map((name, i) => [`seat-${i + 1}`, { schema: 'Person', name }]));
    const result = await batch.screen(batchActor, { purpose, queries }, '127.0.0.1');
    if (result.answered !== names.length) throw new Error(`batch answered ${result.answered} of ${names.length}`);
  };
  // Warm-up on the spare list, then each list once both ways; who goes first alternates, since
  // the second run of a list finds its keys' pages in the cache.
  await single(nameLists[lists]!);
  await batched(nameLists[lists]!);
  const singles: Timing[] = [];
  const batches: Timing[] = [];
  await withCpuProfile(profile ? `${profile}-${handle.kind}.cpuprofile` : undefined, async () => {
    for (let list = 0; list < lists; list += 1) {
      const names = nameLists[list]!;
      if (list % 2 === 0) {
        singles.push(await timed(counter, () => single(names)));
        batches.push(await timed(counter, () => batched(names)));
      } else {
        batches.push(await timed(counter, () => batched(names)));
        singles.push(await timed(counter, () => single(names)));
      }
    }
  });
  const hits = Number(rowsOf<{ n: string }>(await handle.db.execute(sql`select count(*) as n from wanted_hits where screened_by = ${batchActor.userId}::uuid`))[0]!.n);
  const sum = (items: Timing[], key: keyof Timing) => items.reduce((total, item) => total + item[key], 0);
  const cores = os.availableParallelism();
  const figures = (items: Timing[]) => {
    const seconds = sum(items, 'seconds') / items.length;
    const namesPerSecond = LIST_SIZE / seconds;
    const names = LIST_SIZE * items.length;
    return { seconds, namesPerSecond, perCore: namesPerSecond / cores, perAppCpuSecond: names / sum(items, 'cpuSeconds'), cpuMsPerName: (1000 * sum(items, 'cpuSeconds')) / names, statementsPerName: sum(items, 'statements') / names };
  };
  const b = figures(batches);
  const s = figures(singles);
  console.log(`\n== Wanted batch screening — lists of ${LIST_SIZE} names against N = ${alerts.toLocaleString('en')} person alerts on ${kind} (load average ${os.loadavg()[0]!.toFixed(1)})`);
  console.log(`   ${lists} lists, ${PLANTED_PER_LIST} true variants each; ${(hits / (lists + 1)).toFixed(1)} hits recorded per list; one sequential client; ${cores} cores (app and database share them)`);
  const line = (label: string, f: typeof b) =>
    console.log(`   ${label.padEnd(44)} ${f.seconds.toFixed(2).padStart(6)} s per 100  ${f.namesPerSecond.toFixed(0).padStart(5)} names/s  ${f.perCore.toFixed(0).padStart(5)} names/s per core  ${f.perAppCpuSecond.toFixed(0).padStart(5)} names per app CPU-second` +
      `  ${f.cpuMsPerName.toFixed(1).padStart(5)} ms app CPU and ${f.statementsPerName.toFixed(1).padStart(5)} statements per name`);
  line('batch of 100 (POST /api/wanted/screenings/batch)', b);
  line('100 single screenings in a row (baseline)', s);
  console.log(`   ratio batch/single: time ×${(b.seconds / s.seconds).toFixed(2)}, names/s ×${(b.namesPerSecond / s.namesPerSecond).toFixed(2)}`);
  console.log(`   against the aim: ${b.perCore.toFixed(0)} / ${AIM_NAMES_PER_SECOND_PER_CORE} names/s per core = ${(b.perCore / AIM_NAMES_PER_SECOND_PER_CORE).toFixed(2)}`);
  await screeningIndex.close();
  await audit.stop();
  return { alerts, batch: b, single: s, load: os.loadavg()[0] };
}

async function runOnServer(serverUrl: string, alerts: number, lists: number, profile?: string) {
  const name = `mosaic_bench_batch_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await createPostgresHandle(url.toString());
  try {
    return await runOn(handle, 'PostgreSQL server', alerts, lists, profile);
  } finally {
    await handle.close();
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  }
}

/** On a fresh database of the server when serverUrl is given, and on a fresh in-memory PGlite. */
export async function runWantedBatchBench(options: { alerts: number; pgliteAlerts?: number; lists: number; serverUrl?: string; skipPglite?: boolean; profile?: string }) {
  const results: Record<string, Awaited<ReturnType<typeof runOn>>> = {};
  if (options.serverUrl) results.postgres = await runOnServer(options.serverUrl, options.alerts, options.lists, options.profile);
  if (options.skipPglite) return results;
  const lite = await createPgliteHandle();
  try {
    results.pglite = await runOn(lite, 'PGlite (in memory)', options.pgliteAlerts ?? options.alerts, options.lists, options.profile);
  } finally {
    await lite.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { alerts: { type: 'string' }, 'pglite-alerts': { type: 'string' }, lists: { type: 'string' }, server: { type: 'string' }, 'skip-pglite': { type: 'boolean' }, profile: { type: 'string' } } });
  await runWantedBatchBench({
    alerts: Number(values.alerts ?? 1_000_000),
    pgliteAlerts: values['pglite-alerts'] ? Number(values['pglite-alerts']) : 100_000,
    lists: Number(values.lists ?? 5),
    serverUrl: values.server ?? process.env.BENCH_DATABASE_URL,
    skipPglite: values['skip-pglite'],
    profile: values.profile,
  });
}
