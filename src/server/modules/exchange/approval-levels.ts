import type { Marking } from '../../../contract/core';
import { CLASSIFICATIONS, TLP_LEVELS } from '../../../contract/core';
import type { ApprovalLevel } from '../../../contract/exchange-routing';
import { type Actor, hasRole, isUser } from '../../access/actor';
import { type MarkedRecord, canReadMarked, isOriginator } from '../../access/marking';

/** Without a setting of its own, an economy keeps the platform's rule: CONFIDENTIAL or TLP:RED, approved within the organisation. */
export const DEFAULT_APPROVAL_LEVEL: ApprovalLevel = { classification: 'CONFIDENTIAL', tlp: 'RED', approverScope: 'organisation' };

/** Whether an item with this marking waits for a second person's release under the economy's level. */
export function needsApprovalAt(marking: Pick<Marking, 'classification' | 'tlp'>, level: ApprovalLevel): boolean {
  const byClassification = level.classification !== null && CLASSIFICATIONS.indexOf(marking.classification) >= CLASSIFICATIONS.indexOf(level.classification);
  const byTlp = level.tlp !== null && TLP_LEVELS.indexOf(marking.tlp) >= TLP_LEVELS.indexOf(level.tlp);
  return byClassification || byTlp;
}

/** What the four-eyes rule needs to know about a marked record that waits for release. */
export interface ReleaseCandidate extends MarkedRecord {
  authorId: string;
  /** Frozen when the record was submitted: a contact point of the author's organisation, or of the author's economy. */
  approverScope: ApprovalLevel['approverScope'];
}

/**
 * The four-eyes release rule of every marked item: a contact point other than the author, of the
 * author's organisation (or economy, when the economy's level says so), whom the marking admits.
 */
export function maySecondPersonRelease(actor: Actor, record: ReleaseCandidate): boolean {
  return (
    isUser(actor) &&
    hasRole(actor, 'contact_point') &&
    (record.approverScope === 'economy' ? actor.economy === record.ownerEconomy : isOriginator(actor, record)) &&
    record.authorId !== actor.userId &&
    canReadMarked(actor, record)
  );
}
