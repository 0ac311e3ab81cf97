import type { UserActor } from '../../access/actor';
import type { Db } from '../../db/client';
import { UnprocessableProblem } from '../../platform/http/errors';
import type { ExchangeDeps } from './exchange.context';
import { createExchangeService } from './exchange.service';
import { contactDeskIdOf, loadEconomySettings } from './routing.queries';

/** What the cases module tells the exchange about a cross-border match: references and the kind only, never the holding case's data. */
export interface CaseMatchRequestInput {
  senderDeskId: string;
  holdingEconomy: string;
  /** The holding case's reference, as the hit showed it. */
  holdingReference: string;
  entityKind: string;
  basis: 'identifier' | 'name_and_date_of_birth';
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The cases module's "ask for it" after a hit: an information request from one of the
 * requester's desks to the holding economy's national contact point (the desk its settings
 * name, else its police cooperation desk), written in the caller's transaction so that the
 * request and the case follow-up commit together. The item says only what the hit said.
 */
export function createCaseMatchRequests(deps: ExchangeDeps) {
  return {
    open: async (tx: Db, actor: UserActor, input: CaseMatchRequestInput, ip: string): Promise<{ itemId: string; reference: string; recipientDeskId: string }> => {
      const settings = await loadEconomySettings(tx, input.holdingEconomy);
      const recipientDeskId = await contactDeskIdOf(tx, input.holdingEconomy, settings.contactDeskId);
      if (!recipientDeskId) throw new UnprocessableProblem('The holding economy has no contact point to ask.', [{ path: 'holdingLinkId', message: 'no_contact_point' }]);
      const inTransaction: ExchangeDeps = { ...deps, db: tx, audit: { ...deps.audit, command: (work) => work(tx) } };
      const basis = input.basis === 'identifier' ? 'an identifier' : 'a name with the same date of birth';
      const created = await createExchangeService(inTransaction).create(
        actor,
        {
          senderDeskId: input.senderDeskId,
          recipientDeskIds: [recipientDeskId],
          kind: 'information_request',
          cooperationKind: null,
          accessibility: 'direct',
          hitReference: input.holdingReference,
          subject: `Case match follow-up ${input.holdingReference}`,
          bodyHtml: `<p>${escapeHtml(`An entity (${input.entityKind}) of one of our cases matched case ${input.holdingReference} of your economy on ${basis}. Please ask the holding desk to decide whether to release it to us (Mosaic: cases, follow-up requests).`)}</p>`,
          crimeArea: null,
          urgency: 'normal',
          marking: { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: [...new Set([actor.economy, input.holdingEconomy])], releasableOrganisations: [], sharingGroups: [], originatorControl: false },
          handling: { code: 'H0' },
          evaluation: { source: 'B', accuracy: 2 },
        },
        ip,
      );
      return { itemId: created.item.id, reference: created.item.reference, recipientDeskId };
    },
  };
}

export type CaseMatchRequests = ReturnType<typeof createCaseMatchRequests>;
