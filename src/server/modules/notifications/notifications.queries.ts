import { type SQL, and, count, desc, eq, inArray, isNull, or } from 'drizzle-orm';
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

export async function listNotifications(db: Db, recipient: Recipient, params: { unreadOnly: boolean; page: number; pageSize: number }) {
  const where = and(addressedTo(recipient), params.unreadOnly ? isNull(notifications.readAt) : undefined);
  const rows = await db
    .select({ notification: notifications, deskName: desks.name })
    .from(notifications)
    .leftJoin(desks, eq(desks.id, notifications.deskId))
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(params.pageSize)
    .offset((params.page - 1) * params.pageSize);
  const [totalRow] = await db.select({ total: count() }).from(notifications).where(where);
  return { rows, total: totalRow?.total ?? 0 };
}

export async function countUnread(db: Db, recipient: Recipient): Promise<number> {
  const [row] = await db.select({ total: count() }).from(notifications).where(and(addressedTo(recipient), isNull(notifications.readAt)));
  return row?.total ?? 0;
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
