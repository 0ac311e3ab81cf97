import { type SQL, and, count, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { ItemListQuery } from '../../../contract/exchange';
import type { UserActor } from '../../access/actor';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { addressedTo, awaitingMyApproval, deadlineFlagSql, sentFrom, visibleInboxRow, visibleItems } from './exchange.queries';
import { type ItemRow, exchangeItems as items } from './exchange.schema';
import { exchangeInboxCounts as counts, exchangeInboxEntries as entries } from './inbox.schema';
import { awaitingRoutingAt, passedThrough } from './routing.queries';

export interface InboxFilter {
  actor: UserActor;
  deskIds: string[];
  query: ItemListQuery;
  /** Folded search words. */
  words: string[];
  now: Date;
}

const notReadBy = (userId: string) => sql`not exists (select 1 from exchange_reads er where er.item_id = ${items.id} and er.user_id = ${userId}::uuid)`;

function boxSql(filter: InboxFilter): SQL {
  const { deskIds, actor } = filter;
  const inbox = sql`((${items.release} = 'released' and ${addressedTo(deskIds)}) or ${awaitingRoutingAt(deskIds)})`;
  switch (filter.query.box) {
    case 'inbox':
      return inbox;
    case 'sent':
      return sql`(${sentFrom(deskIds)} or ${passedThrough(deskIds)})`;
    case 'approvals':
      return awaitingMyApproval(actor);
    case 'all':
      return sql`(${inbox} or ${sentFrom(deskIds)} or ${passedThrough(deskIds)} or ${awaitingMyApproval(actor)})`;
  }
}

/** Search matches the content only where the reader may still see it: a retracted item's content is gone for its recipients. */
function searchSql(filter: InboxFilter): SQL | undefined {
  if (filter.words.length === 0) return undefined;
  const matches = sql.join(
    filter.words.map((word) => sql`${items.searchFolded} like ${`%${word.replace(/[\\%_]/g, '\\$&')}%`}`),
    sql` and `,
  );
  return sql`((${matches}) and (${items.retractedAt} is null or ${sentFrom(filter.actor.deskIds)}))`;
}

function flagSql(filter: InboxFilter): SQL | undefined {
  const flag = filter.query.flag;
  if (!flag) return undefined;
  if (flag === 'unread') return notReadBy(filter.actor.userId);
  return deadlineFlagSql(flag, filter.now);
}

/** The set the facets count: everything but the facet filters themselves. */
function baseWhere(filter: InboxFilter): SQL {
  return and(visibleItems(filter.actor), boxSql(filter), flagSql(filter), searchSql(filter))!;
}

function facetFilters(filter: InboxFilter): (SQL | undefined)[] {
  const { kind, crimeArea, economy } = filter.query;
  return [kind ? eq(items.kind, kind) : undefined, crimeArea ? eq(items.crimeArea, crimeArea) : undefined, economy ? eq(items.ownerEconomy, economy) : undefined];
}

/**
 * The total in the page's own statement: from the counters when they serve (an uncorrelated sub-select,
 * evaluated once), with search words as a window count (the text index is read once). Otherwise
 * (flags) a window would hold every flagged entry, so the total is counted apart.
 */
function totalInPage(filter: InboxFilter): SQL<number> | undefined {
  if (countersServe(filter)) return sql<number>`(${countersTotal(filter)})`;
  if (filter.words.length > 0) return sql<number>`count(*) over ()::int`;
  return undefined;
}

/** One desk's inbox: a range scan of its entries' index that stops at the page's end, without the several-desk merge. */
async function listDeskInbox(db: Db, filter: InboxFilter, where: SQL): Promise<{ rows: ItemRow[]; total: number }> {
  const { page, pageSize } = filter.query;
  const total = totalInPage(filter);
  const found = db
    .select({ ...getTableColumns(items), total: total ?? sql<number | null>`null::int` })
    .from(entries)
    .innerJoin(items, eq(items.id, entries.itemId))
    .where(and(eq(entries.deskId, filter.deskIds[0]!), where))
    .orderBy(desc(entries.deliveredAt), desc(entries.itemId))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const itemsOf = (rows: Awaited<typeof found>): ItemRow[] => rows.map(({ total: _total, ...row }) => row);
  if (!total) {
    const [rows, counted] = await Promise.all([found, countInboxFolder(db, filter, where)]);
    return { rows: itemsOf(rows), total: counted };
  }
  const rows = await found;
  // A page past the last one has no row to carry the total.
  if (rows.length === 0 && page > 1) return { rows: [], total: await countInboxFolder(db, filter, where) };
  return { rows: itemsOf(rows), total: Number(rows[0]?.total ?? 0) };
}

/**
 * The inbox folder through the desks' inbox entries (migration 0350). Several desks: each desk's entries
 * in delivery order, as deep as the page reaches, merged (an item addressed to two of the desks once, at
 * its latest delivery).
 */
async function listInboxFolder(db: Db, filter: InboxFilter): Promise<{ rows: ItemRow[]; total: number }> {
  const { page, pageSize } = filter.query;
  if (filter.deskIds.length === 0) return { rows: [], total: 0 };
  const where = and(visibleItems(filter.actor), flagSql(filter), searchSql(filter), ...facetFilters(filter))!;
  if (filter.deskIds.length === 1) return listDeskInbox(db, filter, where);
  const perDesk = filter.deskIds.map(
    (deskId) => sql`(select ${entries.itemId} as item_id, ${entries.deliveredAt} as delivered_at from ${entries} join ${items} on ${items.id} = ${entries.itemId}
      where ${entries.deskId} = ${deskId}::uuid and ${where} order by ${entries.deliveredAt} desc, ${entries.itemId} desc limit ${page * pageSize})`,
  );
  const latest = sql`select item_id from (select distinct on (item_id) item_id, delivered_at from (${sql.join(perDesk, sql` union all `)}) merged order by item_id, delivered_at desc) latest
    order by delivered_at desc, item_id desc limit ${pageSize} offset ${(page - 1) * pageSize}`;
  // One statement: an entry's delivery time is its item's coalesce(sent_at, created_at), so the items sort as the entries did.
  const [rows, total] = await Promise.all([
    db.select().from(items).where(sql`${items.id} in (${latest})`).orderBy(desc(sql`coalesce(${items.sentAt}, ${items.createdAt})`), desc(items.id)),
    countInboxFolder(db, filter, where),
  ]);
  return { rows, total };
}

/** The counters answer the total and facets when only the facet filters narrow one desk's inbox. */
const countersServe = (filter: InboxFilter) => filter.query.box === 'inbox' && filter.deskIds.length === 1 && !filter.query.flag && filter.words.length === 0;

/** The sum of the desk's counter rows whose marking the reader may read, narrowed by the facet filters. */
function countersTotal(filter: InboxFilter): SQL {
  const { kind, crimeArea, economy } = filter.query;
  const narrow = [kind ? eq(counts.kind, kind) : undefined, crimeArea ? eq(counts.crimeArea, crimeArea) : undefined, economy ? eq(counts.ownerEconomy, economy) : undefined];
  return sql`select coalesce(sum(${counts.items}), 0)::int as total from ${counts} where ${and(eq(counts.deskId, filter.deskIds[0]!), visibleInboxRow(filter.actor, counts), ...narrow)}`;
}

/** Exact: the counters of the marking groups the reader may read, else a count of the matching entries. */
async function countInboxFolder(db: Db, filter: InboxFilter, where: SQL): Promise<number> {
  if (countersServe(filter)) {
    const result = await db.execute(sql`${countersTotal(filter)}`);
    return Number(rowsOf<{ total: number }>(result)[0]?.total ?? 0);
  }
  const result = await db.execute(sql`select count(distinct ${entries.itemId})::int as total from ${entries} join ${items} on ${items.id} = ${entries.itemId}
    where ${entries.deskId} = any(${`{${filter.deskIds.join(',')}}`}::uuid[]) and ${where}`);
  return rowsOf<{ total: number }>(result)[0]?.total ?? 0;
}

export async function listInbox(db: Db, filter: InboxFilter): Promise<{ rows: ItemRow[]; total: number }> {
  if (filter.query.box === 'inbox') return listInboxFolder(db, filter);
  const where = and(baseWhere(filter), ...facetFilters(filter));
  const { page, pageSize } = filter.query;
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(items)
      .where(where)
      .orderBy(desc(sql`coalesce(${items.sentAt}, ${items.createdAt})`), desc(items.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(items).where(where),
  ]);
  return { rows, total: totalRow?.total ?? 0 };
}

export async function countFacets(db: Db, filter: InboxFilter) {
  const counted = countersServe(filter);
  const where = counted ? and(eq(counts.deskId, filter.deskIds[0]!), visibleInboxRow(filter.actor, counts))! : baseWhere(filter);
  const facet = async (column: SQL) => {
    const result = counted
      ? await db.execute(sql`select ${column} as value, sum(${counts.items})::int as count from ${counts} where ${where} and ${column} <> '' group by 1 order by 2 desc, 1`)
      : await db.execute(sql`select ${column} as value, count(*)::int as count from exchange_items where ${where} and ${column} is not null group by 1 order by 2 desc, 1`);
    return rowsOf<{ value: string; count: number }>(result);
  };
  const columns = counted ? [counts.kind, counts.crimeArea, counts.ownerEconomy] : [items.kind, items.crimeArea, items.ownerEconomy];
  const [kind, crimeArea, economy] = await Promise.all(columns.map((column) => facet(sql`${column}`)));
  return { kind: kind!, crimeArea: crimeArea!, economy: economy! };
}
