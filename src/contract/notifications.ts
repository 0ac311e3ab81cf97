import { z } from 'zod';
import { PageQuery, Uuid } from './core';

export const NotificationView = z.object({
  id: Uuid,
  /** What happened, e.g. `wanted.hit`; the web app may pick an icon from it. */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A path inside Mosaic to open, e.g. `/wanted/hits/…`. */
  link: z.string().nullable(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  /** The desk it was sent to, or null when it was sent to the user personally. */
  desk: z.object({ id: Uuid, name: z.string() }).nullable(),
  createdAt: z.string(),
  /** When someone (for a desk: any member of it) marked it read. */
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationListQuery = PageQuery.extend({
  /** Only the unread ones. */
  unread: z.enum(['true', 'false']).optional(),
}).strict();
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationPage = z.object({
  items: z.array(NotificationView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Unread notifications of the user and their desks, whatever the filter. */
  unreadCount: z.number().int(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

export const NotificationIdParams = z.object({ id: Uuid }).strict();

export const MarkAllReadResult = z.object({ marked: z.number().int() });
export type MarkAllReadResult = z.infer<typeof MarkAllReadResult>;
