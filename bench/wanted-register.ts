/**
 * The wanted benches' register, kept between runs when asked: generating a million alerts takes
 * a quarter of an hour on the loaded machine, and each run of a bench measures the same register.
 * `--database <name>` (or BENCH_WANTED_DATABASE=<name>) on the server keeps (or first makes) that database; the planted queries and
 * the bench's users are stored beside the register (`bench_wanted_register`, `bench_wanted_planted`).
 * Screenings write hits into it: each run screens as new officers, so none groups into another's.
 */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { UserActor } from '../src/server/access/actor';
import { type DbHandle, createPostgresHandle } from '../src/server/db/client';
import { migrate, rowsOf } from '../src/server/db/migrate';
import { foldToAscii, nameRetrievalKeys } from '../src/matching';
import { type PlantedQuery, type WrittenPerson, createPopulation, hardNegative, seededRandom, trueVariant } from './support/wanted-population';

type Db = DbHandle['db'];

const POSITIVES = 300;
const NEGATIVES = 150;
const BATCH = 10_000;

export function pgArray(values: (string | null)[]): string {
  return `{${values.map((value) => (value === null ? 'NULL' : `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

/** Markings as a register holds them: everyone, own economy only, own organisation only. */
const MARKINGS = [
  { share: 0.5, classification: 'RESTRICTED', tlp: 'GREEN', economies: '{}' },
  { share: 0.3, classification: 'RESTRICTED', tlp: 'AMBER', economies: '{RS}' },
  { share: 0.2, classification: 'CONFIDENTIAL', tlp: 'RED', economies: '{}' },
];

function markingOf(roll: number) {
  let sum = 0;
  for (const marking of MARKINGS) {
    sum += marking.share;
    if (roll < sum) return marking;
  }
  return MARKINGS[0]!;
}

export interface Setup { deskId: string; userId: string; organisationId: string }

async function insertBatch(db: Db, batch: { id: string; written: WrittenPerson; roll: number }[], setup: Setup) {
  const ids = pgArray(batch.map((item) => item.id));
  const names = pgArray(batch.map((item) => item.written.name));
  const markings = batch.map((item) => markingOf(item.roll));
  await db.execute(sql`insert into wanted_alerts (id, reference, kind, issuing_desk_id, created_by, valid_from, valid_until, action_code, action_to_take,
      primary_name, date_of_birth, classification, tlp, releasable_economies, owner_organisation_id, owner_economy)
    select id, 'B-' || id::text, 'person_locate', ${setup.deskId}::uuid, ${setup.userId}::uuid, now() - interval '1 day', now() + interval '365 days',
      'locate_report_residence', 'Inform the desk', name, dob, classification, tlp, economies::text[], ${setup.organisationId}::uuid, 'RS'
    from unnest(${ids}::uuid[], ${names}::text[], ${pgArray(batch.map((item) => item.written.dateOfBirth))}::date[],
      ${pgArray(markings.map((m) => m.classification))}::text[], ${pgArray(markings.map((m) => m.tlp))}::text[],
      ${pgArray(markings.map((m) => m.economies))}::text[]) as t(id, name, dob, classification, tlp, economies)`);
  await db.execute(sql`insert into wanted_names (alert_id, name, folded)
    select * from unnest(${ids}::uuid[], ${names}::text[], ${pgArray(batch.map((item) => foldToAscii(item.written.name)))}::text[])`);
  const keyIds: string[] = [];
  const keys: string[] = [];
  for (const item of batch) {
    for (const key of nameRetrievalKeys(item.written.name)) {
      keyIds.push(item.id);
      keys.push(key);
    }
  }
  await db.execute(sql`insert into wanted_name_keys (alert_id, key) select * from unnest(${pgArray(keyIds)}::uuid[], ${pgArray(keys)}::text[])`);
}

/** Secondary indexes of the bulk-loaded tables are dropped during the load and rebuilt after, as the migration defines them. */
async function withoutIndexes(db: Db, load: () => Promise<void>) {
  const definitions = rowsOf<{ name: string; definition: string }>(await db.execute(sql`
    select i.indexname as name, i.indexdef as definition from pg_indexes i
    join pg_index x on x.indexrelid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass
    where i.tablename in ('wanted_alerts', 'wanted_names', 'wanted_name_keys') and not x.indisprimary and not x.indisunique`));
  for (const index of definitions) await db.execute(sql.raw(`drop index ${index.name}`));
  await load();
  await db.execute(sql.raw(`set maintenance_work_mem = '256MB'`));
  for (const index of definitions) await db.execute(sql.raw(index.definition));
}

export interface Planted extends PlantedQuery { target: string; positive: boolean }

export async function generate(handle: DbHandle, alerts: number, setup: Setup): Promise<Planted[]> {
  const population = createPopulation(42);
  const variants = seededRandom(7);
  const plantEvery = Math.max(1, Math.floor(alerts / POSITIVES));
  const planted: Planted[] = [];
  await withoutIndexes(handle.db, async () => {
    let pending: Promise<void> = Promise.resolve();
    for (let offset = 0; offset < alerts; offset += BATCH) {
      const batch: { id: string; written: WrittenPerson; roll: number }[] = [];
      for (let i = offset; i < Math.min(alerts, offset + BATCH); i += 1) {
        const written = population.drawWritten();
        const id = crypto.randomUUID();
        batch.push({ id, written, roll: population.next() });
        if (i % plantEvery === 0 && planted.filter((item) => item.positive).length < POSITIVES) {
          planted.push({ ...trueVariant(written, variants), target: id, positive: true });
          const negative = planted.filter((item) => !item.positive).length < NEGATIVES ? hardNegative(written, variants) : null;
          if (negative) planted.push({ ...negative, target: id, positive: false });
        }
      }
      // The next batch is drawn while this one is written.
      await pending;
      pending = insertBatch(handle.db, batch, setup);
    }
    await pending;
  });
  // What autovacuum does soon after a bulk load: statistics, and the visibility map that lets
  // the (key, alert_id) index answer without visiting the table.
  for (const table of ['wanted_alerts', 'wanted_names', 'wanted_name_keys']) await handle.db.execute(sql.raw(`vacuum analyze ${table}`));
  return planted;
}

export async function createSetup(db: Db) {
  const one = async (query: ReturnType<typeof sql>) => rowsOf<{ id: string }>(await db.execute(query))[0]!.id;
  const rsPolice = await one(sql`insert into organisations (name, kind, economy_code) values ('Bench police RS', 'police', 'RS') returning id`);
  const hrPolice = await one(sql`insert into organisations (name, kind, economy_code) values ('Bench border police HR', 'police', 'HR') returning id`);
  const issuer = await one(sql`insert into users (email, display_name, organisation_id, roles, password_hash) values ('issuer@bench.test', 'Issuer', ${rsPolice}::uuid, '{contact_point}', 'x') returning id`);
  const screener = await one(sql`insert into users (email, display_name, organisation_id, roles, password_hash) values ('screener@bench.test', 'Screener', ${hrPolice}::uuid, '{officer}', 'x') returning id`);
  const deskId = await one(sql`insert into desks (economy_code, area, name) values ('RS', 'wanted_persons', 'Bench desk') returning id`);
  const actor: UserActor = {
    kind: 'user', userId: screener, email: 'screener@bench.test', displayName: 'Screener', organisationId: hrPolice, organisationName: 'Bench border police HR',
    economy: 'HR', roles: ['officer'], clearance: 'RESTRICTED', deskIds: [], sharingGroupIds: [],
  };
  return { setup: { deskId, userId: issuer, organisationId: rsPolice }, actor };
}


export interface Register {
  setup: Setup;
  actor: UserActor;
  planted: Planted[];
  /** Seconds spent generating it in this run (0 when an existing register was opened). */
  generationSeconds: number;
  reused: boolean;
  /** Unique per run: the officers a run adds are named with it. */
  runId: string;
}

async function storedRegister(db: Db, alerts: number): Promise<Omit<Register, 'generationSeconds' | 'reused' | 'runId'> | null> {
  const exists = rowsOf<{ t: string | null }>(await db.execute(sql`select to_regclass('bench_wanted_register')::text as t`))[0]?.t;
  if (!exists) return null;
  const [row] = rowsOf<{ alerts: number; setup: Setup; actor: UserActor }>(await db.execute(sql`select alerts, setup, actor from bench_wanted_register`));
  if (!row || Number(row.alerts) !== alerts) return null;
  const planted = rowsOf<Planted>(await db.execute(sql`select name, kind, target, positive from bench_wanted_planted order by position`));
  return { setup: row.setup, actor: row.actor, planted };
}

/** Opens the register of `alerts` person alerts, generating (and storing) it when the database has none of that size. */
export async function openRegister(handle: DbHandle, alerts: number, keep: boolean): Promise<Register> {
  await migrate(handle);
  const runId = crypto.randomBytes(4).toString('hex');
  const stored = keep ? await storedRegister(handle.db, alerts) : null;
  if (stored) {
    // The earlier runs' hits, notifications and sealed audit events left dead rows (the sealing
    // updates every event); a fresh database starts without them, as autovacuum would leave it.
    for (const table of ['audit_events', 'wanted_hits', 'wanted_probe_flags', 'notifications']) await handle.db.execute(sql.raw(`vacuum analyze ${table}`));
    return { ...stored, generationSeconds: 0, reused: true, runId };
  }
  const { setup, actor } = await createSetup(handle.db);
  const started = performance.now();
  const planted = await generate(handle, alerts, setup);
  const generationSeconds = (performance.now() - started) / 1000;
  if (keep) {
    const db = handle.db;
    await db.execute(sql`create table bench_wanted_register (alerts integer not null, setup jsonb not null, actor jsonb not null)`);
    await db.execute(sql`create table bench_wanted_planted (position integer primary key, name text not null, kind text not null, target uuid not null, positive boolean not null)`);
    await db.execute(sql`insert into bench_wanted_register values (${alerts}, ${JSON.stringify(setup)}::jsonb, ${JSON.stringify(actor)}::jsonb)`);
    await db.execute(sql`insert into bench_wanted_planted select * from jsonb_to_recordset(${JSON.stringify(planted.map((item, position) => ({ position, ...item })))}::jsonb)
      as x(position integer, name text, kind text, target uuid, positive boolean)`);
  }
  return { setup, actor, planted, generationSeconds, reused: false, runId };
}

/** Another officer of the screener's organisation, new in this run. */
export async function addScreener(db: Db, actor: UserActor, label: string, runId: string): Promise<UserActor> {
  const email = `${label}-${runId}@bench.test`;
  const [row] = rowsOf<{ id: string }>(await db.execute(sql`insert into users (email, display_name, organisation_id, roles, password_hash)
    values (${email}, ${label}, ${actor.organisationId}::uuid, '{officer}', 'x') returning id`));
  return { ...actor, userId: row!.id, email, displayName: label };
}

/**
 * The server database named by BENCH_WANTED_DATABASE, kept between runs of both wanted suites
 * (they share the register when N is the same), also when run through `npm run bench`.
 */
export function keptDatabaseName(): string | undefined {
  return process.env.BENCH_WANTED_DATABASE || undefined;
}

/**
 * A database of the server for one run: the named one (made when missing, kept after) or a
 * fresh one dropped at the end.
 */
export async function withServerDatabase<T>(serverUrl: string, keptName: string | undefined, prefix: string, work: (handle: DbHandle, keep: boolean) => Promise<T>): Promise<T> {
  const name = keptName ?? `${prefix}_${process.pid}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
  if (!exists) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await createPostgresHandle(url.toString());
  try {
    return await work(handle, keptName !== undefined);
  } finally {
    await handle.close();
    if (keptName) console.log(`   kept database ${name}`);
    else {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    }
  }
}
