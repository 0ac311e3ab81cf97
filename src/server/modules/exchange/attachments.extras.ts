import type { RequestSubject } from '../../../contract/exchange-casework';
import type { UserActor } from '../../access/actor';
import type { Db } from '../../db/client';
import { UnprocessableProblem } from '../../platform/http/errors';
import { bindAttachments } from './attachments.queries';
import { insertSubjects } from './cross-check.queries';
import { insertFollowUp } from './follow-up.queries';

/** What an item carries besides its own row, written in the transaction that sends it. */
export interface ItemExtras {
  /** Files the author uploaded for this item. */
  attachmentIds?: string[];
  /** Persons, vehicles and documents the request names. */
  subjects?: RequestSubject[];
  /** The hit a follow-up request is about. */
  followUp?: { hitId: string; alertId: string; holdingDeskId: string };
}

/** Throws (and so rolls the send back) when a file is not the author's own waiting upload. */
export async function writeItemExtras(tx: Db, actor: UserActor, itemId: string, extras: ItemExtras): Promise<void> {
  const ids = [...new Set(extras.attachmentIds ?? [])];
  if ((await bindAttachments(tx, { itemId, uploadedBy: actor.userId, ids })) !== ids.length) {
    throw new UnprocessableProblem('An attachment is not one you uploaded for this item, or it is already sent.', [{ path: 'attachmentIds', message: 'unknown or already used' }]);
  }
  await insertSubjects(tx, itemId, extras.subjects ?? []);
  if (extras.followUp) await insertFollowUp(tx, { itemId, ...extras.followUp, requesterOrganisationId: actor.organisationId });
}
