import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Marking } from '../../../contract/core';
import {
  type AlertCreateInput,
  type AlertListQuery,
  AlertPage,
  AlertView,
  type HitDecisionInput,
  HitPage,
  type HitReportInput,
  HitView,
  type ImportInput,
  ImportReport,
  MarkingOptions,
  type ObjectScreenInput,
  type PersonScreenInput,
  PhotoAdded,
  Recipients,
  ScreenResult,
} from '../../../contract/wanted';
import { api } from '../../api/client';

export const wantedKeys = {
  all: ['wanted'] as const,
  alerts: (query: Partial<AlertListQuery>) => [...wantedKeys.all, 'alerts', query] as const,
  alert: (id: string) => [...wantedKeys.all, 'alert', id] as const,
  alertHits: (id: string) => [...wantedKeys.all, 'alert-hits', id] as const,
  hits: (status: string | undefined, page: number) => [...wantedKeys.all, 'hits', status, page] as const,
  hit: (id: string) => [...wantedKeys.all, 'hit', id] as const,
  options: ['wanted', 'marking-options'] as const,
  recipients: (marking: Marking) => [...wantedKeys.all, 'recipients', marking] as const,
};

export function useAlerts(query: Partial<AlertListQuery>) {
  return useQuery({
    queryKey: wantedKeys.alerts(query),
    queryFn: ({ signal }) => api(AlertPage, '/api/wanted/alerts', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAlert(id: string) {
  return useQuery({ queryKey: wantedKeys.alert(id), queryFn: ({ signal }) => api(AlertView, `/api/wanted/alerts/${id}`, { signal }) });
}

export function useAlertHits(id: string, enabled: boolean) {
  return useQuery({ queryKey: wantedKeys.alertHits(id), queryFn: ({ signal }) => api(HitPage, `/api/wanted/alerts/${id}/hits`, { signal }), enabled });
}

export function useMarkingOptions(enabled = true) {
  return useQuery({ queryKey: wantedKeys.options, queryFn: ({ signal }) => api(MarkingOptions, '/api/wanted/marking-options', { signal }), enabled, staleTime: 60_000 });
}

/** Exactly who a marking reaches, asked of the server as the marking changes. */
export function useRecipients(marking: Marking) {
  return useQuery({
    queryKey: wantedKeys.recipients(marking),
    queryFn: ({ signal }) => api(Recipients, '/api/wanted/recipients', { method: 'POST', body: { marking }, signal }),
    retry: false,
    placeholderData: keepPreviousData,
  });
}

export function useCreateAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AlertCreateInput) => api(AlertView, '/api/wanted/alerts', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wantedKeys.all }),
  });
}

export function useAlertAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: { kind: 'extend'; validUntil: string } | { kind: 'withdraw'; reason: string }) =>
      action.kind === 'extend'
        ? api(AlertView, `/api/wanted/alerts/${id}/extend`, { method: 'POST', body: { validUntil: action.validUntil } })
        : api(AlertView, `/api/wanted/alerts/${id}/withdraw`, { method: 'POST', body: { reason: action.reason } }),
    onSuccess: (view) => {
      queryClient.setQueryData(wantedKeys.alert(id), view);
      return queryClient.invalidateQueries({ queryKey: [...wantedKeys.all, 'alerts'] });
    },
  });
}

export function useAddPhoto(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api(PhotoAdded, `/api/wanted/alerts/${id}/photos`, { method: 'POST', body: form });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wantedKeys.alert(id) }),
  });
}

export function useScreenPerson() {
  return useMutation({ mutationFn: (input: PersonScreenInput) => api(ScreenResult, '/api/wanted/screen/person', { method: 'POST', body: input }) });
}

export function useScreenObject() {
  return useMutation({ mutationFn: (input: ObjectScreenInput) => api(ScreenResult, '/api/wanted/screen/object', { method: 'POST', body: input }) });
}

export function useHits(status: string | undefined, page: number) {
  return useQuery({
    queryKey: wantedKeys.hits(status, page),
    queryFn: ({ signal }) => api(HitPage, '/api/wanted/hits', { query: { status, page }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useHit(id: string) {
  return useQuery({ queryKey: wantedKeys.hit(id), queryFn: ({ signal }) => api(HitView, `/api/wanted/hits/${id}`, { signal }) });
}

export function useDecideHit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: HitDecisionInput) => api(HitView, `/api/wanted/hits/${id}/decision`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wantedKeys.all }),
  });
}

export function useReportHit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: HitReportInput) => api(HitView, `/api/wanted/hits/${id}/report`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wantedKeys.all }),
  });
}

export function useImportAlerts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportInput) => api(ImportReport, '/api/wanted/alerts/import', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wantedKeys.all }),
  });
}
