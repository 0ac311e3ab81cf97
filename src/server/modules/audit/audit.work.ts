import type { Actor } from '../../access/actor';
import { can } from '../../access/policy';
import type { Db } from '../../db/client';
import type { AuditService } from '../../platform/audit/audit.service';
import { createAuditLogService } from './audit.service';

/**
 * The chain's state (the same walk as "verify", audited as one) and the latest denied
 * requests, through the audit view's own scope: events the auditor may not see are not counted.
 */
export async function listAuditWork(deps: { db: Db; audit: AuditService; clock: () => Date; checkpointPath: string | null; checkpointKey: Buffer }, caller: { actor: Actor; ip?: string | null }, pageSize: number) {
  if (!can(caller.actor, 'audit.read')) return null;
  const service = createAuditLogService(deps);
  const chain = await service.verify(caller);
  const denials = await service.list(caller, { outcome: 'denied', page: 1, pageSize });
  return { chain, denials };
}
