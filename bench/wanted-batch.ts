/**
 * Batch screening for machine clients: lists of 100 names (a coach's passengers) screened in one
 * call through the module's batch service, beside the same number of single screenings in a
 * row through the single-screening service, in the same run, on the same register (the wanted
 * suite's population: Zipf-skewed names, mixed scripts and markings), both through the
 * in-process key index the app runs. Prints the statements sent per screening (counted at the
 * database client) and the app's CPU per screening.
 *   npx tsx bench/wanted-batch.ts [--alerts 1000000] [--pglite-alerts 100000] [--lists 5] [--server postgres://…] [--skip-pglite]
 *     [--profile <file prefix>]  (a CPU profile of the measured lists, per database)
 *     [--database <name>]  (keep the register in that server database between runs; or BENCH_WANTED_DATABASE=<name>)
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { type DbHandle, createPgliteHandle } from '../src/server/db/client';
import { rowsOf } from '../src/server/db/migrate';
import { createAuditService } from '../src/server/platform/audit/audit.service';
import { createBatchScreeningService } from '../src/server/modules/wanted/screening-batch.service';
import { createScreeningService } from '../src/server/modules/wanted/screening.service';
import { startScreeningIndex } from '../src/server/modules/wanted/screening.index.sync';
import { withCpuProfile } from './support/cpu-profile';
import { createPopulation } from './support/wanted-population';
import { type Meter, createMeter } from './support/database-meter';
import { addScreener, keptDatabaseName, openRegister, withServerDatabase } from './wanted-register';

const LIST_SIZE = 100;
/** True variants of registered persons in each list; the rest are travellers drawn from the same population. */
const PLANTED_PER_LIST = 5;
/** The issue's aim, on the server. */
const AIM_NAMES_PER_SECOND_PER_CORE = 100;

type Timing = Awaited<ReturnType<Meter['measure']>>;

async function runOn(handle: DbHandle, kind: string, alerts: number, lists: number, options: { keep: boolean; profile?: string }) {
  const register = await openRegister(handle, alerts, options.keep);
  const meter = createMeter(handle.db, handle.kind);
  // Two new officers of the same organisation: the single and the batch runs never group into each other's (or an earlier run's) hits.
  const actor = await addScreener(handle.db, register.actor, 'single-client', register.runId);
  const batchActor = await addScreener(handle.db, register.actor, 'batch-client', register.runId);
  const planted = register.planted.filter((item) => item.positive);
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
  await withCpuProfile(options.profile ? `${options.profile}-${handle.kind}.cpuprofile` : undefined, async () => {
    for (let list = 0; list < lists; list += 1) {
      const names = nameLists[list]!;
      if (list % 2 === 0) {
        singles.push(await meter.measure(() => single(names)));
        batches.push(await meter.measure(() => batched(names)));
      } else {
        batches.push(await meter.measure(() => batched(names)));
        singles.push(await meter.measure(() => single(names)));
      }
    }
  });
  const hits = Number(rowsOf<{ n: string }>(await handle.db.execute(sql`select count(*) as n from wanted_hits where screened_by = ${batchActor.userId}::uuid`))[0]!.n);
  const sum = (items: Timing[], key: 'seconds' | 'appCpuSeconds' | 'dbCpuSeconds' | 'statements') => items.reduce((total, item) => total + (item[key] ?? 0), 0);
  const cores = os.availableParallelism();
  const figures = (items: Timing[]) => {
    const seconds = sum(items, 'seconds') / items.length;
    const namesPerSecond = LIST_SIZE / seconds;
    const names = LIST_SIZE * items.length;
    const cpuMsPerName = (1000 * sum(items, 'appCpuSeconds')) / names;
    const dbCpuMsPerName = handle.kind === 'postgres' ? (1000 * sum(items, 'dbCpuSeconds')) / names : null;
    // Names per second that one core gives (app + database CPU per name), whatever the load.
    const perCoreByCpu = 1000 / (cpuMsPerName + (dbCpuMsPerName ?? 0));
    return { seconds, namesPerSecond, perCore: namesPerSecond / cores, perCoreByCpu, cpuMsPerName, dbCpuMsPerName, statementsPerName: sum(items, 'statements') / names };
  };
  const b = figures(batches);
  const s = figures(singles);
  console.log(`\n== Wanted batch screening — lists of ${LIST_SIZE} names against N = ${alerts.toLocaleString('en')} person alerts on ${kind} (load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')})`);
  console.log(`   ${lists} lists, ${PLANTED_PER_LIST} true variants each; ${(hits / (lists + 1)).toFixed(1)} hits recorded per list; one sequential client; ${cores} cores (app and database share them)`);
  const line = (label: string, f: typeof b) =>
    console.log(`   ${label.padEnd(44)} ${f.seconds.toFixed(2).padStart(6)} s per 100  ${f.namesPerSecond.toFixed(0).padStart(5)} names/s (wall; ${f.perCore.toFixed(0)} per core)` +
      `  per name: app CPU ${f.cpuMsPerName.toFixed(2)} ms + database ${f.dbCpuMsPerName === null ? 'n/a' : `${f.dbCpuMsPerName.toFixed(2)} ms`} = ${f.perCoreByCpu.toFixed(0)} names/s per core; ${f.statementsPerName.toFixed(1)} statements`);
  line('batch of 100 (POST /api/wanted/screenings/batch)', b);
  line('100 single screenings in a row (baseline)', s);
  console.log(`   ratio batch/single: time ×${(b.seconds / s.seconds).toFixed(2)}, names/s ×${(b.namesPerSecond / s.namesPerSecond).toFixed(2)}`);
  console.log(`   ratio of CPU per name batch/single: ×${(s.perCoreByCpu / b.perCoreByCpu).toFixed(2)}`);
  console.log(`   against the aim: ${b.perCoreByCpu.toFixed(0)} / ${AIM_NAMES_PER_SECOND_PER_CORE} names/s per core (by CPU) = ${(b.perCoreByCpu / AIM_NAMES_PER_SECOND_PER_CORE).toFixed(2)}; by wall time on ${cores} cores ${(b.perCore / AIM_NAMES_PER_SECOND_PER_CORE).toFixed(2)}`);
  await screeningIndex.close();
  await audit.stop();
  return { alerts, batch: b, single: s, load: os.loadavg()[0] };
}

async function runOnServer(serverUrl: string, database: string | undefined, alerts: number, lists: number, profile?: string) {
  return withServerDatabase(serverUrl, database ?? keptDatabaseName(), 'mosaic_bench_batch', (handle, keep) => runOn(handle, 'PostgreSQL server', alerts, lists, { keep, profile }));
}

/** On a database of the server when serverUrl is given (`database`: kept between runs), and on a fresh in-memory PGlite. */
export async function runWantedBatchBench(options: { alerts: number; pgliteAlerts?: number; lists: number; serverUrl?: string; database?: string; skipPglite?: boolean; profile?: string }) {
  const results: Record<string, Awaited<ReturnType<typeof runOn>>> = {};
  if (options.serverUrl) results.postgres = await runOnServer(options.serverUrl, options.database, options.alerts, options.lists, options.profile);
  if (options.skipPglite) return results;
  const lite = await createPgliteHandle();
  try {
    results.pglite = await runOn(lite, 'PGlite (in memory)', options.pgliteAlerts ?? options.alerts, options.lists, { keep: false, profile: options.profile });
  } finally {
    await lite.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { alerts: { type: 'string' }, 'pglite-alerts': { type: 'string' }, lists: { type: 'string' }, server: { type: 'string' }, database: { type: 'string' }, 'skip-pglite': { type: 'boolean' }, profile: { type: 'string' } } });
  await runWantedBatchBench({
    alerts: Number(values.alerts ?? 1_000_000),
    pgliteAlerts: values['pglite-alerts'] ? Number(values['pglite-alerts']) : 100_000,
    lists: Number(values.lists ?? 5),
    serverUrl: values.server ?? process.env.BENCH_DATABASE_URL,
    database: values.database,
    skipPglite: values['skip-pglite'],
    profile: values.profile,
  });
}
