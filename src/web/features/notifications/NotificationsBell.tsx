import { ActionIcon, Anchor, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotificationItem } from './NotificationItem';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from './api';

const BELL_PAGE_SIZE = 8;

/** The header's bell: the unread count, polled every 30 s, and the latest notifications. */
export function NotificationsBell() {
  const { t } = useTranslation('notifications');
  const [opened, { close, toggle }] = useDisclosure(false);
  const notifications = useNotifications(1, BELL_PAGE_SIZE);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unread = notifications.data?.unreadCount ?? 0;
  const label = unread > 0 ? t('bellUnread', { count: unread }) : t('bell');

  return (
    <Popover opened={opened} onChange={(value) => !value && close()} position="bottom-end" width={340} shadow="md" withArrow trapFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" size="lg" onClick={toggle} aria-label={label} data-testid="notifications-bell">
          <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} color="red" offset={2}>
            <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" style={{ display: 'block' }}>
              <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
              <path d="M13.73 21a2 2 0 0 1-3.46 0" />
            </svg>
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-label={t('title')}>
        <Group justify="space-between" mb="xs">
          <Text fw={700}>{t('title')}</Text>
          {unread > 0 && (
            <UnstyledButton fz="sm" c="blue.8" onClick={() => markAll.mutate()}>
              {t('markAllRead')}
            </UnstyledButton>
          )}
        </Group>
        <ScrollArea.Autosize mah={360}>
          {notifications.data && notifications.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('empty')}
            </Text>
          ) : (
            <Stack gap={0}>
              {(notifications.data?.items ?? []).map((notification, index) => (
                <div key={notification.id}>
                  {index > 0 && <Divider />}
                  <NotificationItem notification={notification} onMarkRead={(id) => markRead.mutate(id)} compact />
                </div>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
        <Divider my="xs" />
        <Anchor component={Link} to="/notifications" size="sm" onClick={close}>
          {t('seeAll')}
        </Anchor>
      </Popover.Dropdown>
    </Popover>
  );
}
