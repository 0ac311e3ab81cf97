import type { NotificationView } from '../../../contract/notifications';
import type { notifications } from '../../db/schema/core';

export function presentNotification(row: { notification: typeof notifications.$inferSelect; deskName: string | null }): NotificationView {
  const { notification } = row;
  return {
    id: notification.id,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    link: notification.link,
    recordType: notification.recordType,
    recordId: notification.recordId,
    desk: notification.deskId ? { id: notification.deskId, name: row.deskName ?? '' } : null,
    createdAt: notification.createdAt.toISOString(),
    readAt: notification.readAt?.toISOString() ?? null,
  };
}
