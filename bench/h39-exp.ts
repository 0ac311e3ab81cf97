import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { UserActor } from '../src/server/access/actor';
import { type Db, type DbHandle, createPostgresHandle, createPgliteHandle } from '../src/server/db/client';
import { migrate, rowsOf } from '../src/server/db/migrate';
import { createAuditService } from '../src/server/platform/audit/audit.service';
import { insertAuditEvents } from '../src/server/platform/audit/chain';
import { createScratchDatabase } from './support/server-database';

const actor: UserActor = { kind: 'user', userId: '0b7f3c1e-9d2a-4e5b-8f6c-1a2b3c4d5e6f', email: 'bench.writer@mup.example', displayName: 'B', organisationId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', organisationName: 'M', economy: 'RS', roles: ['officer'], clearance: 'RESTRICTED', deskIds: [], sharingGroupIds: [] };
const change = (tx: Db, writer: number) => tx.execute(sql`insert into bench_changes (writer, changes) values (${writer}, 1) on conflict (writer) do update set changes = bench_changes.changes + 1`);

async function drive(seconds: number, op: (w: number, i: number) => Promise<void>) {
  let n = 0; const deadline = performance.now() + seconds * 1000; const t0 = performance.now();
  await Promise.all(Array.from({ length: 8 }, async (_, w) => { for (let i = 0; performance.now() < deadline; i++) { await op(w, i); n++; } }));
  return n / ((performance.now() - t0) / 1000);
}
const variant = process.argv[2]!;
const seconds = Number(process.argv[3] ?? 5);
const url = process.env.BENCH_DATABASE_URL;
let handle: DbHandle; let scratch: { drop(): Promise<void> } | null = null;
if (url && process.argv[4] !== 'lite') { const s = await createScratchDatabase(url, 'h39exp'); scratch = s; handle = await createPostgresHandle(s.url); } else handle = await createPgliteHandle();
await migrate(handle);
await handle.execScript('create table if not exists bench_changes (writer int primary key, changes int not null default 0)');
if (process.env.EXTRA_SQL) await handle.execScript(process.env.EXTRA_SQL);
const input = (w: number, i: number) => ({ actorUserId: actor.userId, actorLabel: actor.email, actorEconomy: actor.economy, action: 'bench.change', recordId: `${w}-${i}`, outcome: 'success' as const, details: {} });
let rate = 0;
const wal0 = rowsOf<{ w: string }>(await handle.db.execute(sql`select pg_current_wal_lsn()::text as w`))[0]?.w;
if (variant === 'ceiling') rate = await drive(seconds, (w) => handle.db.transaction(async (tx) => { await change(tx as unknown as Db, w); }));
if (variant === 'insert') rate = await drive(seconds, (w, i) => handle.db.transaction(async (tx) => { await change(tx as unknown as Db, w); await insertAuditEvents(tx as unknown as Db, [input(w, i)]); }));
if (variant === 'sequencer') {
  const audit = createAuditService({ db: handle.db, checkpointPath: null, checkpointKey: crypto.randomBytes(32) });
  audit.start();
  rate = await drive(seconds, (w, i) => audit.command(async (tx) => { await change(tx, w); await audit.append(tx, { actor }, { action: 'bench.change', recordId: `${w}-${i}` }); }));
  await audit.close();
}
const wal1 = rowsOf<{ b: string }>(await handle.db.execute(sql`select pg_wal_lsn_diff(pg_current_wal_lsn(), ${wal0}::pg_lsn)::text as b`))[0]?.b;
console.log(variant, process.env.EXTRA_SQL ? '(extra)' : '', Math.round(rate), 'ops/s', 'wal bytes/op', Math.round(Number(wal1) / (rate * seconds)));
await handle.close(); await scratch?.drop();
