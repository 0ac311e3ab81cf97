import type { AuditEventQuery, AuditVerifyResult } from '../../../contract/audit';
import type { Actor } from '../../access/actor';
import { authorize } from '../../access/authorize';
import type { Db } from '../../db/client';
import type { AuditService } from '../../platform/audit/audit.service';
import { verifyAuditChain } from '../../platform/audit/verify';
import { NotFoundProblem } from '../../platform/http/errors';
import { auditEventsCsv } from './audit.csv';
import { exportAuditEvents, findAuditEvent, listAuditEvents } from './audit.queries';
import { loadRecordTitles } from './audit.titles';
import { presentAuditEventDetail, presentAuditEventSummary } from './audit.presenter';

interface Caller {
  actor: Actor;
  ip?: string | null;
}

export type AuditLogService = ReturnType<typeof createAuditLogService>;

const titleOf = (titles: Map<string, string>, row: { recordType: string | null; recordId: string | null }) =>
  row.recordType && row.recordId ? (titles.get(`${row.recordType}:${row.recordId.toLowerCase()}`) ?? null) : null;

/**
 * Reading the audit log, scoped to what the reader may see (`access/audit-scope.ts`): events
 * about another economy's marked records are masked or left out. Every read is itself written
 * to the chain (`audit.events.read`, `audit.chain.verify`) before the answer leaves, so an
 * auditor's look is on record too.
 */
export function createAuditLogService(deps: { db: Db; audit: AuditService; clock: () => Date; checkpointPath: string | null; checkpointKey: Buffer }) {
  return {
    async list(caller: Caller, query: AuditEventQuery) {
      authorize(caller.actor, 'audit.read');
      const { rows, total } = await listAuditEvents(deps.db, caller.actor, query);
      const { page, pageSize, ...filters } = query;
      // Filter names only: a value (a record id) or a total could tell another reader of events it may not see.
      await deps.audit.record(caller, { action: 'audit.events.read', details: { filters: Object.keys(filters).sort(), page, pageSize } });
      const titles = await loadRecordTitles(deps.db, { actor: caller.actor, now: deps.clock() }, rows.filter((row) => !row.masked));
      return { items: rows.map((row) => presentAuditEventSummary(row, row.masked, titleOf(titles, row))), total, page, pageSize };
    },

    /** The filtered events as CSV; the export is itself an audited event (filter names only). */
    async exportCsv(caller: Caller, filters: Omit<AuditEventQuery, 'page' | 'pageSize'>): Promise<string> {
      authorize(caller.actor, 'audit.export');
      const { rows, truncated } = await exportAuditEvents(deps.db, caller.actor, filters);
      await deps.audit.record(caller, { action: 'audit.events.export', details: { filters: Object.keys(filters).sort(), format: 'csv' } });
      const titles = await loadRecordTitles(deps.db, { actor: caller.actor, now: deps.clock() }, rows.filter((row) => !row.masked));
      return auditEventsCsv(rows.map((row) => presentAuditEventSummary(row, row.masked, titleOf(titles, row))), truncated);
    },

    async get(caller: Caller, id: string) {
      authorize(caller.actor, 'audit.read');
      let found = await findAuditEvent(deps.db, caller.actor, id);
      // A just-written event may still wait for the sequencer: seal it, so it shows its hash.
      if (found?.event.hash === null) {
        await deps.audit.sealNow();
        found = await findAuditEvent(deps.db, caller.actor, id);
      }
      if (!found) throw new NotFoundProblem();
      const { hash } = found.event;
      if (hash === null) throw new Error('audit event is still unsealed after sealing');
      const { subjectEconomy, subjectReleasedTo } = found.event;
      // Reading an event about a marked record is scoped like that event.
      const subject = subjectEconomy === null ? null : { economy: subjectEconomy, releasedTo: subjectReleasedTo ?? [] };
      await deps.audit.record(caller, { action: 'audit.events.read', recordType: 'audit_event', recordId: id, subject });
      const titles = found.masked ? new Map<string, string>() : await loadRecordTitles(deps.db, { actor: caller.actor, now: deps.clock() }, [found.event]);
      return presentAuditEventDetail({ ...found.event, hash }, found.masked, titleOf(titles, found.event));
    },

    async verify(caller: Caller): Promise<AuditVerifyResult> {
      authorize(caller.actor, 'audit.read');
      const result = await verifyAuditChain(deps.db, { checkpointPath: deps.checkpointPath, checkpointKey: deps.checkpointKey });
      const verifiedAt = deps.clock().toISOString();
      await deps.audit.record(caller, {
        action: 'audit.chain.verify',
        outcome: result.ok ? 'success' : 'failure',
        // No counts or positions of an intact chain (they count events other readers may not see); a break is named in full.
        details: result.ok ? {} : { brokenSeq: result.brokenSeq, brokenId: result.brokenId, reason: result.reason },
      });
      return result.ok
        ? { ok: true, checkpointWrittenAt: result.checkpoint?.writtenAt ?? null, verifiedAt }
        : { ok: false, brokenId: result.brokenId, atCheckpoint: result.brokenSeq === null && !result.staleTail, reason: result.reason, verifiedAt };
    },
  };
}
