import type { AdminUserView } from '../../../contract/admin';
import type { Classification, Role } from '../../../contract/core';
import type { Actor } from '../../access/actor';
import { accountAbilities } from './admin.policy';
import type { AccountRow } from './users.queries';

export function presentAccount(actor: Actor, row: AccountRow, desks: { id: string; name: string }[], locked: boolean): AdminUserView {
  const { user, organisation } = row;
  const roles = user.roles as Role[];
  const disabled = user.disabledAt !== null;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    organisation,
    roles,
    clearance: user.clearance as Classification,
    totpEnrolled: user.totpEnrolledAt !== null,
    disabled,
    locked,
    desks,
    createdAt: user.createdAt.toISOString(),
    abilities: accountAbilities(actor, { id: user.id, roles, disabled, locked }),
  };
}
