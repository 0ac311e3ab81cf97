import type { AuditEventDetail, AuditEventSummary } from '../../../contract/audit';
import type { AuditEventRow } from '../../db/schema/core';

type SummaryRow = Pick<
  AuditEventRow,
  'id' | 'occurredAt' | 'actorUserId' | 'actorLabel' | 'actorEconomy' | 'action' | 'recordType' | 'recordId' | 'outcome' | 'subjectEconomy'
>;

/** A masked event keeps who, what action, when and the outcome; the record it concerns stays out. */
export function presentAuditEventSummary(row: SummaryRow, masked: boolean, title: string | null = null): AuditEventSummary {
  return {
    id: row.id,
    occurredAt: new Date(row.occurredAt).toISOString(),
    actorUserId: row.actorUserId,
    actorLabel: row.actorLabel,
    actorEconomy: row.actorEconomy,
    action: row.action,
    recordType: masked ? null : row.recordType,
    recordId: masked ? null : row.recordId,
    recordTitle: masked ? null : title,
    outcome: row.outcome,
    masked,
    subjectEconomy: masked ? null : row.subjectEconomy,
  };
}

/** A sealed event: the service seals an event before showing it, so it has its hash. */
export function presentAuditEventDetail(row: AuditEventRow & { hash: string }, masked: boolean, title: string | null = null): AuditEventDetail {
  return {
    ...presentAuditEventSummary(row, masked, title),
    ip: masked ? null : row.ip,
    details: masked ? {} : (row.details ?? {}),
    subjectReleasedTo: masked ? null : row.subjectReleasedTo,
    hash: row.hash,
  };
}
