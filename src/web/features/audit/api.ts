import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { AuditEventDetail, AuditEventPage, type AuditEventQuery, type AuditOutcome, AuditVerifyResult } from '../../../contract/audit';
import { api } from '../../api/client';

/** The audit log's filters as the URL and the API both spell them. */
export interface AuditFilters {
  user?: string;
  action?: string;
  recordType?: string;
  recordId?: string;
  outcome?: AuditOutcome;
  from?: string;
  to?: string;
}

export const auditKeys = {
  all: ['audit'] as const,
  events: (filters: AuditFilters, page: number, pageSize: number) => [...auditKeys.all, 'events', filters, page, pageSize] as const,
  event: (id: string) => [...auditKeys.all, 'event', id] as const,
};

export function useAuditEvents(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: auditKeys.events(filters, page, pageSize),
    queryFn: ({ signal }) => api(AuditEventPage, '/api/audit/events', { query: { ...filters, page, pageSize } satisfies Partial<AuditEventQuery>, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAuditEvent(id: string | null) {
  return useQuery({
    queryKey: auditKeys.event(id ?? ''),
    queryFn: ({ signal }) => api(AuditEventDetail, `/api/audit/events/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

/** The CSV export of the filtered events: a download link, the same filters as the list (the export is audited). */
export function auditCsvUrl(filters: AuditFilters): string {
  const params = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
  const text = params.toString();
  return text ? `/api/audit/events.csv?${text}` : '/api/audit/events.csv';
}

/** Walks the whole chain on the server; run on demand, never cached. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api(AuditVerifyResult, '/api/audit/verify') });
}
