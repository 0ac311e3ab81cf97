import type { HOTLINE_ACTIONS } from '../../../contract/actions';
import { type Actor, hasRole, isUser } from '../../access/actor';
import { type MarkedRecord, canReadMarked } from '../../access/marking';
import type { Rule } from '../../access/rule';
import { DESK_ROLES } from './exchange.policy';

type HotlineAction = (typeof HOTLINE_ACTIONS)[number];

/** What the policy needs to know about an alert. */
export interface AlertAccess extends MarkedRecord {
  senderDeskId: string;
  /** Every desk the alert was delivered to (addressed, or as duty desk by escalation). */
  deliveryDeskIds: string[];
  /** The delivery desks that have not acknowledged yet. */
  openDeskIds: string[];
}

const deskWorker: Rule = (actor) => hasRole(actor, ...DESK_ROLES);
const onDesk = (actor: Actor, deskId: string) => isUser(actor) && actor.deskIds.includes(deskId);

export const isSenderOf = (actor: Actor, alert: AlertAccess) => onDesk(actor, alert.senderDeskId);
export const receivingDesksOf = (actor: Actor, alert: AlertAccess) => alert.deliveryDeskIds.filter((deskId) => onDesk(actor, deskId));

/**
 * Who sees an alert: a desk worker whom the marking admits, on its sending desk or on a desk it
 * was delivered to. The SQL twin is `visibleAlerts` in hotline.queries.ts.
 */
export function canSeeAlert(actor: Actor, alert: AlertAccess): boolean {
  if (!deskWorker(actor) || !canReadMarked(actor, alert)) return false;
  return isSenderOf(actor, alert) || receivingDesksOf(actor, alert).length > 0;
}

const readAlert: Rule<AlertAccess> = (actor, alert) => deskWorker(actor) && (alert === undefined || canSeeAlert(actor, alert));
const sendAlert: Rule = (actor) => deskWorker(actor) && isUser(actor) && actor.deskIds.length > 0;
/** One member acknowledges for a receiving desk, once. */
const acknowledge: Rule<AlertAccess> = (actor, alert) =>
  deskWorker(actor) && (alert === undefined || (canSeeAlert(actor, alert) && alert.openDeskIds.some((deskId) => onDesk(actor, deskId))));

export const hotlineRules: Record<HotlineAction, Rule<never>> = {
  'hotline.alert.list': deskWorker,
  'hotline.alert.read': readAlert,
  'hotline.alert.send': sendAlert,
  'hotline.alert.acknowledge': acknowledge,
  'hotline.stream': deskWorker,
};
