/**
 * Wanted screening at scale: N person alerts built from the name engine's lexicon, planted
 * true variants, screened through the module's own retrieval and rescoring; beside a pg_trgm
 * similarity search on the same table, in the same run.
 *   npx tsx bench/wanted-screening.ts [--alerts 1000000] [--server postgres://…]
 */
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { foldToAscii, nameIndexKeys } from '../src/matching';
import { GIVEN_NAME_GROUPS } from '../src/matching/lexicon/given-names';
import { SURNAMES } from '../src/matching/lexicon/surnames';
import { type DbHandle, createPgliteHandle, createPostgresHandle } from '../src/server/db/client';
import { migrate, rowsOf } from '../src/server/db/migrate';
import { candidatesByKeys, candidatesByTrigram, loadScreeningRows } from '../src/server/modules/wanted/screening.queries';
import { type PersonCandidate, scorePersonCandidates } from '../src/server/modules/wanted/screening.scoring';

const QUERIES = 200;
const BATCH = 5000;

/** Deterministic pseudo-random numbers, so that runs compare. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const CYRILLIC: [string, string][] = [
  ['dž', 'џ'], ['lj', 'љ'], ['nj', 'њ'], ['a', 'а'], ['b', 'б'], ['v', 'в'], ['g', 'г'], ['d', 'д'], ['đ', 'ђ'], ['e', 'е'], ['ž', 'ж'], ['z', 'з'], ['i', 'и'],
  ['j', 'ј'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['r', 'р'], ['s', 'с'], ['t', 'т'], ['ć', 'ћ'], ['u', 'у'], ['f', 'ф'],
  ['h', 'х'], ['c', 'ц'], ['č', 'ч'], ['š', 'ш'],
];

/** Serbian Latin → Cyrillic, for names whose letters allow it; null otherwise. */
function toCyrillic(name: string): string | null {
  let rest = name.toLowerCase();
  let out = '';
  while (rest.length) {
    if (rest[0] === ' ') { out += ' '; rest = rest.slice(1); continue; }
    const pair = CYRILLIC.find(([latin]) => rest.startsWith(latin));
    if (!pair) return null;
    out += pair[1];
    rest = rest.slice(pair[0].length);
  }
  return out.split(' ').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

const capitalise = (text: string) => text.split(' ').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');

interface Person { given: string[]; surname: string[] }

/** A name for a person as a clerk might enter it: a spelling from the lexicon, sometimes Cyrillic or ASCII-folded. */
function writeName(person: Person, next: () => number): string {
  const given = person.given[Math.floor(next() * Math.min(3, person.given.length))] ?? person.given[0]!;
  const surname = person.surname[Math.floor(next() * person.surname.length)] ?? person.surname[0]!;
  const plain = `${given} ${surname}`;
  const roll = next();
  if (roll < 0.1) return toCyrillic(plain) ?? plain;
  if (roll < 0.2) return capitalise(foldToAscii(plain));
  return plain;
}

/** A true variant of a stored name: another script, folded, reordered, or another spelling. */
function variantOf(stored: string, person: Person, next: () => number): string {
  const roll = next();
  if (roll < 0.3) return toCyrillic(foldToAscii(stored)) ?? capitalise(foldToAscii(stored));
  if (roll < 0.5) return capitalise(foldToAscii(stored));
  if (roll < 0.7) return stored.split(' ').reverse().join(' ');
  return `${person.given[1] ?? person.given[0]} ${person.surname[person.surname.length - 1]}`;
}

async function bulkInsert(handle: DbHandle, alerts: { id: string; name: string }[], setup: { deskId: string; userId: string; organisationId: string }) {
  const db = handle.db;
  const ids = alerts.map((alert) => alert.id);
  const pgArray = (values: string[]) => `{${values.map((value) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
  await db.execute(sql`insert into wanted_alerts (id, reference, kind, issuing_desk_id, created_by, valid_from, valid_until, action_to_take, primary_name, classification, tlp, owner_organisation_id, owner_economy)
    select id, 'B-' || id::text, 'person_locate', ${setup.deskId}::uuid, ${setup.userId}::uuid, now() - interval '1 day', now() + interval '365 days', 'Inform the desk', name, 'RESTRICTED', 'GREEN', ${setup.organisationId}::uuid, 'RS'
    from unnest(${pgArray(ids)}::uuid[], ${pgArray(alerts.map((alert) => alert.name))}::text[]) as t(id, name)`);
  await db.execute(sql`insert into wanted_names (alert_id, name, folded)
    select id, name, folded from unnest(${pgArray(ids)}::uuid[], ${pgArray(alerts.map((alert) => alert.name))}::text[], ${pgArray(alerts.map((alert) => foldToAscii(alert.name)))}::text[]) as t(id, name, folded)`);
  const keyIds: string[] = [];
  const keys: string[] = [];
  for (const alert of alerts) for (const key of nameIndexKeys(alert.name)) { keyIds.push(alert.id); keys.push(key); }
  await db.execute(sql`insert into wanted_name_keys (alert_id, key) select * from unnest(${pgArray(keyIds)}::uuid[], ${pgArray(keys)}::text[])`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

async function screen(handle: DbHandle, name: string, now: Date): Promise<string[]> {
  const byKeys = await candidatesByKeys(handle.db, nameIndexKeys(name), now);
  const byTrigram = await candidatesByTrigram(handle.db, foldToAscii(name), now);
  const grouped = new Map<string, PersonCandidate>();
  for (const row of await loadScreeningRows(handle.db, [...new Set([...byKeys, ...byTrigram])])) {
    const candidate = grouped.get(row.id) ?? { alertId: row.id, names: [], dateOfBirth: null, nationality: null, documentMatches: false };
    candidate.names.push(row.name);
    grouped.set(row.id, candidate);
  }
  return scorePersonCandidates({ name }, [...grouped.values()]).filter((item) => item.decision !== 'no_match').map((item) => item.alertId);
}

async function trigramBaseline(handle: DbHandle, name: string): Promise<string[]> {
  const folded = foldToAscii(name);
  const result = await handle.db.execute(sql`select alert_id from wanted_names where folded % ${folded} order by similarity(folded, ${folded}) desc limit 50`);
  return rowsOf<{ alert_id: string }>(result).map((row) => row.alert_id);
}

async function measure(label: string, queries: { name: string; target: string }[], run: (name: string) => Promise<string[]>) {
  const times: number[] = [];
  let found = 0;
  const started = performance.now();
  for (const query of queries) {
    const t0 = performance.now();
    const ids = await run(query.name);
    times.push(performance.now() - t0);
    if (ids.includes(query.target)) found += 1;
  }
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { label, p50: percentile(times, 50), p95: percentile(times, 95), qps: queries.length / elapsed, recall: found / queries.length };
}

async function runOn(handle: DbHandle, kind: string, alerts: number) {
  await migrate(handle);
  const db = handle.db;
  const [organisation] = rowsOf<{ id: string }>(await db.execute(sql`insert into organisations (name, kind, economy_code) values ('Bench police', 'police', 'RS') returning id`));
  const [user] = rowsOf<{ id: string }>(await db.execute(sql`insert into users (email, display_name, organisation_id, roles, password_hash) values ('bench@example.test', 'Bench', ${organisation!.id}::uuid, '{contact_point}', 'x') returning id`));
  const [desk] = rowsOf<{ id: string }>(await db.execute(sql`insert into desks (economy_code, area, name) values ('RS', 'wanted_persons', 'Bench desk') returning id`));
  const setup = { deskId: desk!.id, userId: user!.id, organisationId: organisation!.id };
  const next = random(42);
  const givenGroups = GIVEN_NAME_GROUPS.map((group) => group.forms);
  const planted: { name: string; target: string }[] = [];
  const plantEvery = Math.max(1, Math.floor(alerts / QUERIES));
  const generationStarted = performance.now();
  for (let offset = 0; offset < alerts; offset += BATCH) {
    const batch: { id: string; name: string }[] = [];
    for (let i = offset; i < Math.min(alerts, offset + BATCH); i += 1) {
      const person = { given: givenGroups[Math.floor(next() * givenGroups.length)]!, surname: SURNAMES[Math.floor(next() * SURNAMES.length)]! };
      const name = writeName(person, next);
      const id = crypto.randomUUID();
      batch.push({ id, name });
      if (i % plantEvery === 0 && planted.length < QUERIES) planted.push({ name: variantOf(name, person, next), target: id });
    }
    await bulkInsert(handle, batch, setup);
  }
  await db.execute(sql`analyze`);
  const generation = (performance.now() - generationStarted) / 1000;
  const now = new Date();
  await screen(handle, planted[0]!.name, now); // warm-up
  const engine = await measure('engine (keys + bounded trigram + compareNames)', planted, (name) => screen(handle, name, now));
  const trigram = await measure('pg_trgm baseline (% , similarity, limit 50)', planted, (name) => trigramBaseline(handle, name));
  console.log(`\nWanted screening — ${alerts.toLocaleString('en')} person alerts on ${kind} (generated and indexed in ${generation.toFixed(0)} s), ${planted.length} planted variants`);
  for (const row of [engine, trigram]) {
    console.log(`  ${row.label.padEnd(48)} p50 ${row.p50.toFixed(1)} ms  p95 ${row.p95.toFixed(1)} ms  ${row.qps.toFixed(0)} q/s  recall ${row.recall.toFixed(3)}`);
  }
  console.log(`  ratios engine/trigram: p95 ×${(engine.p95 / trigram.p95).toFixed(2)}, q/s ×${(engine.qps / trigram.qps).toFixed(2)}, recall ${engine.recall.toFixed(3)} vs ${trigram.recall.toFixed(3)}`);
  return { engine, trigram, generationSeconds: generation };
}

/** Runs on a fresh in-memory PGlite, and on a fresh database of the server when serverUrl is given. */
export async function runWantedScreeningBench(options: { alerts: number; serverUrl?: string }) {
  const results: Record<string, Awaited<ReturnType<typeof runOn>>> = {};
  const lite = await createPgliteHandle();
  try {
    results.pglite = await runOn(lite, 'PGlite (in memory)', options.alerts);
  } finally {
    await lite.close();
  }
  if (options.serverUrl) {
    const name = `mosaic_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: options.serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(options.serverUrl);
    url.pathname = `/${name}`;
    const handle = await createPostgresHandle(url.toString());
    try {
      results.postgres = await runOn(handle, 'PostgreSQL server', options.alerts);
    } finally {
      await handle.close();
      const dropper = new pg.Client({ connectionString: options.serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    }
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { alerts: { type: 'string' }, server: { type: 'string' } } });
  await runWantedScreeningBench({ alerts: Number(values.alerts ?? 1_000_000), serverUrl: values.server ?? process.env.BENCH_DATABASE_URL });
}
