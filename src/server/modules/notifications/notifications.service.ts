import { z } from 'zod';
import { type NotificationListQuery, NotificationPage, type NotificationView } from '../../../contract/notifications';
import { type Actor, isUser } from '../../access/actor';
import type { Db } from '../../db/client';
import type { AuditService } from '../../platform/audit/audit.service';
import { NotFoundProblem, UnauthorizedProblem } from '../../platform/http/errors';
import { type NotificationPageCache, pageKey } from './notifications.cache';
import { presentNotification } from './notifications.presenter';
import { type Recipient, findVisibleNotification, insertNotification, listNotifications, markRead } from './notifications.queries';

/** What another module sends; a link must stay inside Mosaic. */
const NotificationContent = z
  .object({
    kind: z.string().regex(/^[a-z][a-z0-9_.-]{1,63}$/),
    title: z.string().trim().min(1).max(200),
    body: z.string().max(2000).default(''),
    link: z
      .string()
      .max(500)
      .regex(/^\/(?!\/)[^\s\\]*$/, 'a path inside Mosaic, starting with one /')
      .nullish(),
    recordType: z.string().max(60).nullish(),
    recordId: z.string().max(100).nullish(),
  })
  .strict();
export type NotificationContent = z.input<typeof NotificationContent>;

function contentValues(content: NotificationContent) {
  const parsed = NotificationContent.parse(content);
  return { ...parsed, link: parsed.link ?? null, recordType: parsed.recordType ?? null, recordId: parsed.recordId ?? null };
}

/** Sends a notification to every member of a desk, now and later: inside the caller's transaction. */
export function notifyDesk(tx: Db, input: NotificationContent & { deskId: string }): Promise<string> {
  const { deskId, ...content } = input;
  return insertNotification(tx, { deskId, ...contentValues(content) });
}

/** The row notifyDesk inserts, checked the same way, for a module that inserts it in its own statement. */
export function deskNotificationRow(input: NotificationContent & { deskId: string }) {
  const { deskId, ...content } = input;
  return { deskId, ...contentValues(content) };
}

/** Sends a notification to one user: inside the caller's transaction. */
export function notifyUser(tx: Db, input: NotificationContent & { userId: string }): Promise<string> {
  const { userId, ...content } = input;
  return insertNotification(tx, { userId, ...contentValues(content) });
}

function recipientOf(actor: Actor): Recipient {
  if (!isUser(actor)) throw new UnauthorizedProblem();
  return { userId: actor.userId, deskIds: actor.deskIds };
}

export function createNotificationService(deps: { db: Db; audit: AuditService; clock: () => Date }, cache?: NotificationPageCache) {
  // This node forgets at once after its own commit; the trigger's notification may come a moment later.
  const afterWrite = async <T>(write: Promise<T>): Promise<T> => {
    try {
      return await write;
    } finally {
      cache?.changed();
    }
  };
  return {
    /**
     * The page as its JSON answer (checked against the contract as the route's serialiser would):
     * from the page cache when this recipient read the same page since the last change.
     */
    listJson: async (actor: Actor, query: NotificationListQuery): Promise<string> => {
      const recipient = recipientOf(actor);
      const params = { unreadOnly: query.unread === 'true', page: query.page, pageSize: query.pageSize };
      const key = cache ? pageKey(recipient, params) : '';
      const cached = await cache?.get(key);
      if (cached) return cached;
      const version = cache?.version ?? 0;
      const { rows, total, unreadCount } = await listNotifications(deps.db, recipient, params);
      const page: NotificationPage = { items: rows.map(presentNotification), total, page: query.page, pageSize: query.pageSize, unreadCount };
      const json = JSON.stringify(z.encode(NotificationPage, page));
      cache?.set(key, json, version);
      return json;
    },

    /** A desk's notification is read once for the whole desk: whoever opens it handles it. */
    markRead: (context: { actor: Actor; ip: string | null }, id: string): Promise<NotificationView> =>
      afterWrite(deps.audit.command(async (tx) => {
        const recipient = recipientOf(context.actor);
        const found = await findVisibleNotification(tx, recipient, id);
        if (!found) throw new NotFoundProblem();
        if (found.notification.readAt) return presentNotification(found);
        await markRead(tx, recipient, [id], deps.clock());
        await deps.audit.append(tx, context, { action: 'notifications.notification.read', recordType: 'notification', recordId: id });
        const updated = await findVisibleNotification(tx, recipient, id);
        return presentNotification(updated!);
      })),

    markAllRead: (context: { actor: Actor; ip: string | null }): Promise<{ marked: number }> =>
      afterWrite(deps.audit.command(async (tx) => {
        const marked = await markRead(tx, recipientOf(context.actor), 'all', deps.clock());
        if (marked.length) {
          await deps.audit.append(tx, context, { action: 'notifications.notification.read_all', recordType: 'notification', details: { ids: marked } });
        }
        return { marked: marked.length };
      })),
  };
}
