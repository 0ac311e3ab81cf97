import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type AlertUpdateInput, AlertView } from '../../../contract/wanted';
import { AlertHistory, type AlertLinkInput, type DuplicateCheckInput, DuplicateCheckResult } from '../../../contract/wanted-alerts';
import { api } from '../../api/client';
import { wantedKeys } from './api';

const historyKey = (id: string) => [...wantedKeys.all, 'alert-history', id] as const;

export function useAlertHistory(id: string) {
  return useQuery({ queryKey: historyKey(id), queryFn: ({ signal }) => api(AlertHistory, `/api/wanted/alerts/${id}/history`, { signal }) });
}

/** After a change the alert, its history and the lists are read again. */
function useAlertMutation<Input>(id: string, request: (input: Input) => Promise<AlertView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (view) => {
      queryClient.setQueryData(wantedKeys.alert(id), view);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: historyKey(id) }),
        queryClient.invalidateQueries({ queryKey: [...wantedKeys.all, 'alerts'] }),
      ]);
    },
  });
}

export function useUpdateAlert(id: string) {
  return useAlertMutation(id, (input: AlertUpdateInput) => api(AlertView, `/api/wanted/alerts/${id}`, { method: 'PATCH', body: input }));
}

export function useLinkAlert(id: string) {
  return useAlertMutation(id, (input: AlertLinkInput) => api(AlertView, `/api/wanted/alerts/${id}/links`, { method: 'POST', body: input }));
}

export function useUnlinkAlert(id: string) {
  return useAlertMutation(id, (linkId: string) => api(AlertView, `/api/wanted/alerts/${id}/links/${linkId}`, { method: 'DELETE' }));
}

export function useDuplicateCheck() {
  return useMutation({ mutationFn: (input: DuplicateCheckInput) => api(DuplicateCheckResult, '/api/wanted/alerts/check', { method: 'POST', body: input }) });
}
