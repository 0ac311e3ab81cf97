import crypto from 'node:crypto';
import type { ItemView, ThreadView, Transition } from '../../../contract/exchange';
import { TRANSITIONS } from '../../../contract/exchange';
import { type Actor, type UserActor, isUser } from '../../access/actor';
import { authorize } from '../../access/authorize';
import { abilitiesFor, can } from '../../access/policy';
import type { Db } from '../../db/client';
import type { AuditService } from '../../platform/audit/audit.service';
import { NotFoundProblem, UnauthorizedProblem } from '../../platform/http/errors';
import { TRANSITION_RULES, nextState } from './exchange.deadlines';
import { type ItemAccess, sideOf } from './exchange.policy';
import { type Lookups, itemAccess } from './exchange.presenter';
import { findItem, listEvents, listReaders, listThreadItems, loadDeskRefs, loadRecipients, loadUserNames, readItemIds, visibleItems } from './exchange.queries';
import type { EventRow, ItemRow } from './exchange.schema';
import { presentView } from './thread.presenter';
import type { ExchangeMailDeps } from './exchange.mail';
import { loadRoutingViews } from './routing.presenter';

export interface ExchangeDeps extends ExchangeMailDeps {
  db: Db;
  audit: AuditService;
  clock: () => Date;
}

export function requireUser(actor: Actor): UserActor {
  if (!isUser(actor)) throw new UnauthorizedProblem();
  return actor;
}

/** A random reference: it never reveals how many items exist. */
export function newReference(economy: string): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = crypto.randomBytes(10);
  return `EX-${economy}-${Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('')}`;
}

export interface LoadedItem {
  row: ItemRow;
  access: ItemAccess;
}

/** An item the actor may see, or 404 exactly as for one that does not exist. */
export async function loadVisibleItem(db: Db, actor: Actor, id: string): Promise<LoadedItem> {
  const row = await findItem(db, id);
  if (!row) throw new NotFoundProblem();
  const recipients = await loadRecipients(db, [id]);
  const access = itemAccess(row, recipients.get(id) ?? []);
  authorize(actor, 'exchange.item.read', access, { type: 'exchange_item', id });
  return { row, access };
}

export async function buildLookups(db: Db, actor: UserActor, rows: ItemRow[], events: EventRow[], now: Date): Promise<Lookups> {
  const ids = rows.map((row) => row.id);
  const recipients = await loadRecipients(db, ids);
  const deskIds = [...rows.map((row) => row.senderDeskId), ...[...recipients.values()].flat(), ...events.flatMap((event) => (event.deskId ? [event.deskId] : []))];
  const userIds = [...rows.map((row) => row.authorId), ...events.map((event) => event.actorId)];
  const [desks, names, readIds] = await Promise.all([loadDeskRefs(db, deskIds), loadUserNames(db, userIds), readItemIds(db, actor.userId, ids)]);
  return { desks, names, recipients, readIds, now };
}

/** Transitions the actor may make on the item now. */
export function availableTransitions(actor: Actor, access: ItemAccess, wasAccepted: boolean): Transition[] {
  if (!access.state || !can(actor, 'exchange.item.transition', access)) return [];
  const side = sideOf(actor, access);
  const state = access.state;
  return TRANSITIONS.filter((transition) => TRANSITION_RULES[transition].side === side && nextState(state, transition, wasAccepted) !== null);
}

const VIEW_ACTIONS = ['exchange.item.reply', 'exchange.item.forward', 'exchange.item.approve', 'exchange.item.retract', 'exchange.item.acknowledge', 'exchange.item.route'] as const;

/** The item and the rest of its thread that the actor may read (nothing else leaves a trace). */
export async function loadThread(db: Db, actor: UserActor, threadId: string, focusId: string, now: Date): Promise<{ view: ThreadView; rows: ItemRow[] }> {
  const rows = await listThreadItems(db, threadId, visibleItems(actor));
  const events = await listEvents(db, rows.map((row) => row.id));
  const lookups = await buildLookups(db, actor, rows, events, now);
  const routing = await loadRoutingViews(db, actor, rows);
  const views: ItemView[] = [];
  for (const row of rows) {
    const access = itemAccess(row, lookups.recipients.get(row.id) ?? []);
    // The sending desk's exchange with its contact-point desk stays between those two desks.
    const routeParty = actor.deskIds.includes(row.senderDeskId) || (row.viaDeskId !== null && actor.deskIds.includes(row.viaDeskId));
    const itemEvents = events.filter((event) => event.itemId === row.id && (routeParty || !event.kind.startsWith('route_')));
    const acknowledgedDesks = new Set(itemEvents.filter((event) => event.kind === 'acknowledgement').map((event) => event.deskId));
    const abilities = abilitiesFor(actor, VIEW_ACTIONS, access);
    abilities['exchange.item.acknowledge'] &&= access.recipientDeskIds.some((deskId) => actor.deskIds.includes(deskId) && !acknowledgedDesks.has(deskId));
    const isSender = actor.deskIds.includes(row.senderDeskId);
    const readers = isSender
      ? (await listReaders(db, row.id)).map((reader) => ({ name: reader.name, desk: reader.deskName, firstReadAt: reader.firstReadAt.toISOString(), reads: reader.reads }))
      : null;
    const transitions = availableTransitions(actor, access, row.acceptedAt !== null);
    views.push(presentView(actor, { row, events: itemEvents, readers, transitions, abilities, routing: routing.get(row.id) }, lookups));
  }
  const item = views.find((view) => view.id === focusId);
  if (!item) throw new NotFoundProblem();
  return { view: { item, thread: views }, rows };
}
