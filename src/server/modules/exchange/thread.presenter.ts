import type { ItemEvent, ItemView } from '../../../contract/exchange';
import type { Actor } from '../../access/actor';
import { type Lookups, contentHidden, deskOf, markingOf, presentSummary } from './exchange.presenter';
import type { EventRow, ItemRow } from './exchange.schema';
import type { RoutingView } from './routing.presenter';

export interface ViewInput {
  row: ItemRow;
  events: EventRow[];
  readers: ItemView['readers'];
  transitions: ItemView['transitions'];
  abilities: ItemView['abilities'];
  routing?: RoutingView;
}

/** One item in full, as its reader may see it. */
export function presentView(actor: Actor, input: ViewInput, lookups: Lookups): ItemView {
  const { row } = input;
  const hidden = contentHidden(actor, row);
  const acknowledgements = input.events.filter((event) => event.kind === 'acknowledgement');
  return {
    ...presentSummary(actor, row, lookups),
    parentId: row.parentId,
    cooperationKind: row.cooperationKind,
    accessibility: row.accessibility,
    hitReference: row.hitReference,
    bodyHtml: hidden ? null : row.bodyHtml,
    forwardNote: hidden ? null : row.forwardNote,
    marking: markingOf(row),
    handling: { code: row.handlingCode, text: row.handlingText },
    evaluation: { source: row.evaluationSource, accuracy: row.evaluationAccuracy },
    authorName: lookups.names.get(row.authorId) ?? '—',
    refusalGround: row.refusalGround,
    retractionReason: row.retractionReason,
    events: input.events.filter((event) => event.kind !== 'acknowledgement').map((event) => presentEvent(event, lookups)),
    acknowledgedBy: acknowledgements.map((event) => ({
      desk: deskOf(lookups, event.deskId ?? ''),
      actorName: lookups.names.get(event.actorId) ?? '—',
      at: event.at.toISOString(),
    })),
    readers: input.readers,
    route: input.routing?.route ?? null,
    onward: input.routing?.onward ?? null,
    transitions: input.transitions,
    abilities: input.abilities,
  };
}

export function presentEvent(row: EventRow, lookups: Lookups): ItemEvent {
  const { id, itemId, kind, transition, fromState, toState, ground, note } = row;
  return {
    id,
    itemId,
    kind,
    transition,
    fromState,
    toState,
    ground,
    note,
    desk: row.deskId ? deskOf(lookups, row.deskId) : null,
    actorName: lookups.names.get(row.actorId) ?? '—',
    at: row.at.toISOString(),
  };
}
