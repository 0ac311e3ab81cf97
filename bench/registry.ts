/**
 * The registry's overlap check at scale: N activities across the region (mixed topics, target
 * groups, periods, public and marked) in a fresh database (PGlite, and a fresh PostgreSQL database
 * when a server URL is given). A donor's draft is checked as the editor asks while typing (the
 * module's own `scoredOverlaps`, with the reader's scope), beside the shortlist query as it was
 * before migration 0501 (economy index only, then every row of the economy read and filtered, full
 * rows returned), with the same scope and no scoring. Then the overlap quality on the labelled pairs, beside a
 * plain title-similarity baseline.
 *   npx tsx bench/registry.ts [--activities 50000] [--server postgres://…]
 */
import { parseArgs } from 'node:util';
import { and, desc, sql } from 'drizzle-orm';
import type { UserActor } from '../src/server/access/actor';
import { type DbHandle, createPgliteHandle, createPostgresHandle } from '../src/server/db/client';
import { migrate, rowsOf } from '../src/server/db/migrate';
import { LABELLED_PAIRS, featuresOfSide, quality } from '../src/server/modules/registry/overlap.pairs';
import { OVERLAP_THRESHOLD, type OverlapFeatures, scoreOverlap } from '../src/server/modules/registry/overlap.scoring';
import { overlapWords, titleSimilarity } from '../src/server/modules/registry/overlap.words';
import { textArray, visibleActivities } from '../src/server/modules/registry/registry.queries';
import { registryActivities as activities } from '../src/server/modules/registry/registry.schema';
import { scoredOverlaps } from '../src/server/modules/registry/registry.service';
import { type FigureRow, percentile, printFigures } from './support/report';
import { createScratchDatabase } from './support/server-database';

export interface RegistryBenchOptions {
  activities?: number;
  serverUrl?: string;
  repetitions?: number;
}

const ECONOMIES = ['AL', 'BA', 'XK', 'ME', 'MK', 'RS', 'MD', 'HR', 'BG', 'RO', 'SI', 'GR', 'TR'];
const TOPICS = ['small-arms', 'organised-crime', 'border-security', 'corruption', 'cyber-security', 'drugs', 'violent-extremism', 'gender-based-violence', 'trafficking-smuggling', 'security-sector-reform'];
const GROUPS = ['police_officers', 'prosecutors', 'border_guards', 'youth', 'returnees', 'victims', 'customs_officers', 'policy_makers'];
const WORDS = overlapWords(['police training firearms border customs prosecutor corruption cyber drugs youth returnees victims women investigation equipment strategy community prison migration']).concat(Array.from({ length: 300 }, (_, i) => `w${i}`));

const pgArray = (values: string[]) => `array[${values.map((value) => `'${value}'`).join(',')}]`;

export async function populate(handle: DbHandle, activities: number): Promise<UserActor> {
  await handle.execScript(`
    insert into organisations (name, kind, economy_code) values ('Bench donor', 'donor', 'INT'), ('Bench agency', 'police', 'ME');
    insert into users (email, display_name, organisation_id, roles, clearance, password_hash)
      select 'donor@bench.test', 'Bench donor', id, '{donor}', 'RESTRICTED', 'x' from organisations where name = 'Bench donor';
  `);
  await handle.execScript(`
    insert into registry_activities (identifier, owner_organisation_id, owner_economy, author_id, is_public, classification, tlp, releasable_economies, status, planned_start, planned_end,
        recipient_economies, topics, target_groups, implementers, funders, title, reporting_org, words, search_folded, budget_eur, body)
      select 'XI-BENCH-' || g.i, o.id, 'ME', u.id, g.i % 4 <> 0, case when g.i % 4 = 0 then 'RESTRICTED' else 'PUBLIC' end, case when g.i % 4 = 0 then 'AMBER' else 'CLEAR' end,
        case when g.i % 4 = 0 then array[e.code] else '{}'::text[] end, 'implementation',
        make_date(2015 + g.i % 12, 1 + g.i % 12, 1), make_date(2016 + g.i % 12 + g.i % 3, 1 + g.i % 12, 28),
        array[e.code], array[(${pgArray(TOPICS)})[1 + g.i % ${TOPICS.length}], (${pgArray(TOPICS)})[1 + (g.i / 7) % ${TOPICS.length}]],
        array[(${pgArray(GROUPS)})[1 + g.i % ${GROUPS.length}]], array['implementer ' || (g.i % 40)], array['Donor ' || (g.i % 15)],
        'Activity ' || g.i, 'Donor ' || (g.i % 15),
        array[(${pgArray(WORDS)})[1 + g.i % ${WORDS.length}], (${pgArray(WORDS)})[1 + (g.i / 3) % ${WORDS.length}], (${pgArray(WORDS)})[1 + (g.i / 11) % ${WORDS.length}], (${pgArray(WORDS)})[1 + (g.i / 29) % ${WORDS.length}]],
        'activity ' || g.i, 100000 + g.i % 900000,
        jsonb_build_object('recipientEconomies', jsonb_build_array(jsonb_build_object('code', e.code, 'percentage', 100)), 'participatingOrgs', '[]'::jsonb)
      from generate_series(1, ${activities}) g(i)
      join (select code, row_number() over (order by code) - 1 as n from unnest(${pgArray(ECONOMIES)}) code) e on e.n = g.i % ${ECONOMIES.length}
      cross join (select id from organisations where name = 'Bench agency') o
      cross join (select id from users where email = 'donor@bench.test') u;
    analyze registry_activities;
  `);
  const [row] = rowsOf<{ user_id: string; organisation_id: string }>(await handle.db.execute(sql`select u.id as user_id, u.organisation_id from users u where email = 'donor@bench.test'`));
  return { kind: 'user', userId: row!.user_id, email: 'donor@bench.test', displayName: 'Bench donor', organisationId: row!.organisation_id, organisationName: 'Bench donor', economy: 'ME', roles: ['donor'], clearance: 'RESTRICTED', deskIds: [], sharingGroupIds: [] };
}

export function drafts(): OverlapFeatures[] {
  return Array.from({ length: 20 }, (_, i) => ({
    economies: [{ code: ECONOMIES[i % 6]!, percentage: 100 }],
    start: `${2019 + (i % 6)}-01-01`,
    end: `${2021 + (i % 6)}-12-31`,
    topics: [TOPICS[i % TOPICS.length]!],
    targetGroups: [GROUPS[i % GROUPS.length]!],
    sectors: [],
    implementers: [`implementer ${i % 40}`],
    words: overlapWords(['Police training on firearms investigations', `w${i}`]),
  }));
}

/** The shortlist before 0501: the economy's GIN index alone, the other conditions tested on each heap row, whole rows returned. */
async function previousShortlist(handle: DbHandle, draft: OverlapFeatures, scope: ReturnType<typeof visibleActivities>) {
  const shares = [
    sql`${activities.topics} && ${textArray(draft.topics)}`,
    sql`${activities.targetGroups} && ${textArray(draft.targetGroups)}`,
    sql`${activities.implementers} && ${textArray(draft.implementers)}`,
    sql`${activities.words} && ${textArray(draft.words)}`,
  ];
  const rough = sql.join(shares.map((share) => sql`(case when ${share} then 1 else 0 end)`), sql` + `);
  return handle.db
    .select({ row: activities, ownerName: sql<string>`(select o.name from organisations o where o.id = ${activities.ownerOrganisationId})` })
    .from(activities)
    .where(and(sql`${activities.recipientEconomies} && ${textArray(draft.economies.map((economy) => economy.code))}`, sql`(${sql.join(shares, sql` or `)})`, scope, sql`${activities.plannedStart} <= ${draft.end}::date and ${activities.plannedEnd} >= ${draft.start}::date`))
    .orderBy(sql`${rough} desc`, desc(activities.updatedAt))
    .limit(300);
}

async function measure(label: string, handle: DbHandle, activities: number, repetitions: number): Promise<FigureRow[]> {
  const actor = await populate(handle, activities);
  const list = drafts();
  const check: number[] = [];
  const base: number[] = [];
  for (let round = 0; round <= repetitions; round += 1) {
    for (const draft of list) {
      let start = performance.now();
      await scoredOverlaps(handle.db, draft, visibleActivities(actor), null);
      if (round > 0) check.push(performance.now() - start);
      start = performance.now();
      await previousShortlist(handle, draft, visibleActivities(actor));
      if (round > 0) base.push(performance.now() - start);
    }
  }
  const row = (p: number, aim?: string): FigureRow => ({ figure: `${label} overlap check p${p}`, value: percentile(check, p), unit: 'ms', baseline: percentile(base, p), baselineLabel: 'shortlist query before 0501 (economy index, full rows), no scoring', higherIsBetter: false, aim });
  return [row(50), row(95, label.startsWith('server') ? 'under 100 ms' : undefined)];
}

function qualityRows(): FigureRow[] {
  const ours = quality((pair) => scoreOverlap(featuresOfSide(pair.a), featuresOfSide(pair.b)).score >= OVERLAP_THRESHOLD);
  const baseline = quality((pair) => titleSimilarity(pair.a.title, pair.b.title) >= 0.5);
  const row = (figure: string, value: number, base: number): FigureRow => ({ figure, value: value * 100, unit: '%', baseline: base * 100, baselineLabel: 'title trigram similarity ≥ 0.5', higherIsBetter: true });
  return [row(`precision at ${OVERLAP_THRESHOLD} (${LABELLED_PAIRS.length} pairs)`, ours.precision, baseline.precision), row(`recall at ${OVERLAP_THRESHOLD}`, ours.recall, baseline.recall)];
}

export async function runRegistryBench(options: RegistryBenchOptions = {}) {
  const activities = options.activities ?? 50_000;
  const repetitions = options.repetitions ?? 5;
  const rows: FigureRow[] = [];
  const pglite = await createPgliteHandle();
  try {
    await migrate(pglite);
    rows.push(...(await measure(`PGlite (${activities.toLocaleString('en-US')})`, pglite, activities, repetitions)));
  } finally {
    await pglite.close();
  }
  if (options.serverUrl) {
    const scratch = await createScratchDatabase(options.serverUrl, 'mosaic_bench_registry');
    const handle = await createPostgresHandle(scratch.url);
    try {
      await migrate(handle);
      rows.push(...(await measure(`server (${activities.toLocaleString('en-US')})`, handle, activities, repetitions)));
    } finally {
      await handle.close();
      await scratch.drop();
    }
  }
  rows.push(...qualityRows());
  printFigures('registry overlap check (activities in brackets) and overlap quality on labelled pairs', rows);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { activities: { type: 'string' }, server: { type: 'string' } } });
  await runRegistryBench({ activities: values.activities ? Number(values.activities) : undefined, serverUrl: values.server });
}
