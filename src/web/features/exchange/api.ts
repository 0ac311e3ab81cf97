import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ComposeOptions,
  type ForwardInput,
  type ItemCreateInput,
  type ItemListQuery,
  ItemPage,
  type ReasonInput,
  RecipientPreview,
  type RecipientsPreviewInput,
  type ReplyInput,
  ThreadView,
  type TransitionInput,
} from '../../../contract/exchange';
import type { RouteAnswerInput, RouteDecisionInput } from '../../../contract/exchange-routing';
import { api } from '../../api/client';

export const exchangeKeys = {
  all: ['exchange'] as const,
  items: (query: Partial<ItemListQuery>) => [...exchangeKeys.all, 'items', query] as const,
  thread: (id: string) => [...exchangeKeys.all, 'thread', id] as const,
  options: ['exchange', 'compose-options'] as const,
  preview: (input: RecipientsPreviewInput | null) => [...exchangeKeys.all, 'preview', input] as const,
};

export function useItems(query: Partial<ItemListQuery>) {
  return useQuery({ queryKey: exchangeKeys.items(query), queryFn: ({ signal }) => api(ItemPage, '/api/exchange/items', { query, signal }), placeholderData: keepPreviousData });
}

export function useThread(id: string) {
  return useQuery({ queryKey: exchangeKeys.thread(id), queryFn: ({ signal }) => api(ThreadView, `/api/exchange/items/${id}`, { signal }) });
}

export function useComposeOptions(enabled = true) {
  return useQuery({ queryKey: exchangeKeys.options, queryFn: ({ signal }) => api(ComposeOptions, '/api/exchange/compose-options', { signal }), enabled, staleTime: 60_000 });
}

/** Exactly who would read the item, asked of the server as the form changes. */
export function usePreview(input: RecipientsPreviewInput | null) {
  return useQuery({
    queryKey: exchangeKeys.preview(input),
    queryFn: ({ signal }) => api(RecipientPreview, '/api/exchange/recipients', { method: 'POST', body: input, signal }),
    enabled: input !== null,
    retry: false,
    placeholderData: keepPreviousData,
  });
}

function useThreadMutation<TInput>(call: (input: TInput) => Promise<ThreadView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      queryClient.setQueryData(exchangeKeys.thread(view.item.id), view);
      return queryClient.invalidateQueries({ queryKey: exchangeKeys.all });
    },
  });
}

const post = <T,>(path: string, body: T) => api(ThreadView, path, { method: 'POST', body });

export const useCreateItem = () => useThreadMutation((input: ItemCreateInput) => post('/api/exchange/items', input));
export const useReply = (id: string) => useThreadMutation((input: ReplyInput) => post(`/api/exchange/items/${id}/replies`, input));
export const useForward = (id: string) => useThreadMutation((input: ForwardInput) => post(`/api/exchange/items/${id}/forwards`, input));
export const useTransition = (id: string) => useThreadMutation((input: TransitionInput) => post(`/api/exchange/items/${id}/transitions`, input));
export const useApprove = (id: string) => useThreadMutation(() => post(`/api/exchange/items/${id}/approval`, {}));
export const useReturn = (id: string) => useThreadMutation((input: ReasonInput) => post(`/api/exchange/items/${id}/return`, input));
export const useRetract = (id: string) => useThreadMutation((input: ReasonInput) => post(`/api/exchange/items/${id}/retraction`, input));
export const useAcknowledge = (id: string) => useThreadMutation(() => post(`/api/exchange/items/${id}/acknowledgement`, {}));
export const useRouteDecision = (id: string) => useThreadMutation((input: Partial<RouteDecisionInput> & Pick<RouteDecisionInput, 'decision'>) => post(`/api/exchange/items/${id}/routing`, input));
export const useRouteAnswer = (id: string) => useThreadMutation((input: RouteAnswerInput) => post(`/api/exchange/items/${id}/routing/answer`, input));
