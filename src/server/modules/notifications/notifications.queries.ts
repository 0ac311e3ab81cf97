import { type SQL, and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { desks, notifications } from '../../db/schema/core';

/** The recipient side of a notification: the user personally, or a desk they staff. */
export interface Recipient {
  userId: string;
  deskIds: string[];
}

/** The SQL scope of what a recipient may see; lists, counts and updates all use it. */
export function addressedTo(recipient: Recipient): SQL {
  const own = eq(notifications.userId, recipient.userId);
  return recipient.deskIds.length ? or(own, inArray(notifications.deskId, recipient.deskIds))! : own;
}

/** The recipient scope with the desks as one array parameter, so one prepared statement fits every recipient. */
const addressedToPlaceholders = sql`(${notifications.userId} = ${sql.placeholder('userId')}::uuid or ${notifications.deskId} = any(${sql.placeholder('deskIds')}::uuid[]))`;
const filtered = sql`(not ${sql.placeholder('unreadOnly')}::boolean or ${notifications.readAt} is null)`;

/**
 * A page of notifications, the total the filter matches and the unread count in one prepared
 * statement: the counts are one scan of the recipient's rows, joined to the page (an
 * uncorrelated sub-select), so an empty page still returns its counts.
 */
function prepareListStatement(db: Db) {
  const counts = db
    .select({
      total: sql<number>`count(*) filter (where ${filtered})::int`.as('total'),
      unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)::int`.as('unread'),
    })
    .from(notifications)
    .where(addressedToPlaceholders)
    .as('counts');
  const page = db
    .select({
      id: notifications.id,
      deskId: notifications.deskId,
      userId: notifications.userId,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      recordType: notifications.recordType,
      recordId: notifications.recordId,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      deskName: sql<string | null>`${desks.name}`.as('desk_name'),
    })
    .from(notifications)
    .leftJoin(desks, eq(desks.id, notifications.deskId))
    .where(and(addressedToPlaceholders, filtered))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .as('page');
  return db
    .select({
      total: counts.total,
      unread: counts.unread,
      id: page.id,
      deskId: page.deskId,
      userId: page.userId,
      kind: page.kind,
      title: page.title,
      body: page.body,
      link: page.link,
      recordType: page.recordType,
      recordId: page.recordId,
      createdAt: page.createdAt,
      readAt: page.readAt,
      deskName: page.deskName,
    })
    .from(counts)
    .leftJoin(page, sql`true`)
    .orderBy(desc(page.createdAt), desc(page.id))
    .prepare('mosaic_notifications_list');
}

const listStatements = new WeakMap<Db, ReturnType<typeof prepareListStatement>>();

export async function listNotifications(db: Db, recipient: Recipient, params: { unreadOnly: boolean; page: number; pageSize: number }) {
  let statement = listStatements.get(db);
  if (!statement) {
    statement = prepareListStatement(db);
    listStatements.set(db, statement);
  }
  const rows = await statement.execute({
    userId: recipient.userId,
    deskIds: recipient.deskIds,
    unreadOnly: params.unreadOnly,
    limit: params.pageSize,
    offset: (params.page - 1) * params.pageSize,
  });
  const items = rows.flatMap(({ total: _total, unread: _unread, deskName, id, kind, title, body, createdAt, ...rest }) =>
    // The left join gives one row of nulls when the page is empty.
    id === null || kind === null || title === null || body === null || createdAt === null ? [] : [{ notification: { ...rest, id, kind, title, body, createdAt }, deskName }],
  );
  return { rows: items, total: rows[0]?.total ?? 0, unreadCount: rows[0]?.unread ?? 0 };
}

export async function findVisibleNotification(db: Db, recipient: Recipient, id: string) {
  const [row] = await db
    .select({ notification: notifications, deskName: desks.name })
    .from(notifications)
    .leftJoin(desks, eq(desks.id, notifications.deskId))
    .where(and(eq(notifications.id, id), addressedTo(recipient)))
    .limit(1);
  return row ?? null;
}

export async function markRead(db: Db, recipient: Recipient, ids: string[] | 'all', now: Date): Promise<string[]> {
  const scope = ids === 'all' ? addressedTo(recipient) : and(addressedTo(recipient), inArray(notifications.id, ids));
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(scope, isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.map((row) => row.id);
}

export async function insertNotification(db: Db, values: typeof notifications.$inferInsert): Promise<string> {
  const [row] = await db.insert(notifications).values(values).returning({ id: notifications.id });
  return row!.id;
}
