import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CaseImportInput, ImportPreview, ImportResult } from '../../../../contract/cases-interop';
import { api } from '../../../api/client';
import { caseKeys } from '../api';

/** Where the browser downloads a case's export; `entityIds` limits it to a graph selection. */
export function exportUrl(caseId: string, format: 'stix' | 'misp', entityIds: string[] = []) {
  const query = new URLSearchParams(entityIds.map((id) => ['entity', id]));
  return `/api/cases/${caseId}/export/${format}${entityIds.length ? `?${query.toString()}` : ''}`;
}

export const useImportPreview = (caseId: string) => useMutation({ mutationFn: (input: CaseImportInput) => api(ImportPreview, `/api/cases/${caseId}/import/preview`, { method: 'POST', body: input }) });

export function useImportCommit(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CaseImportInput) => api(ImportResult, `/api/cases/${caseId}/import`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
}
