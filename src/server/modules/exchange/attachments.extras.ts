import type { RequestSubject } from '../../../contract/exchange-casework';
import type { UserActor } from '../../access/actor';
import type { Db } from '../../db/client';
import { UnprocessableProblem } from '../../platform/http/errors';
import { bindAttachments, copyAttachments } from './attachments.queries';
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
  /** The item a forward carries on: its files go with it, under the forward's (kept or narrowed) marking. */
  forwardOf?: string;
}

/**
 * Throws (and so rolls the send back) when a file is not the author's own waiting upload.
 * Returns the ids of the files a forward carried on from its parent (for the audit).
 */
export async function writeItemExtras(tx: Db, actor: UserActor, itemId: string, extras: ItemExtras): Promise<string[]> {
  const ids = [...new Set(extras.attachmentIds ?? [])];
  if ((await bindAttachments(tx, { itemId, uploadedBy: actor.userId, ids })) !== ids.length) {
    throw new UnprocessableProblem('An attachment is not one you uploaded for this item, or it is already sent.', [{ path: 'attachmentIds', message: 'unknown or already used' }]);
  }
  await insertSubjects(tx, itemId, extras.subjects ?? []);
  if (extras.followUp) await insertFollowUp(tx, { itemId, ...extras.followUp, requesterOrganisationId: actor.organisationId });
  return extras.forwardOf ? copyAttachments(tx, { fromItemId: extras.forwardOf, toItemId: itemId, by: actor.userId }) : [];
}
