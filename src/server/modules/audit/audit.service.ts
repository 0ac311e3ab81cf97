import type { AuditEventQuery, AuditVerifyResult } from '../../../contract/audit';
import type { Actor } from '../../access/actor';
import { authorize } from '../../access/authorize';
import type { Db } from '../../db/client';
import type { AuditService } from '../../platform/audit/audit.service';
import { verifyAuditChain } from '../../platform/audit/verify';
import { NotFoundProblem } from '../../platform/http/errors';
import { findAuditEvent, listAuditEvents } from './audit.queries';
import { presentAuditEventDetail, presentAuditEventSummary } from './audit.presenter';

interface Caller {
  actor: Actor;
  ip?: string | null;
}

export type AuditLogService = ReturnType<typeof createAuditLogService>;

/**
 * Reading the audit log. Every read is itself written to the chain (`audit.events.read`,
 * `audit.chain.verify`) before the answer leaves, so an auditor's look is on record too.
 */
export function createAuditLogService(deps: { db: Db; audit: AuditService; clock: () => Date; checkpointPath: string | null; checkpointKey: Buffer }) {
  return {
    async list(caller: Caller, query: AuditEventQuery) {
      authorize(caller.actor, 'audit.read');
      const { rows, total } = await listAuditEvents(deps.db, query);
      const { page, pageSize, ...filters } = query;
      await deps.audit.record(caller, { action: 'audit.events.read', details: { filters, page, pageSize, returned: rows.length, total } });
      return { items: rows.map(presentAuditEventSummary), total, page, pageSize };
    },

    async get(caller: Caller, seq: number) {
      authorize(caller.actor, 'audit.read');
      const row = await findAuditEvent(deps.db, seq);
      if (!row) throw new NotFoundProblem();
      await deps.audit.record(caller, { action: 'audit.events.read', recordType: 'audit_event', recordId: String(seq) });
      return presentAuditEventDetail(row);
    },

    async verify(caller: Caller): Promise<AuditVerifyResult> {
      authorize(caller.actor, 'audit.read');
      const result = await verifyAuditChain(deps.db, { checkpointPath: deps.checkpointPath, checkpointKey: deps.checkpointKey });
      const verifiedAt = deps.clock().toISOString();
      await deps.audit.record(caller, {
        action: 'audit.chain.verify',
        outcome: result.ok ? 'success' : 'failure',
        details: result.ok
          ? { events: result.events, headSeq: result.headSeq, checkpointSeq: result.checkpoint?.seq ?? null }
          : { events: result.events, brokenSeq: result.brokenSeq, reason: result.reason },
      });
      return { ...result, verifiedAt };
    },
  };
}
