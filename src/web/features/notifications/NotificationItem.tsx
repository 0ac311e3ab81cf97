import { Anchor, Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationView } from '../../../contract/notifications';
import { formatDateTime } from '../../i18n/format';

interface NotificationItemProps {
  notification: NotificationView;
  onMarkRead(id: string): void;
  compact?: boolean;
}

/** One notification: opening its link marks it read; so does the explicit button. */
export function NotificationItem({ notification, onMarkRead, compact }: NotificationItemProps) {
  const { t } = useTranslation('notifications');
  const unread = notification.readAt === null;
  const when = formatDateTime(notification.createdAt);
  return (
    <Stack gap={2} py={6} data-unread={unread}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        {notification.link ? (
          <Anchor component={Link} to={notification.link} fw={unread ? 700 : 400} size="sm" onClick={() => unread && onMarkRead(notification.id)}>
            {notification.title}
          </Anchor>
        ) : (
          <Text fw={unread ? 700 : 400} size="sm">
            {notification.title}
          </Text>
        )}
        {unread && (
          <Badge size="xs" color="blue" variant="filled">
            {t('new')}
          </Badge>
        )}
      </Group>
      {!compact && notification.body && <Text size="sm">{notification.body}</Text>}
      <Group gap="xs" justify="space-between">
        <Text size="xs" c="dimmed">
          {notification.desk ? t('forDesk', { desk: notification.desk.name, when }) : when}
        </Text>
        {unread && (
          <UnstyledButton onClick={() => onMarkRead(notification.id)} fz="xs" c="blue.8" aria-label={t('markReadNamed', { title: notification.title })}>
            {t('markRead')}
          </UnstyledButton>
        )}
      </Group>
    </Stack>
  );
}
