import { and, count, eq } from 'drizzle-orm';
import type { AccessChangeView, DeskInput } from '../../../contract/admin';
import type { DeskView } from '../../../contract/directory';
import { AccessDenied } from '../../access/authorize';
import type { Db } from '../../db/client';
import { deskMembers, desks, notifications } from '../../db/schema/core';
import type { AuditService } from '../../platform/audit/audit.service';
import { ConflictProblem, ForbiddenProblem, NotFoundProblem } from '../../platform/http/errors';
import { economyExists, findDesk, loadDeskViews } from '../directory';
import { type AdminContext, diff } from './admin.context';
import { fieldProblem, translateDbError } from './admin.errors';
import { isSelf } from './admin.policy';
import { SELF_CHANGE_REFUSED } from './access-changes.policy';
import { proposeAccessChange } from './access-changes.service';
import { findAccount } from './users.queries';
import type { SessionCache } from '../../platform/auth/session-cache';

type CreateInput = { economy: string; area: DeskInput['area']; name: string; email?: string | null };
type UpdateInput = { name?: string; email?: string | null };

async function requireDesk(tx: Db, id: string) {
  const desk = await findDesk(tx, id);
  if (!desk) throw new NotFoundProblem();
  return desk;
}

async function deskView(tx: Db, context: AdminContext, id: string): Promise<DeskView> {
  const [view] = await loadDeskViews(tx, context.actor, { ids: [id] });
  return view!;
}

export function createDeskService(deps: { db: Db; audit: AuditService; clock: () => Date; sessionCache: SessionCache }) {
  const audit = deps.audit;
  return {
    create: (context: AdminContext, input: CreateInput): Promise<DeskView> =>
      audit
        .command(async (tx) => {
          if (!(await economyExists(tx, input.economy))) throw fieldProblem('economy', `Unknown economy ${input.economy}.`);
          const [existing] = await tx
            .select({ id: desks.id })
            .from(desks)
            .where(and(eq(desks.economyCode, input.economy), eq(desks.area, input.area)))
            .limit(1);
          if (existing) throw new ConflictProblem(`${input.economy} already has a desk for ${input.area}.`);
          const [row] = await tx
            .insert(desks)
            .values({ economyCode: input.economy, area: input.area, name: input.name, email: input.email ?? null })
            .returning({ id: desks.id });
          await audit.append(tx, context, {
            action: 'admin.desk.create',
            recordType: 'desk',
            recordId: row!.id,
            details: { economy: input.economy, area: input.area, name: input.name, email: input.email ?? null },
          });
          return deskView(tx, context, row!.id);
        })
        .catch(translateDbError),

    update: (context: AdminContext, id: string, patch: UpdateInput): Promise<DeskView> =>
      audit
        .command(async (tx) => {
          const before = await requireDesk(tx, id);
          const changes = diff({ name: before.name, email: before.email }, patch);
          if (Object.keys(changes).length === 0) return deskView(tx, context, id);
          await tx.update(desks).set({ name: patch.name, email: patch.email }).where(eq(desks.id, id));
          await audit.append(tx, context, { action: 'admin.desk.update', recordType: 'desk', recordId: id, details: { changes } });
          return deskView(tx, context, id);
        })
        .catch(translateDbError),

    /** A desk with members or a history of notifications is kept: its trail must not vanish. */
    remove: (context: AdminContext, id: string): Promise<void> =>
      audit
        .command(async (tx) => {
          const before = await requireDesk(tx, id);
          const [members] = await tx.select({ total: count() }).from(deskMembers).where(eq(deskMembers.deskId, id));
          if ((members?.total ?? 0) > 0) throw new ConflictProblem('The desk still has members; remove them first.');
          const [history] = await tx.select({ total: count() }).from(notifications).where(eq(notifications.deskId, id));
          if ((history?.total ?? 0) > 0) throw new ConflictProblem('The desk has received notifications; it is kept for its history.');
          await tx.delete(desks).where(eq(desks.id, id));
          await audit.append(tx, context, {
            action: 'admin.desk.delete',
            recordType: 'desk',
            recordId: id,
            details: { economy: before.economyCode, area: before.area, name: before.name },
          });
        })
        .catch(translateDbError),

    /**
     * Only a user whose organisation belongs to the desk's economy may staff it. A seat opens the
     * desk's traffic to the user, so it waits for a second administrator; nobody seats themselves.
     */
    addMember: (context: AdminContext, id: string, userId: string): Promise<AccessChangeView> =>
      audit
        .command(async (tx) => {
          const desk = await requireDesk(tx, id);
          const account = await findAccount(tx, userId);
          if (!account) throw fieldProblem('userId', 'Unknown user.');
          if (isSelf(context.actor, { id: userId })) throw new AccessDenied('admin.desk.manage', new ForbiddenProblem(SELF_CHANGE_REFUSED), 'desk', id);
          if (account.user.disabledAt) throw fieldProblem('userId', 'The user is disabled.');
          if (account.organisation.economy !== desk.economyCode) {
            throw fieldProblem('userId', `The user belongs to ${account.organisation.economy}; only users of ${desk.economyCode} may staff this desk.`);
          }
          const [already] = await tx
            .select({ userId: deskMembers.userId })
            .from(deskMembers)
            .where(and(eq(deskMembers.deskId, id), eq(deskMembers.userId, userId)));
          if (already) throw new ConflictProblem('The user is already a member of this desk.');
          return proposeAccessChange(
            tx,
            audit,
            context,
            {
              kind: 'desk_member',
              recordType: 'desk',
              recordId: id,
              memberUserId: userId,
              changes: { member: { from: null, to: userId } },
              economies: [desk.economyCode],
              beneficiaryUserIds: [userId],
            },
            deps.clock(),
          );
        })
        .catch(translateDbError),

    removeMember: (context: AdminContext, id: string, userId: string): Promise<DeskView> =>
      audit.command(async (tx) => {
        await requireDesk(tx, id);
        if (isSelf(context.actor, { id: userId })) throw new AccessDenied('admin.desk.manage', new ForbiddenProblem(SELF_CHANGE_REFUSED), 'desk', id);
        const removed = await tx
          .delete(deskMembers)
          .where(and(eq(deskMembers.deskId, id), eq(deskMembers.userId, userId)))
          .returning({ userId: deskMembers.userId });
        if (removed.length === 0) throw new NotFoundProblem('The user is not a member of this desk.');
        await deps.sessionCache.publish(tx, { userId });
        await audit.append(tx, context, { action: 'admin.desk.remove_member', recordType: 'desk', recordId: id, details: { userId } });
        return deskView(tx, context, id);
      }),
  };
}
