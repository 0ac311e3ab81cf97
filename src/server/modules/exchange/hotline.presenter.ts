import type { DeskRef } from '../../../contract/exchange';
import type { HotlineAlert } from '../../../contract/hotline';
import type { UserActor } from '../../access/actor';
import { type AlertAccess, isSenderOf, receivingDesksOf } from './hotline.policy';
import type { AlertRow, DeliveryRow, EscalationRow } from './hotline.schema';

export function alertAccess(row: AlertRow, deliveries: DeliveryRow[]): AlertAccess {
  return {
    classification: row.classification,
    tlp: row.tlp,
    releasableEconomies: row.releasableEconomies,
    releasableOrganisations: row.releasableOrganisations,
    sharingGroups: row.sharingGroups,
    originatorControl: row.originatorControl,
    ownerOrganisationId: row.ownerOrganisationId,
    ownerEconomy: row.ownerEconomy,
    senderDeskId: row.senderDeskId,
    deliveryDeskIds: deliveries.map((delivery) => delivery.deskId),
    openDeskIds: deliveries.filter((delivery) => !delivery.acknowledgedAt).map((delivery) => delivery.deskId),
  };
}

export interface AlertLookups {
  desks: Map<string, DeskRef>;
  names: Map<string, string>;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const unknownDesk = (id: string): DeskRef => ({ id, name: '', economy: '', area: '' });

/** The sending desk sees every delivery; a receiving desk only its own. */
export function presentAlert(actor: UserActor, row: AlertRow, deliveries: DeliveryRow[], escalations: EscalationRow[], lookups: AlertLookups): HotlineAlert {
  const access = alertAccess(row, deliveries);
  const sent = isSenderOf(actor, access);
  const mine = new Set(receivingDesksOf(actor, access));
  const desk = (id: string) => lookups.desks.get(id) ?? unknownDesk(id);
  const name = (id: string | null) => (id ? (lookups.names.get(id) ?? '') : null);
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    crimeArea: row.crimeArea,
    area: row.area,
    classification: row.classification,
    tlp: row.tlp,
    senderDesk: desk(row.senderDeskId),
    author: name(row.authorId) ?? '',
    sentAt: row.sentAt.toISOString(),
    sent,
    received: mine.size > 0,
    deliveries: deliveries
      .filter((delivery) => sent || mine.has(delivery.deskId))
      .map((delivery) => ({
        desk: desk(delivery.deskId),
        via: delivery.via,
        escalatedFor: delivery.escalatedFor ? desk(delivery.escalatedFor) : null,
        queuedAt: delivery.queuedAt.toISOString(),
        deliveredAt: iso(delivery.deliveredAt),
        seenAt: iso(delivery.seenAt),
        seenBy: name(delivery.seenBy),
        acknowledgedAt: iso(delivery.acknowledgedAt),
        acknowledgedBy: name(delivery.acknowledgedBy),
        escalations: escalations
          .filter((step) => step.deskId === delivery.deskId && step.alertId === row.id)
          .map((step) => ({ step: step.step, at: step.at.toISOString(), outcome: step.outcome, reached: step.reached })),
      })),
    acknowledgeDeskIds: access.openDeskIds.filter((deskId) => mine.has(deskId)),
  };
}
