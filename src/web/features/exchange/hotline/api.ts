import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { HotlineAlert, HotlineAlertList, type HotlineListQuery, HotlinePreview, type HotlineRecipientsInput, type HotlineSendInput } from '../../../../contract/hotline';
import { api } from '../../../api/client';

export const hotlineKeys = {
  all: ['hotline'] as const,
  list: (box: HotlineListQuery['box'], open: boolean) => [...hotlineKeys.all, 'list', box, open] as const,
  alert: (id: string) => [...hotlineKeys.all, 'alert', id] as const,
  preview: (input: HotlineRecipientsInput | null) => [...hotlineKeys.all, 'preview', input] as const,
};

export function useHotlineAlerts(box: HotlineListQuery['box'], open = false) {
  return useQuery({
    queryKey: hotlineKeys.list(box, open),
    queryFn: ({ signal }) => api(HotlineAlertList, '/api/hotline/alerts', { query: { box, open: String(open) }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useHotlineAlert(id: string | null) {
  return useQuery({ queryKey: hotlineKeys.alert(id ?? ''), queryFn: ({ signal }) => api(HotlineAlert, `/api/hotline/alerts/${id}`, { signal }), enabled: id !== null });
}

export function useHotlinePreview(input: HotlineRecipientsInput | null) {
  return useQuery({
    queryKey: hotlineKeys.preview(input),
    queryFn: ({ signal }) => api(HotlinePreview, '/api/hotline/recipients', { method: 'POST', body: input, signal }),
    enabled: input !== null,
    retry: false,
    placeholderData: keepPreviousData,
  });
}

export function useSendAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: HotlineSendInput) => api(HotlineAlert, '/api/hotline/alerts', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hotlineKeys.all }),
  });
}

export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, deskId }: { id: string; deskId: string }) => api(HotlineAlert, `/api/hotline/alerts/${id}/acknowledgement`, { method: 'POST', body: { deskId } }),
    onSuccess: (alert) => {
      queryClient.setQueryData(hotlineKeys.alert(alert.id), alert);
      return queryClient.invalidateQueries({ queryKey: hotlineKeys.all });
    },
  });
}

/** Marks an alert seen for the user's receiving desks (the server audits the read). */
export function markAlertSeen(id: string) {
  return api(HotlineAlert, `/api/hotline/alerts/${id}`);
}

/** The address of the live stream: the browser's EventSource resends the last event id itself on reconnect. */
export const HOTLINE_STREAM_URL = '/api/hotline/stream';

export function useInvalidateHotline() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: hotlineKeys.all });
}
