import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { SavedSearch, type SavedSearchInput, SavedSearchList, type SavedSearchUpdateInput, UnsubscribeResult, WorkView } from '../../../contract/workspace';
import { api } from '../../api/client';

export const workspaceKeys = {
  work: ['work'] as const,
  savedSearches: ['work', 'saved-searches'] as const,
};

/** "My work": the sections of the signed-in user's own work. */
export function useWork() {
  return useQuery({ queryKey: workspaceKeys.work, queryFn: ({ signal }) => api(WorkView, '/api/work', { signal }), staleTime: 15_000 });
}

export function useSavedSearches(enabled = true) {
  return useQuery({ queryKey: workspaceKeys.savedSearches, queryFn: ({ signal }) => api(SavedSearchList, '/api/portal/me/saved-searches', { signal }), enabled });
}

function useInvalidateWork() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: workspaceKeys.work });
}

export function useCreateSavedSearch() {
  const invalidate = useInvalidateWork();
  return useMutation({ mutationFn: (input: SavedSearchInput) => api(SavedSearch, '/api/portal/me/saved-searches', { method: 'POST', body: input }), onSuccess: invalidate });
}

export function useUpdateSavedSearch() {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: SavedSearchUpdateInput }) => api(SavedSearch, `/api/portal/me/saved-searches/${id}`, { method: 'PATCH', body: input }),
    onSuccess: invalidate,
  });
}

export function useDeleteSavedSearch() {
  const invalidate = useInvalidateWork();
  return useMutation({ mutationFn: (id: string) => api(z.undefined(), `/api/portal/me/saved-searches/${id}`, { method: 'DELETE' }), onSuccess: invalidate });
}

export function useUnsubscribe() {
  return useMutation({ mutationFn: (token: string) => api(UnsubscribeResult, '/api/portal/unsubscribe', { method: 'POST', body: { token } }) });
}
