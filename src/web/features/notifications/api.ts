import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MarkAllReadResult, NotificationPage, NotificationView } from '../../../contract/notifications';
import { api } from '../../api/client';

export const POLL_INTERVAL_MS = 30_000;

export const notificationKeys = {
  all: ['notifications'] as const,
  page: (page: number, pageSize: number, unreadOnly: boolean) => [...notificationKeys.all, page, pageSize, unreadOnly] as const,
};

/** The user's and their desks' notifications, refreshed every 30 seconds while enabled. */
export function useNotifications(page: number, pageSize: number, options: { unreadOnly?: boolean; enabled?: boolean } = {}) {
  const unreadOnly = options.unreadOnly ?? false;
  return useQuery({
    queryKey: notificationKeys.page(page, pageSize, unreadOnly),
    queryFn: ({ signal }) => api(NotificationPage, '/api/notifications', { query: { page, pageSize, unread: unreadOnly ? 'true' : undefined }, signal }),
    refetchInterval: POLL_INTERVAL_MS,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(NotificationView, `/api/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(MarkAllReadResult, '/api/notifications/read-all', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
