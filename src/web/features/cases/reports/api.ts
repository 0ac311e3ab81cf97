import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChartInput, type ReportInput, type ReportListQuery, ReportPage, ReportView } from '../../../../contract/cases-reports';
import { api } from '../../../api/client';

export const reportKeys = {
  all: ['cases', 'reports'] as const,
  list: (query: Partial<ReportListQuery>) => [...reportKeys.all, 'list', query] as const,
  one: (id: string) => [...reportKeys.all, 'report', id] as const,
};

export const useReports = (query: Partial<ReportListQuery>) => useQuery({ queryKey: reportKeys.list(query), queryFn: ({ signal }) => api(ReportPage, '/api/cases/reports', { query, signal }) });
export const useReport = (id: string | undefined) => useQuery({ queryKey: reportKeys.one(id ?? ''), queryFn: ({ signal }) => api(ReportView, `/api/cases/reports/${id}`, { signal }), enabled: Boolean(id) });
export const reportPdfUrl = (id: string, lang: string) => `/api/cases/reports/${id}/export.pdf?lang=${encodeURIComponent(lang)}`;

function useReportMutation<TInput>(call: (input: TInput) => Promise<ReportView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      queryClient.setQueryData(reportKeys.one(view.id), view);
      return queryClient.invalidateQueries({ queryKey: [...reportKeys.all, 'list'] });
    },
  });
}

export const useCreateReport = () => useReportMutation((input: ReportInput) => api(ReportView, '/api/cases/reports', { method: 'POST', body: input }));
export const useUpdateReport = (id: string) => useReportMutation((input: ReportInput) => api(ReportView, `/api/cases/reports/${id}`, { method: 'PUT', body: input }));
export const useAddChart = (id: string) => useReportMutation((input: ChartInput) => api(ReportView, `/api/cases/reports/${id}/charts`, { method: 'POST', body: input }));
export const useRemoveChart = (id: string) => useReportMutation((chartId: string) => api(ReportView, `/api/cases/reports/${id}/charts/${chartId}`, { method: 'DELETE' }));
export const useSubmitReport = (id: string) => useReportMutation(() => api(ReportView, `/api/cases/reports/${id}/submission`, { method: 'POST', body: {} }));
export const useApproveReport = (id: string) => useReportMutation((note: string) => api(ReportView, `/api/cases/reports/${id}/approval`, { method: 'POST', body: { note } }));
export const useReturnReport = (id: string) => useReportMutation((note: string) => api(ReportView, `/api/cases/reports/${id}/return`, { method: 'POST', body: { note } }));
