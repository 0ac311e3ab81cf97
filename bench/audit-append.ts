/**
 * The audit log as a serial point: 8 concurrent writers, each running short audited
 * transactions (a change and its audit event), with today's sequencer (the event inserted
 * unsealed without a lock, sealed into the chain by the sequencer) beside the previous locked
 * append (one global advisory lock for the head read, the insert and the commit), kept here as
 * the baseline. Each method runs on its own fresh database. Reports operations per second, the
 * operation latency, the sealing delay (insert to sealed, p50/p99) and gaps and forks in the
 * sealed chain. The three methods take turns in short slices, so a load that moves during the
 * run weighs on each alike.
 *   npx tsx bench/audit-append.ts [--seconds 10] [--writers 8] [--server postgres://…]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { desc, isNotNull, sql } from 'drizzle-orm';
import type { UserActor } from '../src/server/access/actor';
import { type Db, type DbHandle, createPgliteHandle, createPostgresHandle } from '../src/server/db/client';
import { migrate, rowsOf } from '../src/server/db/migrate';
import { auditEvents } from '../src/server/db/schema/core';
import { createAuditService } from '../src/server/platform/audit/audit.service';
import { type AuditEventInput, type ChainedFields, GENESIS_HASH, hashEvent } from '../src/server/platform/audit/chain';
import { verifyAuditChain } from '../src/server/platform/audit/verify';
import { percentile, printFigures } from './support/report';
import { createScratchDatabase } from './support/server-database';

const BASELINE_LOCK_KEY = 7_315_001;

const actor: UserActor = {
  kind: 'user',
  userId: '0b7f3c1e-9d2a-4e5b-8f6c-1a2b3c4d5e6f',
  email: 'bench.writer@mup.example',
  displayName: 'Bench writer',
  organisationId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  organisationName: 'Ministry of Interior',
  economy: 'RS',
  roles: ['officer'],
  clearance: 'RESTRICTED',
  deskIds: [],
  sharingGroupIds: [],
};

/** The append as it was before the sequencer: lock, read the head, insert the sealed event. */
async function lockedAppend(tx: Db, input: AuditEventInput) {
  await tx.execute(sql`select pg_advisory_xact_lock(${BASELINE_LOCK_KEY})`);
  const [head] = await tx
    .select({ chainSeq: auditEvents.chainSeq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(isNotNull(auditEvents.chainSeq))
    .orderBy(desc(auditEvents.chainSeq))
    .limit(1);
  const fields: ChainedFields = {
    seq: (head?.chainSeq ?? 0) + 1,
    id: crypto.randomUUID(),
    occurredAt: new Date().toISOString(),
    actorUserId: input.actorUserId,
    actorLabel: input.actorLabel,
    actorEconomy: input.actorEconomy,
    action: input.action,
    recordType: input.recordType ?? null,
    recordId: input.recordId ?? null,
    outcome: input.outcome,
    ip: null,
    details: input.details ?? {},
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  const { seq, ...row } = fields;
  await tx.insert(auditEvents).values({ ...row, chainSeq: seq, hash: hashEvent(fields), sealedAt: sql`clock_timestamp()` });
}

interface Run {
  opsPerSecond: number;
  latencyP99Ms: number;
  sealDelayP50Ms: number;
  sealDelayP99Ms: number;
  events: number;
  gaps: number;
  forks: number;
  intact: boolean;
  /** Left unsealed after the run (the sequencer is drained first: should be 0). */
  unsealed: number;
}

/** Operations done and their latencies, summed over the slices a method ran. */
interface Tally {
  latencies: number[];
  seconds: number;
}

/** Writers run `operation` back to back for `seconds`, adding to `tally`. */
async function drive(tally: Tally, writers: number, seconds: number, operation: (writer: number, index: number) => Promise<void>) {
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let index = tally.latencies.length; performance.now() < deadline; index += 1) {
        const begun = performance.now();
        await operation(writer, index);
        tally.latencies.push(performance.now() - begun);
      }
    }),
  );
  tally.seconds += (performance.now() - started) / 1000;
}

const driven = (tally: Tally) => ({ opsPerSecond: tally.latencies.length / tally.seconds, latencyP99Ms: percentile(tally.latencies, 99) });

async function sealedChainFigures(db: Db) {
  const [row] = rowsOf<{ events: number; positions: number; top: number | null; forks: number; unsealed: number; p50: number | null; p99: number | null }>(
    await db.execute(sql`
      select count(*)::int as events, count(distinct chain_seq)::int as positions, max(chain_seq)::int as top,
             (select count(*)::int from (select prev_hash from audit_events where prev_hash is not null group by prev_hash having count(*) > 1) as shared) as forks,
             (select count(*)::int from audit_events where chain_seq is null) as unsealed,
             percentile_cont(0.5) within group (order by extract(epoch from sealed_at - inserted_at)) * 1000 as p50,
             percentile_cont(0.99) within group (order by extract(epoch from sealed_at - inserted_at)) * 1000 as p99
      from audit_events where chain_seq is not null`),
  );
  const verified = await verifyAuditChain(db);
  return {
    events: row!.events,
    gaps: (row!.top ?? 0) - row!.positions,
    forks: row!.forks + (row!.events - row!.positions),
    intact: verified.ok,
    unsealed: row!.unsealed,
    sealDelayP50Ms: Number(row!.p50 ?? 0),
    sealDelayP99Ms: Number(row!.p99 ?? 0),
  };
}

async function prepare(handle: DbHandle) {
  await migrate(handle);
  await handle.execScript('create table if not exists bench_changes (writer int primary key, changes int not null default 0)');
}

const change = (tx: Db, writer: number) =>
  tx.execute(sql`insert into bench_changes (writer, changes) values (${writer}, 1) on conflict (writer) do update set changes = bench_changes.changes + 1`);

/** A method under test: one slice of driving at a time, then its figures. */
interface Method {
  slice(seconds: number): Promise<void>;
  finish(): Promise<Run>;
}

function lockedMethod(handle: DbHandle, writers: number): Method {
  const tally: Tally = { latencies: [], seconds: 0 };
  return {
    slice: (seconds) =>
      drive(tally, writers, seconds, (writer, index) =>
        handle.db.transaction(async (tx) => {
          await change(tx as unknown as Db, writer);
          await lockedAppend(tx as unknown as Db, { actorUserId: actor.userId, actorLabel: actor.email, actorEconomy: actor.economy, action: 'bench.change', recordId: `${writer}-${index}`, outcome: 'success' });
        }),
      ),
    finish: async () => ({ ...driven(tally), ...(await sealedChainFigures(handle.db)) }),
  };
}

/** The ceiling: the same transactions (the change alone), no audit event at all. */
function unauditedMethod(handle: DbHandle, writers: number): Method {
  const tally: Tally = { latencies: [], seconds: 0 };
  return {
    slice: (seconds) => drive(tally, writers, seconds, (writer) => handle.db.transaction(async (tx) => {
      await change(tx as unknown as Db, writer);
    })),
    finish: async () => ({ ...driven(tally), ...(await sealedChainFigures(handle.db)) }),
  };
}

function sequencedMethod(handle: DbHandle, writers: number): Method & { close(): Promise<void> } {
  const tally: Tally = { latencies: [], seconds: 0 };
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-bench-audit-'));
  const audit = createAuditService({ db: handle.db, checkpointPath: path.join(folder, 'checkpoint.json'), checkpointKey: crypto.randomBytes(32) });
  audit.start();
  return {
    slice: (seconds) =>
      drive(tally, writers, seconds, (writer, index) =>
        audit.command(async (tx) => {
          await change(tx, writer);
          await audit.append(tx, { actor }, { action: 'bench.change', recordId: `${writer}-${index}` });
        }),
      ),
    finish: async () => {
      await audit.close();
      return { ...driven(tally), ...(await sealedChainFigures(handle.db)) };
    },
    close: async () => {
      await audit.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

function report(kind: string, writers: number, locked: Run, sequenced: Run, unaudited: Run) {
  printFigures(`Audited operations — ${writers} concurrent writers on ${kind}`, [
    { figure: 'audited operations/s (sequencer)', value: sequenced.opsPerSecond, unit: 'ops/s', baseline: locked.opsPerSecond, baselineLabel: 'locked append (before)', higherIsBetter: true, aim: '≥ 5× on the server' },
    { figure: 'operation latency p99 (sequencer)', value: sequenced.latencyP99Ms, unit: 'ms', baseline: locked.latencyP99Ms, baselineLabel: 'locked append (before)', higherIsBetter: false },
  ]);
  console.log(`  ceiling: the same transactions without an audit event ${unaudited.opsPerSecond.toFixed(0)} ops/s (sequencer at ${(sequenced.opsPerSecond / unaudited.opsPerSecond).toFixed(2)} of it, locked append at ${(locked.opsPerSecond / unaudited.opsPerSecond).toFixed(2)})`);
  console.log(`  sealing delay (insert → sealed) p50 ${sequenced.sealDelayP50Ms.toFixed(1)} ms, p99 ${sequenced.sealDelayP99Ms.toFixed(1)} ms (aim: p99 < 1000 ms)`);
  for (const [label, run] of [['sequencer', sequenced], ['locked append', locked]] as const) {
    console.log(`  ${label.padEnd(14)} ${run.events} events sealed, ${run.gaps} gaps, ${run.forks} forks, ${run.unsealed} unsealed, verify ${run.intact ? 'intact' : 'BROKEN'}`);
  }
}

async function freshDatabase(serverUrl: string | undefined): Promise<{ handle: DbHandle; close(): Promise<void> }> {
  if (!serverUrl) {
    const handle = await createPgliteHandle();
    return { handle, close: () => handle.close() };
  }
  const scratch = await createScratchDatabase(serverUrl, 'mosaic_bench_audit');
  const handle = await createPostgresHandle(scratch.url);
  return {
    handle,
    close: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}

/** Slices per method: the methods take turns, so a load that moves during the run weighs on each alike. */
const SLICES = 5;

/** Each method on its own fresh database (server when `url` is given, else in-memory PGlite), taking turns. */
async function compare(url: string | undefined, writers: number, seconds: number) {
  const databases = [await freshDatabase(url), await freshDatabase(url), await freshDatabase(url)];
  try {
    for (const database of databases) await prepare(database.handle);
    const sequenced = sequencedMethod(databases[1]!.handle, writers);
    try {
      const methods = { locked: lockedMethod(databases[0]!.handle, writers), sequenced, unaudited: unauditedMethod(databases[2]!.handle, writers) };
      for (let slice = 0; slice < SLICES; slice += 1) {
        for (const method of Object.values(methods)) await method.slice(seconds / SLICES);
      }
      return { locked: await methods.locked.finish(), sequenced: await methods.sequenced.finish(), unaudited: await methods.unaudited.finish() };
    } finally {
      await sequenced.close();
    }
  } finally {
    for (const database of databases) await database.close();
  }
}

/** On fresh PostgreSQL server databases when serverUrl is given, and on fresh in-memory PGlite ones. */
export async function runAuditAppendBench(options: { seconds: number; writers?: number; serverUrl?: string; skipPglite?: boolean }) {
  const writers = options.writers ?? 8;
  const targets: [string, string | undefined][] = options.skipPglite ? [] : [['PGlite (in memory)', undefined]];
  if (options.serverUrl) targets.unshift(['PostgreSQL server', options.serverUrl]);
  const results: Record<string, { locked: Run; sequenced: Run; unaudited: Run }> = {};
  for (const [kind, url] of targets) {
    const { locked, sequenced, unaudited } = await compare(url, writers, options.seconds);
    report(kind, writers, locked, sequenced, unaudited);
    results[kind] = { locked, sequenced, unaudited };
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { seconds: { type: 'string' }, writers: { type: 'string' }, server: { type: 'string' }, 'skip-pglite': { type: 'boolean' } } });
  await runAuditAppendBench({
    seconds: Number(values.seconds ?? 10),
    writers: values.writers ? Number(values.writers) : 8,
    serverUrl: values.server ?? process.env.BENCH_DATABASE_URL,
    skipPglite: values['skip-pglite'] === true,
  });
}
