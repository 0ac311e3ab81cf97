import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { registerAuditRoutes } from './audit.routes';
import { createAuditLogService } from './audit.service';

// For the workspace ("my work"): the chain's state and recent denials, scoped like the audit view.
export { listAuditWork } from './audit.work';

/** The audit module's only public face: the auditor's read-only view of the chain. */
export async function registerAuditModule(app: FastifyInstance, deps: AppDeps) {
  const service = createAuditLogService({
    db: deps.db,
    audit: deps.audit,
    clock: deps.clock,
    checkpointPath: deps.checkpointPath,
    checkpointKey: deps.keys.auditCheckpoint,
  });
  registerAuditRoutes(app, service);
}
