import { type AnyColumn, type SQL, and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DeskRef } from '../../../contract/exchange';
import { type Actor, hasRole, isUser } from '../../access/actor';
import { type MarkingColumns, visibleMarked } from '../../access/scopes';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { desks, users } from '../../db/schema/core';
import { OPEN_STATES, answerPeriodMs, dueSoonWindowMs } from './exchange.deadlines';
import { DESK_ROLES } from './exchange.policy';
import { type EventRow, type ItemRow, type NewItemRow, exchangeEvents, exchangeItems, exchangeReads, exchangeRecipients } from './exchange.schema';

const items = exchangeItems;
export const itemMarkingColumns = {
  classification: items.classification,
  tlp: items.tlp,
  releasableEconomies: items.releasableEconomies,
  releasableOrganisations: items.releasableOrganisations,
  sharingGroups: items.sharingGroups,
  ownerOrganisationId: items.ownerOrganisationId,
};

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
export const addressedTo = (deskIds: readonly string[]) =>
  sql`exists (select 1 from exchange_recipients r where r.item_id = ${items.id} and r.desk_id = any(${uuidArray(deskIds)}))`;
export const sentFrom = (deskIds: readonly string[]) => sql`${items.senderDeskId} = any(${uuidArray(deskIds)})`;

/** Items waiting for this user's release approval: a contact point of the sender's organisation, not the author. */
export function awaitingMyApproval(actor: Actor): SQL {
  if (!isUser(actor) || !hasRole(actor, 'contact_point')) return sql`false`;
  const approver = sql`(${items.ownerOrganisationId} = ${actor.organisationId}::uuid or (${items.approverScope} = 'economy' and ${items.ownerEconomy} = ${actor.economy}))`;
  return sql`(${items.release} = 'awaiting_approval' and ${approver} and ${items.authorId} <> ${actor.userId}::uuid)`;
}

/** The SQL twin of canSeeItem (exchange.policy.ts), for every list, count, facet and search. */
export function visibleItems(actor: Actor): SQL {
  if (!isUser(actor) || !hasRole(actor, ...DESK_ROLES)) return sql`false`;
  return sql`(${visibleMarked(actor, itemMarkingColumns)} and (
    ${sentFrom(actor.deskIds)}
    or (${items.release} = 'released' and (${addressedTo(actor.deskIds)} or ${items.approvedBy} = ${actor.userId}::uuid))
    or ${awaitingMyApproval(actor)}
    or (${items.viaDeskId} = any(${uuidArray(actor.deskIds)}) and ${items.release} <> 'awaiting_approval')
  ))`;
}

/**
 * The SQL twin of canSeeItem for a row of the inbox of one of the actor's desks (an inbox entry or a
 * counter row of migration 0350): being in that inbox is the desk half of the rule (released and
 * addressed to the desk, or waiting at it for routing), so what remains is the marking.
 */
export function visibleInboxRow(actor: Actor, columns: MarkingColumns): SQL {
  if (!isUser(actor) || !hasRole(actor, ...DESK_ROLES)) return sql`false`;
  return visibleMarked(actor, columns);
}

export async function insertItem(db: Db, values: NewItemRow, recipientDeskIds: string[]): Promise<ItemRow> {
  const [row] = await db.insert(items).values(values).returning();
  await db.insert(exchangeRecipients).values(recipientDeskIds.map((deskId) => ({ itemId: row!.id, deskId })));
  return row!;
}

/** Changes an item only if it is still in the state the change was decided on; false when it moved meanwhile. */
export async function updateItemIf(db: Db, id: string, expected: Pick<ItemRow, 'updatedAt'>, values: Partial<NewItemRow>): Promise<boolean> {
  const changed = await db
    .update(items)
    .set(values)
    .where(and(eq(items.id, id), eq(items.updatedAt, expected.updatedAt)))
    .returning({ id: items.id });
  return changed.length === 1;
}

export async function insertEvent(db: Db, values: typeof exchangeEvents.$inferInsert): Promise<void> {
  await db.insert(exchangeEvents).values(values);
}

export async function findItem(db: Db, id: string): Promise<ItemRow | null> {
  const [row] = await db.select().from(items).where(eq(items.id, id)).limit(1);
  return row ?? null;
}

/** The items of a thread that the scope lets through, oldest first. */
export function listThreadItems(db: Db, threadId: string, scope: SQL): Promise<ItemRow[]> {
  return db.select().from(items).where(and(eq(items.threadId, threadId), scope)).orderBy(asc(items.createdAt), asc(items.id));
}

export async function loadRecipients(db: Db, itemIds: string[]): Promise<Map<string, string[]>> {
  const byItem = new Map<string, string[]>();
  if (itemIds.length === 0) return byItem;
  const rows = await db.select().from(exchangeRecipients).where(inArray(exchangeRecipients.itemId, itemIds));
  for (const row of rows) byItem.set(row.itemId, [...(byItem.get(row.itemId) ?? []), row.deskId]);
  return byItem;
}

export async function loadDeskRefs(db: Db, deskIds: string[]): Promise<Map<string, DeskRef>> {
  if (deskIds.length === 0) return new Map();
  const rows = await db
    .select({ id: desks.id, name: desks.name, economy: desks.economyCode, area: desks.area })
    .from(desks)
    .where(inArray(desks.id, [...new Set(deskIds)]));
  return new Map(rows.map((row) => [row.id, row]));
}

export function listAllDesks(db: Db): Promise<DeskRef[]> {
  return db.select({ id: desks.id, name: desks.name, economy: desks.economyCode, area: desks.area }).from(desks).orderBy(asc(desks.economyCode), asc(desks.name));
}

export async function loadUserNames(db: Db, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...new Set(userIds)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export function listEvents(db: Db, itemIds: string[]): Promise<EventRow[]> {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db.select().from(exchangeEvents).where(inArray(exchangeEvents.itemId, itemIds)).orderBy(asc(exchangeEvents.seq));
}

/** One more read of an item by a user; returns whether it was the first. */
export async function recordRead(db: Db, input: { itemId: string; userId: string; deskId: string | null; at: Date }): Promise<boolean> {
  const result = await db.execute(sql`insert into exchange_reads (item_id, user_id, desk_id, first_read_at, last_read_at)
    values (${input.itemId}, ${input.userId}, ${input.deskId}, ${input.at.toISOString()}, ${input.at.toISOString()})
    on conflict (item_id, user_id) do update set last_read_at = excluded.last_read_at, reads = exchange_reads.reads + 1
    returning (xmax = 0) as first`);
  return rowsOf<{ first: boolean }>(result)[0]?.first === true;
}

export function listReaders(db: Db, itemId: string) {
  return db
    .select({ name: users.displayName, deskName: desks.name, firstReadAt: exchangeReads.firstReadAt, reads: exchangeReads.reads })
    .from(exchangeReads)
    .innerJoin(users, eq(users.id, exchangeReads.userId))
    .leftJoin(desks, eq(desks.id, exchangeReads.deskId))
    .where(eq(exchangeReads.itemId, itemId))
    .orderBy(asc(exchangeReads.firstReadAt));
}

export async function readItemIds(db: Db, userId: string, itemIds: string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set();
  const rows = await db
    .select({ itemId: exchangeReads.itemId })
    .from(exchangeReads)
    .where(and(eq(exchangeReads.userId, userId), inArray(exchangeReads.itemId, itemIds)));
  return new Set(rows.map((row) => row.itemId));
}

/** Recipient desks that have acknowledged an item. */
export function listAcknowledgements(db: Db, itemIds: string[]) {
  return listEvents(db, itemIds).then((rows) => rows.filter((row) => row.kind === 'acknowledgement'));
}

/** Released open requests whose deadline is near or past and whose desk has not been reminded on this clock. */
export function listRequestsToRemind(db: Db, now: Date): Promise<ItemRow[]> {
  return db
    .select()
    .from(items)
    .where(and(eq(items.release, 'released'), isNull(items.remindedAt), isNull(items.retractedAt), or(deadlineFlagSql('due_soon', now), deadlineFlagSql('overdue', now))))
    .limit(500);
}

export async function markReminded(db: Db, id: string, now: Date): Promise<boolean> {
  const changed = await db.update(items).set({ remindedAt: now }).where(and(eq(items.id, id), isNull(items.remindedAt))).returning({ id: items.id });
  return changed.length === 1;
}

/** The due-soon window of exchange.deadlines.ts, in milliseconds, for these urgency and accessibility columns. */
export function dueSoonWindowSql(urgency: SQL | AnyColumn, accessibility: SQL | AnyColumn): SQL {
  return sql`(case when ${urgency} = 'urgent' and ${accessibility} = 'direct' then ${dueSoonWindowMs(answerPeriodMs('urgent', 'direct'))}::double precision
    when ${urgency} = 'urgent' then ${dueSoonWindowMs(answerPeriodMs('urgent', 'indirect'))}::double precision
    else ${dueSoonWindowMs(answerPeriodMs('normal', null))}::double precision end)`;
}

/** The longest due-soon window: nothing further ahead can be due soon. */
export const longestDueSoonWindowMs = Math.max(
  dueSoonWindowMs(answerPeriodMs('urgent', 'direct')),
  dueSoonWindowMs(answerPeriodMs('urgent', 'indirect')),
  dueSoonWindowMs(answerPeriodMs('normal', null)),
);

/**
 * The SQL for "the clock runs and the deadline is near / past", with the windows of exchange.deadlines.ts.
 * A retracted request can no longer be answered or withdrawn, so its clock no longer counts.
 */
export function deadlineFlagSql(flag: 'due_soon' | 'overdue', now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  const open = sql`${items.state} in (${sql.join(OPEN_STATES.map((state) => sql`${state}`), sql`, `)}) and ${items.retractedAt} is null`;
  if (flag === 'overdue') return sql`(${open} and ${items.dueAt} < ${at})`;
  return sql`(${open} and ${items.dueAt} >= ${at} and extract(epoch from (${items.dueAt} - ${at})) * 1000 <= ${dueSoonWindowSql(items.urgency, items.accessibility)})`;
}
