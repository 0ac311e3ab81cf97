import type { EXCHANGE_ACTIONS } from '../../../contract/actions';
import type { ItemKind, ReleaseState, RequestState } from '../../../contract/exchange';
import { type Actor, hasRole, isUser } from '../../access/actor';
import { type MarkedRecord, canReadMarked, isOriginator } from '../../access/marking';
import type { Rule } from '../../access/rule';
import { maySecondPersonRelease } from './approval-levels';
import type { Side } from './exchange.deadlines';

type ExchangeAction = (typeof EXCHANGE_ACTIONS)[number];

/** What the policy needs to know about an item. */
export interface ItemAccess extends MarkedRecord {
  kind: ItemKind;
  senderDeskId: string;
  recipientDeskIds: string[];
  release: ReleaseState;
  authorId: string;
  approvedBy: string | null;
  state: RequestState | null;
  retracted: boolean;
  /** Routing (routing.service.ts): the contact-point desk the item passes, and who may approve. */
  viaDeskId?: string | null;
  approverScope?: 'organisation' | 'economy';
}

/** The roles that write and answer on behalf of desks. */
export const DESK_ROLES = ['officer', 'analyst', 'contact_point'] as const;
const deskWorker: Rule = (actor) => hasRole(actor, ...DESK_ROLES);

const onDesk = (actor: Actor, deskId: string) => isUser(actor) && actor.deskIds.includes(deskId);
const onSenderDesk = (actor: Actor, item: ItemAccess) => onDesk(actor, item.senderDeskId);
const onRecipientDesk = (actor: Actor, item: ItemAccess) => item.recipientDeskIds.some((deskId) => onDesk(actor, deskId));

/** A contact point of the sender's organisation other than the author, while the item waits for release. */
export function mayApprove(actor: Actor, item: ItemAccess): boolean {
  return item.release === 'awaiting_approval' && maySecondPersonRelease(actor, { ...item, approverScope: item.approverScope ?? 'organisation' });
}

/**
 * Who sees an item: its sender desk; once released, its recipient desks; while it waits, the
 * approvers, and afterwards the one who approved it — in every case only when the marking lets
 * the user read it. The SQL twin is
 * `visibleItems` in exchange.queries.ts.
 */
export function canSeeItem(actor: Actor, item: ItemAccess): boolean {
  if (!deskWorker(actor) || !canReadMarked(actor, item)) return false;
  if (onSenderDesk(actor, item)) return true;
  if (item.viaDeskId && item.release !== 'awaiting_approval' && onDesk(actor, item.viaDeskId)) return true;
  if (item.release === 'released') return onRecipientDesk(actor, item) || (isUser(actor) && item.approvedBy === actor.userId);
  return mayApprove(actor, item);
}

/** Which side of a request the user is on: the sender's desk, or a recipient desk. */
export function sideOf(actor: Actor, item: ItemAccess): Side | null {
  if (onRecipientDesk(actor, item)) return 'recipient';
  if (onSenderDesk(actor, item)) return 'sender';
  return null;
}

const live = (item: ItemAccess) => item.release === 'released' && !item.retracted;

const readItem: Rule<ItemAccess> = (actor, item) => deskWorker(actor) && (item === undefined || canSeeItem(actor, item));
const sendItem: Rule = (actor) => deskWorker(actor) && isUser(actor) && actor.deskIds.length > 0;
const replyTo: Rule<ItemAccess> = (actor, item) =>
  sendItem(actor) && (item === undefined || (canSeeItem(actor, item) && live(item) && item.kind !== 'retraction' && (onSenderDesk(actor, item) || onRecipientDesk(actor, item))));
/** Onward sharing of an originator-controlled item is for the originator. */
const forward: Rule<ItemAccess> = (actor, item) =>
  sendItem(actor) &&
  (item === undefined ||
    (canSeeItem(actor, item) && live(item) && item.kind !== 'retraction' && onRecipientDesk(actor, item) && (!item.originatorControl || isOriginator(actor, item))));
const transition: Rule<ItemAccess> = (actor, item) =>
  deskWorker(actor) && (item === undefined || (canSeeItem(actor, item) && live(item) && item.state !== null && sideOf(actor, item) !== null));
const approve: Rule<ItemAccess> = (actor, item) => hasRole(actor, 'contact_point') && (item === undefined || mayApprove(actor, item));
const retract: Rule<ItemAccess> = (actor, item) =>
  deskWorker(actor) && (item === undefined || (canSeeItem(actor, item) && live(item) && item.kind !== 'retraction' && onSenderDesk(actor, item)));
const acknowledge: Rule<ItemAccess> = (actor, item) =>
  deskWorker(actor) && (item === undefined || (canSeeItem(actor, item) && item.kind === 'retraction' && item.release === 'released' && onRecipientDesk(actor, item)));

export const exchangeRules: Record<ExchangeAction, Rule<never>> = {
  'exchange.item.list': deskWorker,
  'exchange.item.read': readItem,
  'exchange.item.send': sendItem,
  'exchange.item.reply': replyTo,
  'exchange.item.forward': forward,
  'exchange.item.transition': transition,
  'exchange.item.approve': approve,
  'exchange.item.retract': retract,
  'exchange.item.acknowledge': acknowledge,
};
