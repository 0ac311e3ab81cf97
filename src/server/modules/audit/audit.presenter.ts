import type { AuditEventDetail, AuditEventSummary } from '../../../contract/audit';
import type { AuditEventRow } from '../../db/schema/core';

type SummaryRow = Pick<
  AuditEventRow,
  'seq' | 'id' | 'occurredAt' | 'actorUserId' | 'actorLabel' | 'actorEconomy' | 'action' | 'recordType' | 'recordId' | 'outcome'
>;

export function presentAuditEventSummary(row: SummaryRow): AuditEventSummary {
  return {
    seq: row.seq,
    id: row.id,
    occurredAt: new Date(row.occurredAt).toISOString(),
    actorUserId: row.actorUserId,
    actorLabel: row.actorLabel,
    actorEconomy: row.actorEconomy,
    action: row.action,
    recordType: row.recordType,
    recordId: row.recordId,
    outcome: row.outcome,
  };
}

export function presentAuditEventDetail(row: AuditEventRow): AuditEventDetail {
  return { ...presentAuditEventSummary(row), ip: row.ip, details: row.details ?? {}, prevHash: row.prevHash, hash: row.hash };
}
