import { type SQL, sql } from 'drizzle-orm';
import type { UserActor } from '../../access/actor';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { awaitingMyApproval, dueSoonWindowSql, longestDueSoonWindowMs, visibleInboxRow, visibleItems } from './exchange.queries';
import { exchangeInboxCounts as counts, exchangeInboxDeadlines as deadlines, exchangeInboxEntries as entries, exchangeInboxReadCounts as readCounts } from './inbox.schema';

export interface InboxFlagCounts {
  unread: number;
  dueSoon: number;
  overdue: number;
  awaitingApproval: number;
}

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * Unread in the desks' inbox. One desk: the entries the reader may see, less those the reader has
 * read, both from per-marking counters (migration 0351) summed under the same marking rule, so a
 * hidden entry is in neither sum. Several desks: an exact count of distinct entries (an item of two
 * desks once).
 */
async function countUnread(db: Db, actor: UserActor, deskIds: string[]): Promise<number> {
  if (deskIds.length === 1) {
    const desk = sql`${deskIds[0]!}::uuid`;
    const result = await db.execute(sql`select
        coalesce((select sum(${counts.items}) from ${counts} where ${counts.deskId} = ${desk} and ${visibleInboxRow(actor, counts)}), 0)
      - coalesce((select sum(${readCounts.items}) from ${readCounts} where ${readCounts.deskId} = ${desk} and ${readCounts.userId} = ${actor.userId}::uuid
          and ${visibleInboxRow(actor, readCounts)}), 0) as unread`);
    return Number(rowsOf<{ unread: number | string }>(result)[0]?.unread ?? 0);
  }
  const result = await db.execute(sql`select count(distinct ${entries.itemId})::int as unread from ${entries}
    where ${entries.deskId} = any(${uuidArray(deskIds)}) and ${visibleInboxRow(actor, entries)}
      and not exists (select 1 from exchange_reads er where er.item_id = ${entries.itemId} and er.user_id = ${actor.userId}::uuid)`);
  return rowsOf<{ unread: number }>(result)[0]?.unread ?? 0;
}

/**
 * Due soon and overdue over the desks' running clocks only (migration 0351): a range scan of
 * (desk, deadline) that ends where no deadline can be due soon any more.
 */
async function countDeadlines(db: Db, actor: UserActor, deskIds: string[], now: Date): Promise<{ dueSoon: number; overdue: number }> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const horizon = sql`${new Date(now.getTime() + longestDueSoonWindowMs).toISOString()}::timestamptz`;
  const counted = deskIds.length === 1 ? sql`*` : sql`distinct ${deadlines.itemId}`;
  const dueSoon = sql`${deadlines.dueAt} >= ${at} and extract(epoch from (${deadlines.dueAt} - ${at})) * 1000 <= ${dueSoonWindowSql(deadlines.urgency, deadlines.accessibility)}`;
  const result = await db.execute(sql`select count(${counted}) filter (where ${dueSoon})::int as "dueSoon", count(${counted}) filter (where ${deadlines.dueAt} < ${at})::int as overdue
    from ${deadlines} where ${deadlines.deskId} = any(${uuidArray(deskIds)}) and ${deadlines.dueAt} <= ${horizon} and ${visibleInboxRow(actor, deadlines)}`);
  return rowsOf<{ dueSoon: number; overdue: number }>(result)[0] ?? { dueSoon: 0, overdue: 0 };
}

/** Items waiting for this user's approval: a bounded set, found through its partial indexes. */
async function countApprovals(db: Db, actor: UserActor): Promise<number> {
  const awaiting: SQL = awaitingMyApproval(actor);
  const result = await db.execute(sql`select count(*)::int as n from exchange_items where ${awaiting} and ${visibleItems(actor)}`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

/** The counters of the user's desks: unread in the inbox, requests due soon or overdue, approvals waiting (decision 0037). */
export async function countInboxFlags(db: Db, actor: UserActor, deskIds: string[], now: Date): Promise<InboxFlagCounts> {
  if (deskIds.length === 0) return { unread: 0, dueSoon: 0, overdue: 0, awaitingApproval: await countApprovals(db, actor) };
  const [unread, { dueSoon, overdue }, awaitingApproval] = await Promise.all([countUnread(db, actor, deskIds), countDeadlines(db, actor, deskIds, now), countApprovals(db, actor)]);
  return { unread, dueSoon, overdue, awaitingApproval };
}
