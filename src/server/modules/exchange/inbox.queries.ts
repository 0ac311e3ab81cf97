import { type SQL, and, count, desc, eq, sql } from 'drizzle-orm';
import type { ItemListQuery } from '../../../contract/exchange';
import type { UserActor } from '../../access/actor';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { addressedTo, awaitingMyApproval, deadlineFlagSql, sentFrom, visibleItems } from './exchange.queries';
import { type ItemRow, exchangeItems as items } from './exchange.schema';
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

export async function listInbox(db: Db, filter: InboxFilter): Promise<{ rows: ItemRow[]; total: number }> {
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
  const where = baseWhere(filter);
  const facet = async (column: SQL) => {
    const result = await db.execute(sql`select ${column} as value, count(*)::int as count from exchange_items where ${where} and ${column} is not null group by 1 order by 2 desc, 1`);
    return rowsOf<{ value: string; count: number }>(result);
  };
  const [kind, crimeArea, economy] = await Promise.all([facet(sql`${items.kind}`), facet(sql`${items.crimeArea}`), facet(sql`${items.ownerEconomy}`)]);
  return { kind, crimeArea, economy };
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
