import type { EXCHANGE_CASEWORK_ACTIONS } from '../../../contract/actions';
import { type Actor, hasRole, isUser } from '../../access/actor';
import type { Rule } from '../../access/rule';
import { DESK_ROLES, type ItemAccess, canSeeItem } from './exchange.policy';

type CaseworkAction = (typeof EXCHANGE_CASEWORK_ACTIONS)[number];

const deskWorker: Rule = (actor) => hasRole(actor, ...DESK_ROLES);
const withDesk: Rule = (actor) => deskWorker(actor) && isUser(actor) && actor.deskIds.length > 0;
const onDesk = (actor: Actor, deskId: string) => isUser(actor) && actor.deskIds.includes(deskId);
const onRecipientDesk = (actor: Actor, item: ItemAccess) => item.recipientDeskIds.some((deskId) => onDesk(actor, deskId));
const seen = (rule: (actor: Actor, item: ItemAccess) => boolean): Rule<ItemAccess> => (actor, item) => deskWorker(actor) && (item === undefined || (canSeeItem(actor, item) && rule(actor, item)));

/** Whoever may read the item reads its files and exports its thread. */
const readItem = seen(() => true);
/** The requesting side of a follow-up reports on the hit (the wanted rule also wants the screener). */
const requesterSide = seen((actor, item) => onDesk(actor, item.senderDeskId));
/** The holding desk's contact points decide on the hit and release the alert. */
const holdingSide: Rule<ItemAccess> = (actor, item) => hasRole(actor, 'contact_point') && (item === undefined || (canSeeItem(actor, item) && onRecipientDesk(actor, item)));
/** The receiving desk screens what a request names; the sending desk never sees that answer. */
const crossCheck = seen((actor, item) => item.release === 'released' && onRecipientDesk(actor, item) && !onDesk(actor, item.senderDeskId));

export const exchangeCaseworkRules: Record<CaseworkAction, Rule<never>> = {
  'exchange.attachment.upload': withDesk,
  'exchange.attachment.read': readItem,
  'exchange.thread.export': readItem,
  'exchange.follow_up.open': withDesk,
  'exchange.follow_up.read': readItem,
  'exchange.follow_up.report': requesterSide,
  'exchange.follow_up.decide': holdingSide,
  'exchange.follow_up.release': holdingSide,
  'exchange.item.cross_check': crossCheck,
};
