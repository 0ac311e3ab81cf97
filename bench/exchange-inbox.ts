/**
 * The exchange inbox at scale: N items between the 13 economies' desks (mixed markings and
 * releases) in a fresh database (PGlite, and a fresh PostgreSQL database when a server URL is
 * given). For one desk's user (who has read two thirds of the desk's inbox) it times the inbox page,
 * the full-text search, the facets and the counters through the module's own queries, beside the same
 * queries without the policy filter, and the page query as it was before migration 0350 (with and
 * without the policy) in the same run.
 *   npx tsx bench/exchange-inbox.ts [--items 100000] [--server postgres://…]
 * BENCH_EXCHANGE_DATABASE=<name> keeps the server database between runs (built once, migrated each run).
 */
import { parseArgs } from 'node:util';
import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { UserActor } from '../src/server/access/actor';
import { type DbHandle, createPgliteHandle, createPostgresHandle } from '../src/server/db/client';
import { migrate, rowsOf } from '../src/server/db/migrate';
import { addressedTo, awaitingMyApproval, dueSoonWindowSql, longestDueSoonWindowMs, visibleItems } from '../src/server/modules/exchange/exchange.queries';
import { exchangeItems } from '../src/server/modules/exchange/exchange.schema';
import { countInboxFlags } from '../src/server/modules/exchange/inbox.counters';
import { countFacets, listInbox } from '../src/server/modules/exchange/inbox.queries';
import { exchangeInboxEntries } from '../src/server/modules/exchange/inbox.schema';
import { type FigureRow, percentile, printFigures } from './support/report';
import { createScratchDatabase, keptDatabase } from './support/server-database';

export interface ExchangeInboxBenchOptions {
  items?: number;
  /** Fewer items on the embedded database, which is not meant for a million (default: items). */
  pgliteItems?: number;
  serverUrl?: string;
  repetitions?: number;
}

const ECONOMIES = ['AL', 'BA', 'BG', 'HR', 'GR', 'XK', 'MD', 'ME', 'MK', 'RO', 'RS', 'SI', 'TR'];

/** Desks, organisations and one contact point per economy; then the items, generated in SQL. */
async function populate(handle: DbHandle, items: number): Promise<UserActor> {
  await handle.execScript(`
    insert into organisations (name, kind, economy_code) select 'Police of ' || code, 'police', code from economies where code in (${ECONOMIES.map((c) => `'${c}'`).join(',')});
    insert into desks (economy_code, area, name) select code, 'police_cooperation', code || ' police cooperation' from economies where code in (${ECONOMIES.map((c) => `'${c}'`).join(',')});
    insert into users (email, display_name, organisation_id, roles, clearance, password_hash)
      select 'cp.' || lower(o.economy_code) || '@bench.test', 'Contact point ' || o.economy_code, o.id, '{contact_point}', 'CONFIDENTIAL', 'x' from organisations o;
    insert into desk_members (desk_id, user_id) select d.id, u.id from desks d join organisations o on o.economy_code = d.economy_code join users u on u.organisation_id = o.id;
  `);
  await handle.execScript(`
    create temporary table bench_desks as select row_number() over (order by d.economy_code) - 1 as n, d.id as desk_id, d.economy_code as economy, o.id as organisation_id, u.id as user_id
      from desks d join organisations o on o.economy_code = d.economy_code join users u on u.organisation_id = o.id;
    insert into exchange_items (id, reference, thread_id, relation, kind, sender_desk_id, author_id, subject, body_html, search_folded, urgency, handling_code, evaluation_source, evaluation_accuracy,
        classification, tlp, releasable_economies, releasable_organisations, owner_organisation_id, owner_economy, release, sent_at, state, due_at, created_at)
      select g.id, 'EX-B-' || g.i, g.id, 'new', case when g.i % 3 = 0 then 'information' else 'information_request' end, s.desk_id, s.user_id,
        'Subject ' || g.i, '<p>Body</p>', 'subject ' || g.i || ' ' || (array['cocaine','firearms','convoy','djordjevic','border','vehicle'])[1 + g.i % 6] || ' word' || (g.i % 997),
        case when g.i % 5 = 0 then 'urgent' else 'normal' end, 'H0', 'B', 2,
        case when g.i % 7 = 0 then 'CONFIDENTIAL' else 'RESTRICTED' end,
        (array['GREEN','AMBER','AMBER','AMBER+STRICT','RED'])[1 + g.i % 5],
        array[s.economy, r.economy], case when g.i % 5 in (3, 4) then array[s.organisation_id, r.organisation_id] else '{}'::uuid[] end,
        s.organisation_id, s.economy, case when g.i % 11 = 0 then 'awaiting_approval' else 'released' end, now() - (g.i || ' minutes')::interval,
        case when g.i % 3 = 0 then null else (array['sent','received','accepted','answered'])[1 + g.i % 4] end,
        case when g.i % 3 = 0 then null else now() + ((g.i % 200) - 20 || ' hours')::interval end, now() - (g.i || ' minutes')::interval
      from (select gen_random_uuid() as id, i from generate_series(1, ${items}) i) g
      join bench_desks s on s.n = g.i % 13
      join bench_desks r on r.n = (g.i * 7 + 3) % 13;
    insert into exchange_recipients (item_id, desk_id) select i.id, r.desk_id from exchange_items i
      join bench_desks r on r.n = ((substring(i.reference from 6)::int) * 7 + 3) % 13 where r.desk_id <> i.sender_desk_id;
    analyze;
  `);
  return benchActor(handle);
}

/** The RS contact point whose inbox is measured (also on a kept database, populated earlier). */
async function benchActor(handle: DbHandle): Promise<UserActor> {
  const [row] = rowsOf<{ user_id: string; organisation_id: string; desk_id: string }>(
    await handle.db.execute(sql`select u.id as user_id, u.organisation_id, m.desk_id from users u join desk_members m on m.user_id = u.id where u.email = 'cp.rs@bench.test'`),
  );
  return { kind: 'user', userId: row!.user_id, email: 'cp.rs@bench.test', displayName: 'RS', organisationId: row!.organisation_id, organisationName: 'Police of RS', economy: 'RS', roles: ['contact_point'], clearance: 'RESTRICTED', deskIds: [row!.desk_id], sharingGroupIds: [] };
}

/** A few untimed calls first, so neither side of a ratio is timed while Node still compiles its code path. */
async function time(repetitions: number, work: () => Promise<unknown>): Promise<number[]> {
  return (await timePair(repetitions, work, async () => undefined))[0];
}

/**
 * A figure and its baseline timed in turns (after a few untimed calls of each), so a change of the
 * machine's load between two blocks of samples cannot move their ratio.
 */
async function timePair(repetitions: number, work: () => Promise<unknown>, baseline: () => Promise<unknown>): Promise<[number[], number[]]> {
  for (let i = 0; i < 5; i += 1) {
    await work();
    await baseline();
  }
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < repetitions; i += 1) {
    for (const [index, run] of [work, baseline].entries()) {
      const start = performance.now();
      await run();
      samples[index]!.push(performance.now() - start);
    }
  }
  return samples;
}

/** The measured user has read two thirds of the desk's inbox (once; a kept database keeps them). */
async function readSome(handle: DbHandle, actor: UserActor): Promise<void> {
  await handle.db.execute(sql`insert into exchange_reads (item_id, user_id, desk_id, first_read_at, last_read_at)
    select e.item_id, ${actor.userId}::uuid, e.desk_id, now(), now() from exchange_inbox_entries e
    where e.desk_id = ${actor.deskIds[0]!}::uuid and extract(minute from e.delivered_at)::int % 3 <> 0
      and not exists (select 1 from exchange_reads r where r.user_id = ${actor.userId}::uuid)`);
}

/** Populates the database unless it already holds the bench's items (a kept database). */
export async function prepareExchangeBench(handle: DbHandle, items: number): Promise<UserActor> {
  await migrate(handle);
  const [existing] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from exchange_items where reference like 'EX-B-%'`));
  if (existing && existing.n > 0 && existing.n !== items) throw new Error(`the kept database holds ${existing.n} bench items, not ${items}: drop it first`);
  const actor = existing?.n === items ? await benchActor(handle) : await populate(handle, items);
  await readSome(handle, actor);
  return actor;
}

/** The four counters without the policy: the same counter rows and bounded sets, every marking admitted. */
async function countersUnfiltered(handle: DbHandle, actor: UserActor, now: Date): Promise<void> {
  const desk = sql`${actor.deskIds[0]!}::uuid`;
  const at = sql`${now.toISOString()}::timestamptz`;
  const horizon = sql`${new Date(now.getTime() + longestDueSoonWindowMs).toISOString()}::timestamptz`;
  await Promise.all([
    handle.db.execute(sql`select coalesce((select sum(items) from exchange_inbox_counts where desk_id = ${desk}), 0)
      - coalesce((select sum(items) from exchange_inbox_read_counts where desk_id = ${desk} and user_id = ${actor.userId}::uuid), 0)`),
    handle.db.execute(sql`select count(*) filter (where due_at >= ${at} and extract(epoch from (due_at - ${at})) * 1000 <= ${dueSoonWindowSql(sql`urgency`, sql`accessibility`)}),
      count(*) filter (where due_at < ${at}) from exchange_inbox_deadlines where desk_id = any(${`{${actor.deskIds.join(',')}}`}::uuid[]) and due_at <= ${horizon}`),
    handle.db.execute(sql`select count(*) from exchange_items where ${awaitingMyApproval(actor)}`),
  ]);
}

async function measure(label: string, handle: DbHandle, items: number, repetitions: number): Promise<FigureRow[]> {
  const actor = await prepareExchangeBench(handle, items);
  const now = new Date();
  const query = { box: 'inbox' as const, page: 1, pageSize: 25 };
  const filter = { actor, deskIds: actor.deskIds, query, words: [] as string[], now };
  const like = (words: string[]) => sql.join(words.map((word) => sql`search_folded like ${`%${word}%`}`), sql` and `);
  // The same statement as the module's one-desk page (the desk's entries joined to the items in delivery
  // order, the total from its counters or, with search words, a window count), without the policy.
  const unfiltered = (words: string[]) => {
    const desk = actor.deskIds[0]!;
    const total = words.length ? sql<number>`count(*) over ()::int` : sql<number>`(select coalesce(sum(items), 0)::int from exchange_inbox_counts where desk_id = ${desk}::uuid)`;
    return handle.db
      .select({ ...getTableColumns(exchangeItems), total })
      .from(exchangeInboxEntries)
      .innerJoin(exchangeItems, eq(exchangeItems.id, exchangeInboxEntries.itemId))
      .where(and(eq(exchangeInboxEntries.deskId, desk), words.length ? like(words) : undefined))
      .orderBy(desc(exchangeInboxEntries.deliveredAt), desc(exchangeInboxEntries.itemId))
      .limit(25);
  };
  // The page as it was before migration 0350, with and without the policy: ordered by coalesce(sent_at,
  // created_at) over the items and counted with count(*) over the whole folder.
  const before = async (policy: boolean, words: string[]) => {
    const folder = sql`release = 'released' and ${addressedTo(actor.deskIds)}${words.length ? sql` and ${like(words)}` : sql``}`;
    const where = policy ? sql`${visibleItems(actor)} and ${folder}` : folder;
    await handle.db.execute(sql`select * from exchange_items where ${where} order by coalesce(sent_at, created_at) desc, id desc limit 25`);
    await handle.db.execute(sql`select count(*) from exchange_items where ${where}`);
  };
  const fewer = Math.max(3, Math.min(10, Math.floor(repetitions / 5)));
  const [inbox, inboxBase] = await timePair(repetitions, () => listInbox(handle.db, filter), () => unfiltered([]));
  const [search, searchBase] = await timePair(repetitions, () => listInbox(handle.db, { ...filter, words: ['djordjevic', 'word42'] }), () => unfiltered(['djordjevic', 'word42']));
  const facets = await time(repetitions, () => countFacets(handle.db, filter));
  const [counters, countersBase] = await timePair(repetitions, () => countInboxFlags(handle.db, actor, actor.deskIds, now), () => countersUnfiltered(handle, actor, now));
  const [inboxBefore, inboxBeforeBase] = await timePair(fewer, () => before(true, []), () => before(false, []));
  const row = (figure: string, values: number[], base: number[], p: number, aim?: string, baselineLabel = 'same query without the policy'): FigureRow => ({
    figure: `${label} ${figure} p${p}`,
    value: percentile(values, p),
    unit: 'ms',
    baseline: percentile(base, p),
    baselineLabel,
    higherIsBetter: false,
    aim,
  });
  return [
    row('inbox page', inbox, inboxBase, 50),
    row('inbox page', inbox, inboxBase, 95, label.startsWith('server') ? 'under 50 ms, ratio at most 2' : 'ratio at most 2'),
    row('search page', search, searchBase, 50),
    row('search page', search, searchBase, 95),
    row('facets', facets, inboxBase, 95),
    row('counters', counters, countersBase, 50),
    row('counters', counters, countersBase, 95, label.startsWith('server') ? 'under 50 ms, ratio at most 2' : 'ratio at most 2'),
    row('inbox page before 0350', inboxBefore, inboxBeforeBase, 50, undefined, 'the old query without the policy'),
    row('inbox page before 0350', inboxBefore, inboxBeforeBase, 95, undefined, 'the old query without the policy'),
    row('inbox page now vs before 0350', inbox, inboxBefore, 95, undefined, 'the old page query with the policy'),
  ];
}

export async function runExchangeInboxBench(options: ExchangeInboxBenchOptions = {}) {
  const items = options.items ?? 100_000;
  const repetitions = options.repetitions ?? 200;
  const rows: FigureRow[] = [];
  const pglite = await createPgliteHandle();
  try {
    rows.push(...(await measure(`PGlite (${(options.pgliteItems ?? items).toLocaleString('en-US')})`, pglite, options.pgliteItems ?? items, repetitions)));
  } finally {
    await pglite.close();
  }
  if (options.serverUrl) {
    // BENCH_EXCHANGE_DATABASE names a database that is kept between runs (built once, migrated on each run).
    const scratch = await (process.env.BENCH_EXCHANGE_DATABASE ? keptDatabase(options.serverUrl, process.env.BENCH_EXCHANGE_DATABASE) : createScratchDatabase(options.serverUrl, 'mosaic_bench_exchange'));
    const handle = await createPostgresHandle(scratch.url);
    try {
      rows.push(...(await measure(`server (${items.toLocaleString('en-US')})`, handle, items, repetitions)));
    } finally {
      await handle.close();
      await scratch.drop();
    }
  }
  printFigures('exchange inbox (items in brackets), 13 economies, one desk’s contact point', rows);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { items: { type: 'string' }, server: { type: 'string' } } });
  await runExchangeInboxBench({ items: values.items ? Number(values.items) : undefined, serverUrl: values.server });
}
