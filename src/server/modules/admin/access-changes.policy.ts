import type { Classification, Role } from '../../../contract/core';
import { type UserActor, classificationRank } from '../../access/actor';
import type { AccessChangeRow } from './admin.schema';

/** A role the account did not hold opens records to it; dropping roles only narrows. */
export function rolesWiden(from: readonly Role[], to: readonly Role[]): boolean {
  return to.some((role) => !from.includes(role));
}

export function clearanceWidens(from: Classification, to: Classification): boolean {
  return classificationRank(to) > classificationRank(from);
}

/** A sharing group widens when it gains an economy or an organisation. */
export function membersWiden(from: readonly string[], to: readonly string[]): boolean {
  return to.some((member) => !from.includes(member));
}

export const SELF_CHANGE_REFUSED =
  'You cannot change your own organisation, roles, clearance or desks; another administrator must do it, and a second one approve it.';

type Decidable = Pick<
  AccessChangeRow,
  'status' | 'proposedBy' | 'economies' | 'beneficiaryUserIds' | 'beneficiaryOrganisationIds' | 'beneficiaryEconomies'
>;

/**
 * A national administrator (of an economy, not of a regional or international body) decides
 * only changes that stay within their economy; the regional administrators decide all.
 */
function outsideScope(actor: UserActor, change: Decidable, national: boolean): boolean {
  return national && change.economies.some((economy) => economy !== actor.economy);
}

/** Why this administrator may not approve the change, or null when they may. */
export function approvalRefusal(actor: UserActor, change: Decidable, national: boolean): string | null {
  if (change.status !== 'pending') return 'This change has already been decided.';
  if (change.proposedBy === actor.userId) return 'You proposed this change; a second administrator must approve it.';
  const gains =
    change.beneficiaryUserIds.includes(actor.userId) ||
    change.beneficiaryOrganisationIds.includes(actor.organisationId) ||
    change.beneficiaryEconomies.includes(actor.economy);
  if (gains) return 'This change widens your own access; an administrator whom it does not concern must approve it.';
  if (outsideScope(actor, change, national)) return 'This change touches another economy; an administrator of a regional body must decide it.';
  return null;
}

/** The proposer may withdraw their own proposal; others reject within their scope. */
export function rejectionRefusal(actor: UserActor, change: Decidable, national: boolean): string | null {
  if (change.status !== 'pending') return 'This change has already been decided.';
  if (change.proposedBy === actor.userId) return null;
  if (outsideScope(actor, change, national)) return 'This change touches another economy; an administrator of a regional body must decide it.';
  return null;
}

export function accessChangeAbilities(actor: UserActor, change: Decidable, national: boolean): Record<string, boolean> {
  return { approve: approvalRefusal(actor, change, national) === null, reject: rejectionRefusal(actor, change, national) === null };
}
