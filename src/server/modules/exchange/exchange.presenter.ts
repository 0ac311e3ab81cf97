import type { Marking } from '../../../contract/core';
import type { DeskRef, ItemSummary } from '../../../contract/exchange';
import type { Actor } from '../../access/actor';
import { deadlineAt } from './exchange.deadlines';
import type { ItemAccess } from './exchange.policy';
import type { ItemRow } from './exchange.schema';

export function markingOf(row: ItemRow): Marking {
  const { classification, tlp, releasableEconomies, releasableOrganisations, sharingGroups, originatorControl } = row;
  return { classification, tlp, releasableEconomies, releasableOrganisations, sharingGroups, originatorControl };
}

export function itemAccess(row: ItemRow, recipientDeskIds: string[]): ItemAccess {
  return {
    ...markingOf(row),
    ownerOrganisationId: row.ownerOrganisationId,
    ownerEconomy: row.ownerEconomy,
    kind: row.kind,
    senderDeskId: row.senderDeskId,
    recipientDeskIds,
    release: row.release,
    authorId: row.authorId,
    approvedBy: row.approvedBy,
    state: row.state,
    retracted: row.retractedAt !== null,
    viaDeskId: row.viaDeskId,
    approverScope: row.approverScope,
  };
}

/** Names the presenter needs, loaded once per page or thread. */
export interface Lookups {
  desks: Map<string, DeskRef>;
  names: Map<string, string>;
  recipients: Map<string, string[]>;
  readIds: Set<string>;
  now: Date;
}

export const deskOf = (lookups: Lookups, id: string): DeskRef => lookups.desks.get(id) ?? { id, name: '—', economy: '', area: '' };

/** A recipient no longer sees the content of a retracted item; its sender still does. */
export function contentHidden(actor: Actor, row: ItemRow): boolean {
  return row.retractedAt !== null && !(actor.kind === 'user' && actor.deskIds.includes(row.senderDeskId));
}

export function presentSummary(actor: Actor, row: ItemRow, lookups: Lookups): ItemSummary {
  return {
    id: row.id,
    reference: row.reference,
    threadId: row.threadId,
    kind: row.kind,
    subject: contentHidden(actor, row) ? null : row.subject,
    senderDesk: deskOf(lookups, row.senderDeskId),
    recipientDesks: (lookups.recipients.get(row.id) ?? []).map((id) => deskOf(lookups, id)),
    urgency: row.urgency,
    crimeArea: row.crimeArea,
    classification: row.classification,
    tlp: row.tlp,
    state: row.state,
    release: row.release,
    retracted: row.retractedAt !== null,
    unread: !lookups.readIds.has(row.id),
    deadline: deadlineAt(row, lookups.now),
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
