import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type CaseCreateInput,
  CaseDocument,
  CaseDocumentList,
  type CaseEventInput,
  type CaseListQuery,
  CaseOptions,
  CasePage,
  CaseView,
  CorrelationList,
  Dashboard,
  type DashboardQuery,
  type EntityAddInput,
  type EntityEditInput,
  EntityView,
  FollowUpList,
  FollowUpView,
  GraphView,
  type TeamMemberInput,
} from '../../../contract/cases';
import { api } from '../../api/client';
import type { Marking } from '../../../contract/core';

export const caseKeys = {
  all: ['cases'] as const,
  list: (query: Partial<CaseListQuery>) => [...caseKeys.all, 'list', query] as const,
  one: (id: string) => [...caseKeys.all, 'case', id] as const,
  correlations: (id: string) => [...caseKeys.all, 'correlations', id] as const,
  graph: (id: string, expand: string[]) => [...caseKeys.all, 'graph', id, expand] as const,
  followUps: ['cases', 'follow-ups'] as const,
  options: ['cases', 'options'] as const,
  dashboard: (query: DashboardQuery) => [...caseKeys.all, 'dashboard', query] as const,
  documents: (id: string) => [...caseKeys.all, 'documents', id] as const,
};

export const useCases = (query: Partial<CaseListQuery>) => useQuery({ queryKey: caseKeys.list(query), queryFn: ({ signal }) => api(CasePage, '/api/cases', { query, signal }) });
export const useCase = (id: string) => useQuery({ queryKey: caseKeys.one(id), queryFn: ({ signal }) => api(CaseView, `/api/cases/${id}`, { signal }) });
export const useCaseOptions = (enabled = true) => useQuery({ queryKey: caseKeys.options, queryFn: ({ signal }) => api(CaseOptions, '/api/cases/options', { signal }), enabled, staleTime: 60_000 });
export const useCorrelations = (id: string) => useQuery({ queryKey: caseKeys.correlations(id), queryFn: ({ signal }) => api(CorrelationList, `/api/cases/${id}/correlations`, { signal }) });
export const useFollowUps = () => useQuery({ queryKey: caseKeys.followUps, queryFn: ({ signal }) => api(FollowUpList, '/api/cases/follow-ups', { signal }) });
export const useDashboard = (query: DashboardQuery) => useQuery({ queryKey: caseKeys.dashboard(query), queryFn: ({ signal }) => api(Dashboard, '/api/cases/dashboard', { query, signal }) });
export const dashboardCsvUrl = (query: DashboardQuery) => `/api/cases/dashboard.csv?from=${query.from}&to=${query.to}${query.crimeArea ? `&crimeArea=${query.crimeArea}` : ''}`;

/** The graph of a case, with each expanded entity's hop merged in. */
export function useGraph(id: string, expand: string[]) {
  return useQuery({
    queryKey: caseKeys.graph(id, expand),
    queryFn: async ({ signal }) => {
      const parts = await Promise.all([undefined, ...expand].map((entityId) => api(GraphView, `/api/cases/${id}/graph`, { query: { expand: entityId }, signal })));
      const nodes = new Map(parts.flatMap((part) => part.nodes).map((node) => [node.id, node]));
      const edges = new Map(parts.flatMap((part) => part.edges).map((edge) => [edge.id, edge]));
      return { nodes: [...nodes.values()], edges: [...edges.values()] };
    },
  });
}

function useCaseMutation<TInput, TOutput>(call: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }) });
}

export const useCreateCase = () => useCaseMutation((input: CaseCreateInput) => api(CaseView, '/api/cases', { method: 'POST', body: input }));
export const useAddEntity = (id: string) => useCaseMutation((input: EntityAddInput) => api(EntityView, `/api/cases/${id}/entities`, { method: 'POST', body: input }));
export const useAddTeamMember = (id: string) => useCaseMutation((input: TeamMemberInput) => api(CaseView, `/api/cases/${id}/team`, { method: 'POST', body: input }));
export const useEndMembership = (id: string) => useCaseMutation((memberId: string) => api(z.object({ ended: z.literal(true) }), `/api/cases/${id}/team/${memberId}/end`, { method: 'POST', body: {} }));
export const useAskFollowUp = () => useCaseMutation((input: { correlationId: string; holdingLinkId: string }) => api(FollowUpView, '/api/cases/follow-ups', { method: 'POST', body: input }));
export const useDecideFollowUp = () => useCaseMutation((input: { id: string; decision: 'release' | 'decline' }) => api(FollowUpView, `/api/cases/follow-ups/${input.id}/decision`, { method: 'POST', body: { decision: input.decision } }));
export const useCaseDocuments = (id: string) => useQuery({ queryKey: caseKeys.documents(id), queryFn: ({ signal }) => api(CaseDocumentList, `/api/cases/${id}/documents`, { signal }) });
export const caseDocumentUrl = (caseId: string, documentId: string) => `/api/cases/${caseId}/documents/${documentId}`;
export const useUploadCaseDocument = (id: string) =>
  useCaseMutation((file: File) => {
    const body = new FormData();
    body.append('file', file);
    return api(CaseDocument, `/api/cases/${id}/documents`, { method: 'POST', body });
  });
export const useDeleteCaseDocument = (id: string) => useCaseMutation((documentId: string) => api(z.object({ deleted: z.literal(true) }), `/api/cases/${id}/documents/${documentId}`, { method: 'DELETE' }));
export const useAddEvent = (id: string) => useCaseMutation((input: CaseEventInput) => api(CaseView, `/api/cases/${id}/events`, { method: 'POST', body: input }));
export const useEditEntity = (id: string) => useCaseMutation((input: { entityId: string; body: EntityEditInput }) => api(EntityView, `/api/cases/${id}/entities/${input.entityId}`, { method: 'PATCH', body: input.body }));
export const useNarrowLinkMarking = (id: string) => useCaseMutation((input: { entityId: string; marking: Marking }) => api(EntityView, `/api/cases/${id}/entities/${input.entityId}/marking`, { method: 'PUT', body: { marking: input.marking } }));
export const useUnlinkEntity = (id: string) => useCaseMutation((entityId: string) => api(z.object({ removed: z.literal(true), relationshipsRemoved: z.number() }), `/api/cases/${id}/entities/${entityId}`, { method: 'DELETE' }));
