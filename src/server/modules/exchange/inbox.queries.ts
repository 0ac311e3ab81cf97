import { type SQL, and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ItemListQuery } from '../../../contract/exchange';
import type { UserActor } from '../../access/actor';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { addressedTo, awaitingMyApproval, deadlineFlagSql, sentFrom, visibleInboxRow, visibleItems } from './exchange.queries';
import { type ItemRow, exchangeItems as items } from './exchange.schema';
import { exchangeInboxCounts as counts, exchangeInboxEntries as entries } from './inbox.schema';
import { awaitingRoutingAt, countCandidates, passedThrough } from './routing.queries';

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
 * The inbox folder through the desks' inbox entries (migration 0350): each desk's entries in delivery
 * order, as deep as the page reaches, merged (an item addressed to two of the desks once, at its latest
 * delivery). With one desk this is a range scan of its index that stops at the page's end.
 */
async function listInboxFolder(db: Db, filter: InboxFilter): Promise<{ rows: ItemRow[]; total: number }> {
  const { page, pageSize } = filter.query;
  if (filter.deskIds.length === 0) return { rows: [], total: 0 };
  const where = and(visibleItems(filter.actor), flagSql(filter), searchSql(filter), ...facetFilters(filter))!;
  const perDesk = filter.deskIds.map(
    (deskId) => sql`(select ${entries.itemId} as item_id, ${entries.deliveredAt} as delivered_at from ${entries} join ${items} on ${items.id} = ${entries.itemId}
      where ${entries.deskId} = ${deskId}::uuid and ${where} order by ${entries.deliveredAt} desc, ${entries.itemId} desc limit ${page * pageSize})`,
  );
  const [pageIds, total] = await Promise.all([
    db.execute(sql`select item_id from (select distinct on (item_id) item_id, delivered_at from (${sql.join(perDesk, sql` union all `)}) merged order by item_id, delivered_at desc) latest
      order by delivered_at desc, item_id desc limit ${pageSize} offset ${(page - 1) * pageSize}`),
    countInboxFolder(db, filter, where),
  ]);
  const ids = rowsOf<{ item_id: string }>(pageIds).map((row) => row.item_id);
  const byId = new Map((ids.length ? await db.select().from(items).where(inArray(items.id, ids)) : []).map((row) => [row.id, row]));
  return { rows: ids.map((id) => byId.get(id)).filter((row): row is ItemRow => row !== undefined), total };
}

/** The counters answer the total and facets when only the facet filters narrow one desk's inbox. */
const countersServe = (filter: InboxFilter) => filter.query.box === 'inbox' && filter.deskIds.length === 1 && !filter.query.flag && filter.words.length === 0;

/** Exact: the counters of the marking groups the reader may read, else a count of the matching entries. */
async function countInboxFolder(db: Db, filter: InboxFilter, where: SQL): Promise<number> {
  if (countersServe(filter)) {
    const { kind, crimeArea, economy } = filter.query;
    const narrow = [kind ? eq(counts.kind, kind) : undefined, crimeArea ? eq(counts.crimeArea, crimeArea) : undefined, economy ? eq(counts.ownerEconomy, economy) : undefined];
    const [row] = await db
      .select({ total: sql<number>`coalesce(sum(${counts.items}), 0)::int` })
      .from(counts)
      .where(and(eq(counts.deskId, filter.deskIds[0]!), visibleInboxRow(filter.actor, counts), ...narrow));
    return Number(row?.total ?? 0);
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

/** The counters of the user's desks: unread in the inbox, requests due soon or overdue, approvals waiting. */
export async function countInboxFlags(db: Db, actor: UserActor, deskIds: string[], now: Date) {
  const visible = visibleItems(actor);
  // Only the desks' own items are candidates (found through the recipient and sender indexes), so
  // the policy is checked on those rows rather than on every item of the table.
  const candidates = countCandidates(actor, deskIds);
  const inbox = sql`((${items.release} = 'released' and c.recipient) or ${awaitingRoutingAt(deskIds)})`;
  const mine = sql`(${inbox} or ${sentFrom(deskIds)})`;
  const result = await db.execute(sql`select
      count(*) filter (where ${inbox} and ${notReadBy(actor.userId)})::int as unread,
      count(*) filter (where ${mine} and ${deadlineFlagSql('due_soon', now)})::int as "dueSoon",
      count(*) filter (where ${mine} and ${deadlineFlagSql('overdue', now)})::int as overdue,
      count(*) filter (where ${awaitingMyApproval(actor)})::int as "awaitingApproval"
    from (${candidates}) c join exchange_items on exchange_items.id = c.id where ${visible}`);
  return rowsOf<{ unread: number; dueSoon: number; overdue: number; awaitingApproval: number }>(result)[0]!;
}
