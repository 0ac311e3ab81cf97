import { sql } from 'drizzle-orm';
import type { WorkflowStatus, WorkflowType } from '../../../contract/portal';
import type { Actor } from '../../access/actor';
import type { Db } from '../../db/client';
import type { AuditService } from '../../platform/audit/audit.service';
import { ConflictProblem, NotFoundProblem } from '../../platform/http/errors';
import { canEdit } from './portal.policy';
import { type WorkflowRow, loadWorkflowRow } from './workflow.service';

/** The narrow dependencies of the portal's services. */
export interface PortalServiceDeps {
  db: Db;
  audit: AuditService;
  clock: () => Date;
}

export interface WriteContext {
  actor: Actor;
  ip?: string;
}

/** Loads an item for an edit inside the transaction (locked) and checks that it may be edited. */
export async function assertEditable(tx: Db, context: WriteContext, type: WorkflowType, id: string): Promise<WorkflowRow> {
  const table = { articles: 'portal_articles', documents: 'portal_documents', events: 'portal_events', indicators: 'portal_indicators' }[type];
  await tx.execute(sql`select id from ${sql.raw(table)} where id = ${id} for update`);
  const row = await loadWorkflowRow(tx, type, id);
  if (!row) throw new NotFoundProblem();
  if (!canEdit(context.actor, { status: row.status, submittedBy: row.submitted_by })) {
    throw new ConflictProblem(`An ${row.status} item cannot be edited; restore it to draft first.`);
  }
  return row;
}

/** An edit of an item in review sends it back to draft (the reviewer must see the new text). */
export async function demoteFromReview(tx: Db, table: string, id: string, status: WorkflowStatus): Promise<WorkflowStatus> {
  if (status !== 'in_review') return status;
  await tx.execute(sql`update ${sql.raw(table)} set status = 'draft', submitted_by = null where id = ${id}`);
  return 'draft';
}
