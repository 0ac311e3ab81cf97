import type { ItemView } from '../../../contract/exchange';
import { type UserActor, hasRole } from '../../access/actor';
import { DESK_ROLES } from './exchange.policy';
import type { Db } from '../../db/client';
import { loadDeskRefs } from './exchange.queries';
import type { ItemRow } from './exchange.schema';
import { listThreadForwards } from './routing.queries';

export type RoutingView = Pick<ItemView, 'route' | 'onward'>;

/**
 * The route of each item (the contact-point desk it passes and its decision) and, for the desk
 * that sent an item, every onward forward of it — desks and times only, never the forward's
 * content or marking, which the originator may not be allowed to read.
 */
export async function loadRoutingViews(db: Db, actor: UserActor, rows: ItemRow[]): Promise<Map<string, RoutingView>> {
  const views = new Map<string, RoutingView>();
  const threadId = rows[0]?.threadId;
  const forwards = threadId && rows.some((row) => actor.deskIds.includes(row.senderDeskId)) ? await listThreadForwards(db, threadId) : [];
  const deskIds = [...rows.flatMap((row) => (row.viaDeskId ? [row.viaDeskId] : [])), ...forwards.flatMap((forward) => [forward.senderDeskId, ...forward.to])];
  const desks = await loadDeskRefs(db, deskIds);
  const desk = (id: string) => desks.get(id) ?? { id, name: '—', economy: '', area: '' };
  const childrenOf = new Map<string, typeof forwards>();
  for (const forward of forwards) if (forward.parentId) childrenOf.set(forward.parentId, [...(childrenOf.get(forward.parentId) ?? []), forward]);
  const descendants = (id: string): typeof forwards => (childrenOf.get(id) ?? []).flatMap((child) => [child, ...descendants(child.id)]);
  for (const row of rows) {
    const route = row.viaDeskId && row.routeState
      ? {
          via: desk(row.viaDeskId),
          state: row.routeState,
          note: row.routeNote,
          decidedAt: row.routedAt?.toISOString() ?? null,
          answerable: row.routeState === 'clarification_requested' && row.release === 'awaiting_routing' && actor.deskIds.includes(row.senderDeskId) && hasRole(actor, ...DESK_ROLES),
        }
      : null;
    const onward = actor.deskIds.includes(row.senderDeskId)
      ? descendants(row.id)
          .sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime())
          .map((forward) => ({ from: desk(forward.senderDeskId), to: forward.to.map(desk), at: forward.sentAt.toISOString() }))
      : null;
    views.set(row.id, { route, onward });
  }
  return views;
}
