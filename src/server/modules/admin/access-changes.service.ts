import type { AccessChangeListQuery, AccessChangePage, AccessChangeView } from '../../../contract/admin';
import type { UserActor } from '../../access/actor';
import { AccessDenied } from '../../access/authorize';
import type { Db } from '../../db/client';
import type { AuditService } from '../../platform/audit/audit.service';
import { ConflictProblem, ForbiddenProblem, NotFoundProblem } from '../../platform/http/errors';
import type { AdminContext } from './admin.context';
import type { AccessChangeRow, FieldChange } from './admin.schema';
import { appliers } from './access-changes.apply';
import { accessChangeAbilities, approvalRefusal, rejectionRefusal } from './access-changes.policy';
import { presentAccessChange } from './access-changes.presenter';
import {
  type NewAccessChange,
  countAffectedUsers,
  findAccessChange,
  findPendingFor,
  insertAccessChange,
  isNationalEconomy,
  listAccessChanges,
  loadLabels,
  markDecided,
} from './access-changes.queries';
import type { SessionCache } from '../../platform/auth/session-cache';

export type AccessChangeProposal = Omit<NewAccessChange, 'proposedBy' | 'proposedAt' | 'changes' | 'economies'> & {
  changes: Record<string, FieldChange>;
  economies: (string | undefined)[];
};

async function presentRows(db: Db, actor: UserActor, rows: AccessChangeRow[]): Promise<AccessChangeView[]> {
  const national = await isNationalEconomy(db, actor.economy);
  const ids = { users: new Set<string>(), organisations: new Set<string>(), desks: new Set<string>(), groups: new Set<string>() };
  for (const row of rows) {
    [row.proposedBy, row.decidedBy, row.memberUserId].forEach((id) => id && ids.users.add(id));
    if (row.recordType === 'user') ids.users.add(row.recordId);
    if (row.recordType === 'desk') ids.desks.add(row.recordId);
    if (row.recordType === 'sharing_group') ids.groups.add(row.recordId);
    if (row.recordType === 'organisation') ids.organisations.add(row.recordId);
    for (const [field, { from, to }] of Object.entries(row.changes)) {
      if (field !== 'organisationId' && field !== 'organisationIds') continue;
      [from, to].flat().forEach((id) => typeof id === 'string' && ids.organisations.add(id));
    }
  }
  const labels = await loadLabels(db, { users: [...ids.users], organisations: [...ids.organisations], desks: [...ids.desks], groups: [...ids.groups] });
  return Promise.all(
    rows.map(async (row) => presentAccessChange(row, labels, await countAffectedUsers(db, row), accessChangeAbilities(actor, row, national))),
  );
}

/**
 * Records a widening change as waiting, inside the caller's transaction, and audits the
 * proposal. Only one change per record waits at a time.
 */
export async function proposeAccessChange(tx: Db, audit: AuditService, context: AdminContext, proposal: AccessChangeProposal, now: Date) {
  if (await findPendingFor(tx, proposal.recordType, proposal.recordId, proposal.memberUserId ?? null)) {
    throw new ConflictProblem('A change to this record is already waiting for approval; it must be decided first.');
  }
  const economies = [...new Set(proposal.economies.filter((economy): economy is string => Boolean(economy)))];
  const row = await insertAccessChange(tx, { ...proposal, economies, proposedBy: context.actor.userId, proposedAt: now });
  await audit.append(tx, context, {
    action: 'admin.access_change.propose',
    recordType: 'access_change',
    recordId: row.id,
    details: { kind: row.kind, subjectType: row.recordType, subjectId: row.recordId, memberUserId: row.memberUserId, fields: Object.keys(row.changes) },
  });
  const [view] = await presentRows(tx, context.actor, [row]);
  return view!;
}

export function createAccessChangeService(deps: { db: Db; audit: AuditService; clock: () => Date; sessionCache: SessionCache }) {
  const audit = deps.audit;

  async function requireChange(db: Db, id: string, lock = false) {
    const row = await findAccessChange(db, id, lock);
    if (!row) throw new NotFoundProblem();
    return row;
  }

  /** A decided change answers 409; any other refusal is a denial, answered 403 and written to the audit chain. */
  function refuse(change: AccessChangeRow, refusal: string): never {
    if (change.status !== 'pending') throw new ConflictProblem(refusal);
    throw new AccessDenied('admin.access_change.review', new ForbiddenProblem(refusal), 'access_change', change.id);
  }

  return {
    list: async (actor: UserActor, query: AccessChangeListQuery): Promise<AccessChangePage> => {
      const { rows, total } = await listAccessChanges(deps.db, query);
      return { items: await presentRows(deps.db, actor, rows), total, page: query.page, pageSize: query.pageSize };
    },

    get: async (actor: UserActor, id: string): Promise<AccessChangeView> => {
      const [view] = await presentRows(deps.db, actor, [await requireChange(deps.db, id)]);
      return view!;
    },

    /** Applies the change and records the decision in one transaction, with both administrators in the chain. */
    approve: (context: AdminContext, id: string): Promise<AccessChangeView> =>
      audit.command(async (tx) => {
        const change = await requireChange(tx, id, true);
        const refusal = approvalRefusal(context.actor, change, await isNationalEconomy(tx, context.actor.economy));
        if (refusal) refuse(change, refusal);
        const now = deps.clock();
        const applied = await appliers[change.kind](tx, change, context.actor, now);
        await deps.sessionCache.publish(tx, change.kind === 'user' ? { userId: change.recordId } : change.kind === 'desk_member' && change.memberUserId ? { userId: change.memberUserId } : 'everyone');
        const decided = await markDecided(tx, id, { status: 'approved', decidedBy: context.actor.userId, decidedAt: now, reason: null });
        const fourEyes = { accessChangeId: id, proposedBy: change.proposedBy, approvedBy: context.actor.userId };
        await audit.append(tx, context, { ...applied, details: { ...applied.details, ...fourEyes } });
        await audit.append(tx, context, { action: 'admin.access_change.approve', recordType: 'access_change', recordId: id, details: { kind: change.kind, ...fourEyes } });
        const [view] = await presentRows(tx, context.actor, [decided]);
        return view!;
      }),

    reject: (context: AdminContext, id: string, reason: string): Promise<AccessChangeView> =>
      audit.command(async (tx) => {
        const change = await requireChange(tx, id, true);
        const refusal = rejectionRefusal(context.actor, change, await isNationalEconomy(tx, context.actor.economy));
        if (refusal) refuse(change, refusal);
        const decided = await markDecided(tx, id, { status: 'rejected', decidedBy: context.actor.userId, decidedAt: deps.clock(), reason });
        // The reason stays on the change; the chain keeps who and when, not free text.
        await audit.append(tx, context, {
          action: 'admin.access_change.reject',
          recordType: 'access_change',
          recordId: id,
          details: { kind: change.kind, proposedBy: change.proposedBy, rejectedBy: context.actor.userId, withdrawn: change.proposedBy === context.actor.userId },
        });
        const [view] = await presentRows(tx, context.actor, [decided]);
        return view!;
      }),
  };
}
