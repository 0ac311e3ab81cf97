import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Attachment,
  AttachmentList,
  CrossCheck,
  FollowUpCreated,
  type FollowUpDecisionInput,
  type FollowUpInput,
  FollowUpView,
  ItemSubjects,
} from '../../../contract/exchange-casework';
import type { HitReportInput } from '../../../contract/wanted';
import { ApiError, api } from '../../api/client';
import { exchangeKeys } from './api';

const keys = {
  attachments: (itemId: string) => [...exchangeKeys.all, 'attachments', itemId] as const,
  followUp: (itemId: string) => [...exchangeKeys.all, 'follow-up', itemId] as const,
  subjects: (itemId: string) => [...exchangeKeys.all, 'subjects', itemId] as const,
};

/** Where a file of an item is downloaded (a plain link: the browser streams it). */
export const attachmentUrl = (itemId: string, attachmentId: string) => `/api/exchange/items/${itemId}/attachments/${attachmentId}`;
/** The thread PDF, its labels in the UI language (the server falls back to English for another). */
export const threadPdfUrl = (itemId: string, language: string) =>
  `/api/exchange/items/${itemId}/export.pdf?lang=${encodeURIComponent(['en', 'sr-Latn', 'sr-Cyrl', 'sq', 'mk'].includes(language) ? language : 'en')}`;

export function useAttachments(itemId: string) {
  return useQuery({ queryKey: keys.attachments(itemId), queryFn: ({ signal }) => api(AttachmentList, `/api/exchange/items/${itemId}/attachments`, { signal }) });
}

export function useUploadAttachment() {
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api(Attachment, '/api/exchange/attachments', { method: 'POST', body });
    },
  });
}

/** The follow-up of a hit; a thread that is none (or a hit the user may not see) answers 404, shown as nothing. */
export function useFollowUp(itemId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.followUp(itemId),
    queryFn: ({ signal }) => api(FollowUpView, `/api/exchange/items/${itemId}/follow-up`, { signal }),
    enabled,
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });
}

function useFollowUpMutation<TInput>(itemId: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) => api(FollowUpView, `/api/exchange/items/${itemId}/follow-up/${path}`, { method: 'POST', body: input ?? {} }),
    onSuccess: (view) => {
      queryClient.setQueryData(keys.followUp(itemId), view);
      return queryClient.invalidateQueries({ queryKey: exchangeKeys.thread(itemId) });
    },
  });
}

export const useFollowUpReport = (itemId: string) => useFollowUpMutation<HitReportInput>(itemId, 'report');
export const useFollowUpDecision = (itemId: string) => useFollowUpMutation<FollowUpDecisionInput>(itemId, 'decision');
export const useFollowUpRelease = (itemId: string) => useFollowUpMutation<undefined>(itemId, 'release');

export function useOpenFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FollowUpInput) => api(FollowUpCreated, '/api/exchange/hit-follow-ups', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exchangeKeys.all }),
  });
}

export function useItemSubjects(itemId: string) {
  return useQuery({ queryKey: keys.subjects(itemId), queryFn: ({ signal }) => api(ItemSubjects, `/api/exchange/items/${itemId}/subjects`, { signal }) });
}

export function useCrossCheck(itemId: string) {
  return useMutation({ mutationFn: () => api(CrossCheck, `/api/exchange/items/${itemId}/cross-check`, { method: 'POST', body: {} }) });
}
