import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiKeyCreated, type ApiKeyCreateInput, ApiKeyPage, ApiKeyView } from '../../../contract/api-keys';
import { api } from '../../api/client';

type StatusFilter = ApiKeyView['status'] | undefined;

export const apiKeyKeys = {
  all: ['admin', 'api-keys'] as const,
  list: (status: StatusFilter, page: number) => ['admin', 'api-keys', status ?? 'all', page] as const,
};

export function useApiKeys(status: StatusFilter, page: number, pageSize = 25) {
  return useQuery({
    queryKey: apiKeyKeys.list(status, page),
    queryFn: ({ signal }) => api(ApiKeyPage, '/api/admin/api-keys', { query: { status, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

function useKeyMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }) });
}

export const useCreateApiKey = () => useKeyMutation((body: ApiKeyCreateInput) => api(ApiKeyCreated, '/api/admin/api-keys', { method: 'POST', body }));
export const useApproveApiKey = () => useKeyMutation((id: string) => api(ApiKeyView, `/api/admin/api-keys/${id}/approve`, { method: 'POST' }));
export const useRevokeApiKey = () =>
  useKeyMutation(({ id, reason }: { id: string; reason: string }) => api(ApiKeyView, `/api/admin/api-keys/${id}/revoke`, { method: 'POST', body: { reason } }));
