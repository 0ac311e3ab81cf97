import { Button, Container, Divider, Group, Pagination, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { NotificationItem } from './NotificationItem';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from './api';

const PAGE_SIZE = 20;

export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  usePageTitle(t('title'));
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const notifications = useNotifications(page, PAGE_SIZE, { unreadOnly: filter === 'unread' });
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();

  return (
    <Container size="md">
      <Stack>
        <Group justify="space-between">
          <Title order={1}>{t('title')}</Title>
          <Button variant="light" onClick={() => markAll.mutate()} loading={markAll.isPending} disabled={(notifications.data?.unreadCount ?? 0) === 0}>
            {t('markAllRead')}
          </Button>
        </Group>
        <Text c="dimmed">{t('intro')}</Text>
        <SegmentedControl
          aria-label={t('filter')}
          value={filter}
          onChange={(value) => {
            setFilter(value as 'all' | 'unread');
            setPage(1);
          }}
          data={[
            { value: 'all', label: t('all') },
            { value: 'unread', label: t('unreadOnly', { count: notifications.data?.unreadCount ?? 0 }) },
          ]}
          w="fit-content"
        />
        <QueryState query={notifications}>
          {(data) => (
            <>
              <Paper withBorder p="md">
                {data.items.length === 0 ? (
                  <Text c="dimmed">{t('empty')}</Text>
                ) : (
                  data.items.map((notification, index) => (
                    <div key={notification.id}>
                      {index > 0 && <Divider />}
                      <NotificationItem notification={notification} onMarkRead={(id) => markRead.mutate(id)} />
                    </div>
                  ))
                )}
              </Paper>
              {data.total > PAGE_SIZE && (
                <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })} />
              )}
            </>
          )}
        </QueryState>
      </Stack>
    </Container>
  );
}
