import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Activity, ActivityPage, type ActivitySaveInput, Board, IatiImportReport, type OverlapInput, OverlapList, Rate, type RateInput, RateList, RegistryOptions, ThreeW } from '../../../contract/registry';
import { api } from '../../api/client';

export type Filters = Record<string, string | string[] | undefined>;

export const registryKeys = {
  all: ['registry'] as const,
  list: (scope: 'secure' | 'public', filters: Filters) => ['registry', 'list', scope, filters] as const,
  activity: (scope: 'secure' | 'public', id: string) => ['registry', 'activity', scope, id] as const,
  overlaps: (input: OverlapInput | null) => ['registry', 'overlaps', input] as const,
  threeW: (scope: 'secure' | 'public', filters: Filters) => ['registry', '3w', scope, filters] as const,
};

const base = (scope: 'secure' | 'public') => (scope === 'public' ? '/api/registry/public' : '/api/registry');

export function useActivities(scope: 'secure' | 'public', filters: Filters) {
  return useQuery({ queryKey: registryKeys.list(scope, filters), queryFn: ({ signal }) => api(ActivityPage, `${base(scope)}/activities`, { query: filters, signal }), placeholderData: keepPreviousData });
}

export function useActivity(scope: 'secure' | 'public', id: string) {
  return useQuery({ queryKey: registryKeys.activity(scope, id), queryFn: ({ signal }) => api(Activity, `${base(scope)}/activities/${id}`, { signal }) });
}

export function useRegistryOptions() {
  return useQuery({ queryKey: ['registry', 'options'], queryFn: ({ signal }) => api(RegistryOptions, '/api/registry/options', { signal }), staleTime: 60_000 });
}

/** The overlap check, asked again as the draft changes. */
export function useOverlaps(input: OverlapInput | null) {
  return useQuery({
    queryKey: registryKeys.overlaps(input),
    queryFn: ({ signal }) => api(OverlapList, '/api/registry/overlaps', { method: 'POST', body: input, signal }),
    enabled: input !== null,
    retry: false,
    placeholderData: keepPreviousData,
  });
}

export function useThreeW(scope: 'secure' | 'public', filters: Filters) {
  return useQuery({ queryKey: registryKeys.threeW(scope, filters), queryFn: ({ signal }) => api(ThreeW, `${base(scope)}/3w`, { query: filters, signal }), placeholderData: keepPreviousData });
}

export function useBoard() {
  return useQuery({ queryKey: ['registry', 'board'], queryFn: ({ signal }) => api(Board, '/api/registry/board', { signal }) });
}

export function useRates() {
  return useQuery({ queryKey: ['registry', 'rates'], queryFn: ({ signal }) => api(RateList, '/api/registry/rates', { signal }), staleTime: 60_000 });
}

/** The secretariat sets a year's average rate; EUR totals are recomputed, so every registry view is asked again. */
export function useSetRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ currency, year, ...input }: RateInput & { currency: string; year: number }) => api(Rate, `/api/registry/rates/${encodeURIComponent(currency)}/${year}`, { method: 'PUT', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.all }),
  });
}

export function useSaveActivity(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActivitySaveInput) => api(Activity, id ? `/api/registry/activities/${id}` : '/api/registry/activities', { method: id ? 'PUT' : 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.all }),
  });
}

/** The address of an IATI XML download of the filtered activities. */
export function iatiUrl(scope: 'secure' | 'public', filters: Filters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) for (const item of [value ?? []].flat()) params.append(key, item);
  const text = params.toString();
  return `${base(scope)}/iati.xml${text ? `?${text}` : ''}`;
}

/** Imports an IATI file; every activity taken is new to every registry view. */
export function useImportIati() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (xml: string) => api(IatiImportReport, '/api/registry/import', { method: 'POST', body: { xml } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.all }),
  });
}
