import type { ROUTING_ACTIONS } from '../../../contract/actions';
import { hasRole, isUser } from '../../access/actor';
import { OPERATIONAL_ROLES } from '../../access/marking';
import type { Rule } from '../../access/rule';
import { type ItemAccess, DESK_ROLES, canSeeItem } from './exchange.policy';

type RoutingAction = (typeof ROUTING_ACTIONS)[number];

/** The contact-point desk decides on an item that passes it, while it waits there. */
export function mayRoute(actor: Parameters<Rule>[0], item: ItemAccess): boolean {
  return (
    isUser(actor) &&
    hasRole(actor, ...DESK_ROLES) &&
    item.release === 'awaiting_routing' &&
    !!item.viaDeskId &&
    actor.deskIds.includes(item.viaDeskId) &&
    canSeeItem(actor, item)
  );
}

const route: Rule<ItemAccess> = (actor, item) => hasRole(actor, ...DESK_ROLES) && (item === undefined || mayRoute(actor, item));

/**
 * An economy's routing rules and approval levels: its own administrators and contact points set
 * them, regional administrators review them (the service checks the economy); a change that widens
 * who reads waits for a second person (`routing-settings.policy.ts`).
 */
const manageSettings: Rule = (actor) => hasRole(actor, 'administrator', 'contact_point');

/** Every operational user may see whom to address. */
const readContactPoints: Rule = (actor) => hasRole(actor, ...OPERATIONAL_ROLES);

export const routingRules: Record<RoutingAction, Rule<never>> = {
  'exchange.item.route': route,
  'exchange.settings.manage': manageSettings,
  'directory.contact_points.read': readContactPoints,
};
