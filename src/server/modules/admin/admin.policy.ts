import type { Role } from '../../../contract/core';
import { type Actor, isUser } from '../../access/actor';
import { can } from '../../access/policy';

/** The account an administrator is looking at, as far as the rules below need it. */
export interface ManagedAccount {
  id: string;
  roles: Role[];
  disabled: boolean;
  /** Signing in is locked, for the account or for one of its source addresses. */
  locked?: boolean;
}

export function isSelf(actor: Actor, account: Pick<ManagedAccount, 'id'>): boolean {
  return isUser(actor) && actor.userId === account.id;
}

/**
 * Why a change of roles or a disable must be refused, or null when it may go ahead:
 * nobody removes their own administrator role, and the last active administrator stays.
 */
export function refuseAdministratorLoss(
  actor: Actor,
  account: ManagedAccount,
  change: { roles?: Role[]; disable?: boolean },
  otherActiveAdministrators: number,
): string | null {
  const wasActiveAdministrator = account.roles.includes('administrator') && !account.disabled;
  const losesAdministrator =
    (change.roles !== undefined && account.roles.includes('administrator') && !change.roles.includes('administrator')) ||
    (change.disable === true && wasActiveAdministrator);
  if (change.disable === true && isSelf(actor, account)) return 'You cannot disable your own account.';
  if (!losesAdministrator) return null;
  if (isSelf(actor, account)) return 'You cannot remove your own administrator role.';
  if (wasActiveAdministrator && otherActiveAdministrators === 0) return 'This is the last active administrator; appoint another one first.';
  return null;
}

/** What the administrator may do to this account: drives the buttons of the web app. */
export function accountAbilities(actor: Actor, account: ManagedAccount): Record<string, boolean> {
  const manage = can(actor, 'admin.user.manage');
  const self = isSelf(actor, account);
  return {
    update: manage,
    disable: manage && !self && !account.disabled,
    enable: manage && account.disabled,
    resetCredentials: manage && !self,
    removeAdministrator: manage && !self,
    changeAccess: manage && !self,
    unlock: manage && account.locked === true,
  };
}
