/**
 * Case correlation at scale: N entities (phones) in N/10 cases of 13 economies, where most
 * values are unique, some are shared by 2–4 organisations and a few are held by hundreds of
 * cases (flagged by the cap). Correlations are built the module's way (entity to entity, cap
 * applied). Times adding and correlating one entity (rolled back) beside the bare key lookup
 * without the policy filter, the service's whole add (link and notices to the holding desks the
 * adder may not read too), and the correlations panel of a case with the policy, each also
 * beside the path before decision 0038 (`cases-before.ts`); and
 * the size of the correlation table against the entities; and the risk dashboard (counts and
 * routes) over all the cases with the policy, beside the same queries without it.
 *   npx tsx bench/cases.ts [--entities 100000] [--server postgres://…]
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { UserActor } from '../src/server/access/actor';
import { type DbHandle, createPgliteHandle, createPostgresHandle } from '../src/server/db/client';
import { migrate, rowsOf } from '../src/server/db/migrate';
import type { Db } from '../src/server/db/client';
import { correlateEntity } from '../src/server/modules/cases/correlation';
import { insertEntity } from '../src/server/modules/cases/correlation.queries';
import { noticeHoldingDesks } from '../src/server/modules/cases/entities.service';
import { insertLink } from '../src/server/modules/cases/entities.queries';
import { describeCorrelations } from '../src/server/modules/cases/hits.service';
import { visibleCases } from '../src/server/modules/cases/cases.queries';
import type { EntityRow } from '../src/server/modules/cases/cases.schema';
import { dashboardFigures, refreshCaseRoutes } from '../src/server/modules/cases/dashboard.queries';
import { addAndCorrelateBefore, dashboardCountsBefore, dashboardRoutesBefore, visibleCasesBefore } from './cases-before';
import { withCpuProfile } from './support/cpu-profile';
import { type FigureRow, percentile, printFigures } from './support/report';
import { createScratchDatabase, keptDatabase } from './support/server-database';

export interface CasesBenchOptions {
  entities?: number;
  pgliteEntities?: number;
  serverUrl?: string;
  repetitions?: number;
  /** Build the server data once in this database and reuse it on later runs (it is not dropped). */
  keepDatabase?: string;
  skipPglite?: boolean;
  /** Writes V8 CPU profiles of the measured parts to `<profile>-add-<db>.cpuprofile` and `…-dashboard-…`. */
  profile?: string;
}

const ECONOMIES = ['AL', 'BA', 'BG', 'HR', 'GR', 'XK', 'MD', 'ME', 'MK', 'RO', 'RS', 'SI', 'TR'];
const CAP = 100;

/** A phone value: unique for most, shared by a few organisations for every 50th, a hot value for every 200th. */
const valueSql = (i: string) => `'phone:+3816' || case when ${i} % 200 = 0 then '00000' || (${i} % 3) when ${i} % 50 = 0 then '1' || (${i} / 150) else '2' || ${i} end`;

async function populate(handle: DbHandle, entities: number): Promise<UserActor> {
  const [built] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from case_entities`));
  if (built!.n > 0) {
    if (built!.n !== entities) throw new Error(`the kept database holds ${built!.n} entities, not ${entities}`);
    return benchActor(handle);
  }
  const cases = Math.max(1, Math.floor(entities / 10));
  await handle.execScript(`
    insert into organisations (name, kind, economy_code) select 'Police of ' || code, 'police', code from economies where code in (${ECONOMIES.map((c) => `'${c}'`).join(',')});
    insert into desks (economy_code, area, name) select code, 'police_cooperation', code || ' police cooperation' from economies where code in (${ECONOMIES.map((c) => `'${c}'`).join(',')});
    insert into users (email, display_name, organisation_id, roles, clearance, password_hash)
      select 'an.' || lower(o.economy_code) || '@bench.test', 'Analyst ' || o.economy_code, o.id, '{analyst}', 'CONFIDENTIAL', 'x' from organisations o;
    insert into desk_members (desk_id, user_id) select d.id, u.id from desks d join organisations o on o.economy_code = d.economy_code join users u on u.organisation_id = o.id;
    create temporary table bench_orgs as select row_number() over (order by o.economy_code) - 1 as n, o.id as organisation_id, o.economy_code as economy, d.id as desk_id, u.id as user_id
      from organisations o join desks d on d.economy_code = o.economy_code join users u on u.organisation_id = o.id;
    insert into case_records (id, reference, title, crime_area, status, opened_on, owner_desk_id, created_by, classification, tlp, releasable_economies, owner_organisation_id, owner_economy)
      select gen_random_uuid(), 'C-B-' || g.i, 'Case ' || g.i, (array['drugs','trafficking_in_human_beings','migrant_smuggling','firearms','stolen_vehicles','money_laundering','cybercrime','terrorism','corruption','excise_fraud','environmental_crime'])[1 + g.i % 11], 'open', date '2026-01-01' + (g.i % 300), b.desk_id, b.user_id, 'RESTRICTED', 'AMBER', array[b.economy], b.organisation_id, b.economy
      from generate_series(1, ${cases}) g(i) join bench_orgs b on b.n = g.i % 13;
    create temporary table bench_cases as select row_number() over (order by reference) as n, id, owner_organisation_id, owner_economy from case_records;
    insert into case_entities (id, owner_organisation_id, kind, label, attributes, identity_key)
      select gen_random_uuid(), c.owner_organisation_id, 'phone', ${valueSql('g.i')}, '{}', ${valueSql('g.i')} || '#' || g.i
      from generate_series(1, ${entities}) g(i) join bench_cases c on c.n = 1 + g.i % ${cases};
    insert into case_entity_keys (entity_id, key) select id, label from case_entities;
    insert into case_links (case_id, entity_id, added_by, classification, tlp, releasable_economies, owner_organisation_id, owner_economy)
      select c.id, e.id, b.user_id, 'RESTRICTED', 'AMBER', array[c.owner_economy], c.owner_organisation_id, c.owner_economy
      from case_entities e join bench_cases c on c.n = 1 + (substring(e.identity_key from '#(\\d+)$')::int) % ${cases} join bench_orgs b on b.organisation_id = c.owner_organisation_id;
    insert into case_events (case_id, occurred_on, place, economy, description, created_by)
      select c.id, date '2026-01-01' + s.k, 'Stop ' || s.k, (array[${ECONOMIES.map((c) => `'${c}'`).join(',')}])[1 + (c.n + s.k * (1 + c.n % 5)) % 13], 'Border crossing', b.user_id
      from bench_cases c join bench_orgs b on b.organisation_id = c.owner_organisation_id cross join generate_series(0, 2) s(k) where c.n % 3 = 0;
    insert into case_team_members (case_id, organisation_id, role, starts_on, added_by)
      select c.id, b.organisation_id, 'member', date '2026-01-01', b.user_id from bench_cases c join bench_orgs b on b.economy = 'RS' where c.n % 20 = 0 and c.owner_economy <> 'RS';
    update case_records set releasable_economies = array[owner_economy, 'RS'] where id in (select case_id from case_team_members);
    insert into case_flagged_values (key, case_count) select k.key, count(distinct l.case_id) from case_entity_keys k join case_links l on l.entity_id = k.entity_id group by k.key having count(distinct l.case_id) > ${CAP};
    insert into case_correlations (entity_a, entity_b, basis)
      select a.entity_id, b.entity_id, a.key from case_entity_keys a join case_entity_keys b on a.key = b.key and a.entity_id < b.entity_id
      where not exists (select 1 from case_flagged_values f where f.key = a.key);
  `);
  // The routes are kept on the case with each event; the generated events are written in bulk.
  await refreshCaseRoutes(handle.db);
  return benchActor(handle);
}

async function benchActor(handle: DbHandle): Promise<UserActor> {
  const [row] = rowsOf<{ user_id: string; organisation_id: string; desk_id: string }>(
    await handle.db.execute(sql`select u.id as user_id, o.id as organisation_id, d.id as desk_id from users u join organisations o on o.id = u.organisation_id join desks d on d.economy_code = o.economy_code where u.email = 'an.rs@bench.test'`),
  );
  return { kind: 'user', userId: row!.user_id, email: 'an.rs@bench.test', displayName: 'RS', organisationId: row!.organisation_id, organisationName: 'Police of RS', economy: 'RS', roles: ['analyst'], clearance: 'RESTRICTED', deskIds: [row!.desk_id], sharingGroupIds: [] };
}

/** Times each work `repetitions` times, round-robin (one of each per round), so a change in the machine's load falls on all alike. */
async function timeEach(repetitions: number, works: ((i: number) => Promise<unknown>)[]): Promise<number[][]> {
  for (const work of works) await work(-1);
  const samples = works.map(() => [] as number[]);
  for (let i = 0; i < repetitions; i += 1) {
    for (const [n, work] of works.entries()) {
      const start = performance.now();
      await work(i);
      samples[n]!.push(performance.now() - start);
    }
  }
  return samples;
}

/** How many statements the work sends to the server (node-postgres client queries, BEGIN and ROLLBACK included). */
async function countStatements(work: () => Promise<unknown>): Promise<number> {
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  let count = 0;
  prototype.query = function counted(this: unknown, ...args: unknown[]) {
    count += 1;
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    prototype.query = original;
  }
  return count;
}

class Rollback extends Error {}

const rolledBack = (db: DbHandle['db'], work: (tx: DbHandle['db']) => Promise<unknown>) => () =>
  db
    .transaction(async (tx) => {
      await work(tx);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });

async function measure(label: string, handle: DbHandle, entities: number, repetitions: number, profile?: string): Promise<FigureRow[]> {
  const actor = await populate(handle, entities);
  // As autovacuum would leave it: index-only scans need the visibility map.
  await handle.execScript('vacuum analyze');
  const { db } = handle;
  const [sample] = rowsOf<{ case_id: string; entity_id: string; key: string }>(
    await db.execute(sql`select l.case_id, l.entity_id, e.label as key from case_links l join case_entities e on e.id = l.entity_id where l.owner_organisation_id = ${actor.organisationId}::uuid and e.label like 'phone:+38161%' limit 1`),
  );
  // A value shared with other organisations: the add finds its correlations.
  const key = sample!.key;
  const now = new Date();
  const today = '2026-06-01';
  const entity = { ownerOrganisationId: actor.organisationId, kind: 'phone' as const, label: key, attributes: {}, identityKey: `${key}#bench`, dateOfBirth: null, createdAt: now, updatedAt: now };
  // As the service adds it: linked to the case, and the desks of the holding cases the adder may not read noticed.
  const linkAndNotice = async (tx: Db, added: EntityRow, others: string[]) => {
    await insertLink(tx, { caseId: sample!.case_id, entityId: added.id, addedBy: actor.userId, classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['RS'], ownerOrganisationId: actor.organisationId, ownerEconomy: 'RS', createdAt: now });
    await noticeHoldingDesks(tx, actor, added, others, today);
  };
  const correlateOnAdd = rolledBack(db, async (tx) => correlateEntity(tx, await insertEntity(tx, entity, [key]), [key], CAP, now));
  const correlateBefore = rolledBack(db, (tx) => addAndCorrelateBefore(tx, entity, [key], CAP, now));
  const wholeAdd = rolledBack(db, async (tx) => {
    const added = await insertEntity(tx, entity, [key]);
    await linkAndNotice(tx, added, (await correlateEntity(tx, added, [key], CAP, now)).map((found) => found.otherEntityId));
  });
  const wholeAddBefore = rolledBack(db, async (tx) => {
    const { added, others } = await addAndCorrelateBefore(tx, entity, [key], CAP, now);
    await linkAndNotice(tx, added, others);
  });
  const bareLookup = () => db.execute(sql`select entity_id from case_entity_keys where key = ${key} limit ${CAP * 10}`);
  const panel = () => describeCorrelations(db, actor, [sample!.entity_id], sample!.case_id, '2026-06-01');
  const barePanel = () =>
    db.execute(sql`select l.* from case_correlations c join case_links l on l.entity_id = case when c.entity_a = ${sample!.entity_id}::uuid then c.entity_b else c.entity_a end
      where c.entity_a = ${sample!.entity_id}::uuid or c.entity_b = ${sample!.entity_id}::uuid`);
  const period = { from: '2026-01-01', to: '2026-12-31', previousFrom: '2025-01-01' };
  const reader = { organisationId: actor.organisationId };
  const dashboard = () => dashboardFigures(db, visibleCases(actor, today), period, reader);
  const dashboardBefore = () => Promise.all([dashboardCountsBefore(db, visibleCasesBefore(actor, today), period), dashboardRoutesBefore(db, visibleCasesBefore(actor, today), period)]);
  const bareDashboard = () => Promise.all([dashboardCountsBefore(db, sql`true`, period), dashboardRoutesBefore(db, sql`true`, period)]);
  const [add, addBefore, lookup] = await withCpuProfile(profile ? `${profile}-add-${handle.kind}.cpuprofile` : undefined, () => timeEach(repetitions, [correlateOnAdd, correlateBefore, bareLookup]));
  const [whole, wholeBefore] = await timeEach(repetitions, [wholeAdd, wholeAddBefore]);
  const [shown, shownBase] = await timeEach(repetitions, [panel, barePanel]);
  const [board, boardBefore, boardBase] = await withCpuProfile(profile ? `${profile}-dashboard-${handle.kind}.cpuprofile` : undefined, () => timeEach(repetitions, [dashboard, dashboardBefore, bareDashboard]));
  if (handle.kind === 'postgres') {
    const [added, addedBefore, wholeCount, wholeBeforeCount, board$, boardBefore$] = [await countStatements(correlateOnAdd), await countStatements(correlateBefore), await countStatements(wholeAdd), await countStatements(wholeAddBefore), await countStatements(dashboard), await countStatements(dashboardBefore)];
    console.log(`   ${label} statements: add + correlate ${added} (before ${addedBefore}), with link and notices ${wholeCount} (before ${wholeBeforeCount}), dashboard ${board$} (before ${boardBefore$})`);
  }
  const [cases] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from case_records`));
  const [size] = rowsOf<{ correlations: number; entities: number; flagged: number }>(
    await db.execute(sql`select (select count(*) from case_correlations)::int as correlations, (select count(*) from case_entities)::int as entities, (select count(*) from case_flagged_values)::int as flagged`),
  );
  const row = (figure: string, values: number[] = [], base: number[] = [], p: number, baselineLabel: string, aim?: string): FigureRow => ({
    figure: `${label} ${figure} p${p}`,
    value: percentile(values, p),
    unit: 'ms',
    baseline: percentile(base, p),
    baselineLabel,
    higherIsBetter: false,
    aim,
  });
  const server = label.startsWith('server');
  const board$ = `dashboard + routes over ${cases!.n.toLocaleString('en-US')} cases (policy)`;
  return [
    row('add + correlate one entity', add, lookup, 50, 'bare key lookup, no policy'),
    row('add + correlate one entity', add, lookup, 95, 'bare key lookup, no policy', server ? 'under 50 ms' : undefined),
    row('add + correlate one entity', add, addBefore, 50, 'the add path before 0038'),
    row('add + correlate one entity', add, addBefore, 95, 'the add path before 0038'),
    row('add + correlate + link + notices (the service\'s add)', whole, wholeBefore, 50, 'the same before 0038'),
    row('add + correlate + link + notices (the service\'s add)', whole, wholeBefore, 95, 'the same before 0038'),
    row('correlations panel (policy)', shown, shownBase, 50, 'same rows without the policy'),
    row('correlations panel (policy)', shown, shownBase, 95, 'same rows without the policy'),
    row(board$, board, boardBefore, 50, 'the queries before 0038 (policy)'),
    row(board$, board, boardBefore, 95, 'the queries before 0038 (policy)', server ? 'under 200 ms' : undefined),
    row(board$, board, boardBase, 50, 'before 0038, all cases, no policy'),
    row(board$, board, boardBase, 95, 'before 0038, all cases, no policy'),
    {
      figure: `${label} correlation rows per 100 entities (${size!.flagged} values flagged)`,
      value: (100 * size!.correlations) / size!.entities,
      unit: 'rows',
      baseline: 1000,
      baselineLabel: 'aim: 10 a entity (MISP: 60–115)',
      higherIsBetter: false,
    },
  ];
}

export async function runCasesBench(options: CasesBenchOptions = {}) {
  const entities = options.entities ?? 100_000;
  const repetitions = options.repetitions ?? 30;
  options = { ...options, keepDatabase: options.keepDatabase ?? process.env.BENCH_KEEP_DATABASE };
  const rows: FigureRow[] = [];
  if (!options.skipPglite) {
    const pglite = await createPgliteHandle();
    try {
      await migrate(pglite);
      const count = options.pgliteEntities ?? entities;
      rows.push(...(await measure(`PGlite (${count.toLocaleString('en-US')})`, pglite, count, repetitions, options.profile)));
    } finally {
      await pglite.close();
    }
  }
  if (options.serverUrl) {
    const database = options.keepDatabase ? await keptDatabase(options.serverUrl, options.keepDatabase) : await createScratchDatabase(options.serverUrl, 'mosaic_bench_cases');
    if (options.keepDatabase) console.log(`   server data kept in database ${options.keepDatabase}`);
    const handle = await createPostgresHandle(database.url);
    try {
      await migrate(handle);
      rows.push(...(await measure(`server (${entities.toLocaleString('en-US')})`, handle, entities, repetitions, options.profile)));
    } finally {
      await handle.close();
      await database.drop();
    }
  }
  printFigures('cases correlation (entities in brackets, in a tenth as many cases), 13 economies', rows);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { entities: { type: 'string' }, 'pglite-entities': { type: 'string' }, server: { type: 'string' }, 'keep-database': { type: 'string' }, 'skip-pglite': { type: 'boolean' }, repetitions: { type: 'string' }, profile: { type: 'string' } },
  });
  await runCasesBench({
    entities: values.entities ? Number(values.entities) : undefined,
    pgliteEntities: values['pglite-entities'] ? Number(values['pglite-entities']) : undefined,
    serverUrl: values.server,
    keepDatabase: values['keep-database'],
    skipPglite: values['skip-pglite'],
    repetitions: values.repetitions ? Number(values.repetitions) : undefined,
    profile: values.profile,
  });
}
