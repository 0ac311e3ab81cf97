import type { REGISTRY_ACTIONS } from '../../../contract/actions';
import { type Actor, hasRole, isUser } from '../../access/actor';
import { type MarkedRecord, canReadMarked, isOriginator } from '../../access/marking';
import type { Rule } from '../../access/rule';

type RegistryAction = (typeof REGISTRY_ACTIONS)[number];

/** What the policy needs to know about an activity. */
export interface ActivityAccess extends MarkedRecord {
  isPublic: boolean;
}

/** Donors, agencies and the secretariat register activities; readers, editors and auditors do not. */
export const REGISTRY_ROLES = ['donor', 'administrator', 'contact_point', 'analyst', 'officer'] as const;
const registryUser: Rule = (actor) => hasRole(actor, ...REGISTRY_ROLES);

/** The regional secretariat: registry users of a regional body (economy REG). */
export const SECRETARIAT_ECONOMY = 'REG';
const secretariat: Rule = (actor) => registryUser(actor) && isUser(actor) && actor.economy === SECRETARIAT_ECONOMY;

/**
 * The marking rule of design §2 as the registry applies it: the same clearance, originator and
 * TLP/releasability steps, with donors counted among the readers (the registry is their work; the
 * general rule keeps them out of operational records). The SQL twin is `visibleActivities`.
 */
export function asMarkingReader(actor: Actor): Actor {
  return isUser(actor) && registryUser(actor) ? { ...actor, roles: ['officer'] } : actor;
}

/** Public activities are for everyone; the others for registry users the marking lets read. */
export function canSeeActivity(actor: Actor, activity: ActivityAccess): boolean {
  if (activity.isPublic) return true;
  return registryUser(actor) && canReadMarked(asMarkingReader(actor), activity);
}

const readActivity: Rule<ActivityAccess> = (actor, activity) => registryUser(actor) && (activity === undefined || canSeeActivity(actor, activity));
const updateActivity: Rule<ActivityAccess> = (actor, activity) => registryUser(actor) && (activity === undefined || (canSeeActivity(actor, activity) && isOriginator(actor, activity)));

export const registryRules: Record<RegistryAction, Rule<never>> = {
  'registry.activity.list': registryUser,
  'registry.activity.read': readActivity,
  'registry.activity.create': registryUser,
  'registry.activity.update': updateActivity,
  'registry.activity.import': registryUser,
  'registry.overlap.check': registryUser,
  'registry.board.read': secretariat,
  'registry.rate.manage': secretariat,
};
