import { and, eq, inArray } from 'drizzle-orm';
import type { Classification, Role } from '../../../contract/core';
import type { UserActor } from '../../access/actor';
import type { Db } from '../../db/client';
import { deskMembers, organisations, sharingGroups, users } from '../../db/schema/core';
import { ConflictProblem } from '../../platform/http/errors';
import { findDesk, findOrganisation } from '../directory';
import { refuseAdministratorLoss } from './admin.policy';
import type { AccessChangeKind, AccessChangeRow } from './admin.schema';
import { refuseDuplicateName, refuseSeatsOutside } from './organisations.checks';
import { countOtherActiveAdministrators, endDeskSeatsOutside, findAccount } from './users.queries';

export const STALE_CHANGE = 'The record changed since this change was proposed; reject it and propose it again.';

/** The event an approved change writes, as if the change had been made directly. */
export interface AppliedChange {
  action: string;
  recordType: string;
  recordId: string;
  details: Record<string, unknown>;
}

type Applier = (tx: Db, change: AccessChangeRow, approver: UserActor, now: Date) => Promise<AppliedChange>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every waiting field must still hold the value it was proposed from. */
function requireUnchanged(change: AccessChangeRow, current: Record<string, unknown>) {
  for (const [field, { from }] of Object.entries(change.changes)) {
    if (!same(current[field], from)) throw new ConflictProblem(STALE_CHANGE);
  }
}

function target<T>(change: AccessChangeRow, field: string): T | undefined {
  return change.changes[field]?.to as T | undefined;
}

const applyUser: Applier = async (tx, change, approver, now) => {
  const account = await findAccount(tx, change.recordId);
  if (!account) throw new ConflictProblem(STALE_CHANGE);
  const { user } = account;
  requireUnchanged(change, { organisationId: user.organisationId, roles: user.roles, clearance: user.clearance });
  const roles = target<Role[]>(change, 'roles');
  const details: Record<string, unknown> = { changes: change.changes };
  if (roles) {
    const subject = { id: user.id, roles: user.roles as Role[], disabled: user.disabledAt !== null };
    const refusal = refuseAdministratorLoss(approver, subject, { roles }, await countOtherActiveAdministrators(tx, user.id));
    if (refusal) throw new ConflictProblem(refusal);
  }
  const organisationId = target<string>(change, 'organisationId');
  if (organisationId) {
    const destination = await findOrganisation(tx, organisationId);
    if (!destination) throw new ConflictProblem(STALE_CHANGE);
    if (destination.economyCode !== account.organisation.economy) details.removedFromDesks = await endDeskSeatsOutside(tx, user.id, destination.economyCode);
  }
  await tx
    .update(users)
    .set({ organisationId, roles, clearance: target<Classification>(change, 'clearance'), updatedAt: now })
    .where(eq(users.id, user.id));
  return { action: 'admin.user.update', recordType: 'user', recordId: user.id, details };
};

const applyDeskMember: Applier = async (tx, change) => {
  const desk = await findDesk(tx, change.recordId);
  const account = change.memberUserId ? await findAccount(tx, change.memberUserId) : null;
  if (!desk || !account || account.user.disabledAt || account.organisation.economy !== desk.economyCode) throw new ConflictProblem(STALE_CHANGE);
  const [already] = await tx
    .select({ userId: deskMembers.userId })
    .from(deskMembers)
    .where(and(eq(deskMembers.deskId, desk.id), eq(deskMembers.userId, account.user.id)));
  if (already) throw new ConflictProblem('The user is already a member of this desk.');
  await tx.insert(deskMembers).values({ deskId: desk.id, userId: account.user.id });
  return { action: 'admin.desk.add_member', recordType: 'desk', recordId: desk.id, details: { userId: account.user.id } };
};

const applySharingGroup: Applier = async (tx, change) => {
  const [group] = await tx.select().from(sharingGroups).where(eq(sharingGroups.id, change.recordId)).limit(1);
  if (!group) throw new ConflictProblem(STALE_CHANGE);
  requireUnchanged(change, { economies: group.economyCodes, organisationIds: group.organisationIds });
  const organisationIds = target<string[]>(change, 'organisationIds');
  if (organisationIds?.length) {
    const known = await tx.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, organisationIds));
    if (known.length !== organisationIds.length) throw new ConflictProblem(STALE_CHANGE);
  }
  await tx
    .update(sharingGroups)
    .set({ economyCodes: target<string[]>(change, 'economies'), organisationIds })
    .where(eq(sharingGroups.id, group.id));
  return { action: 'admin.sharing_group.update', recordType: 'sharing_group', recordId: group.id, details: { changes: change.changes } };
};

const applyOrganisation: Applier = async (tx, change, _approver, now) => {
  const before = await findOrganisation(tx, change.recordId);
  if (!before) throw new ConflictProblem(STALE_CHANGE);
  requireUnchanged(change, { economy: before.economyCode, kind: before.kind });
  const economy = target<string>(change, 'economy');
  if (economy) {
    await refuseDuplicateName(tx, economy, before.name, before.id);
    await refuseSeatsOutside(tx, before.id, economy);
  }
  await tx
    .update(organisations)
    .set({ economyCode: economy, kind: target<string>(change, 'kind'), updatedAt: now })
    .where(eq(organisations.id, before.id));
  return { action: 'admin.organisation.update', recordType: 'organisation', recordId: before.id, details: { changes: change.changes } };
};

export const appliers: Record<AccessChangeKind, Applier> = {
  user: applyUser,
  desk_member: applyDeskMember,
  sharing_group: applySharingGroup,
  organisation: applyOrganisation,
};
