import type { Marking } from '../../../contract/core';
import { TLP_LEVELS } from '../../../contract/core';
import { classificationRank } from '../../access/actor';

const tlpRank = (tlp: Marking['tlp']) => TLP_LEVELS.indexOf(tlp);
const listed = (marking: Marking) => marking.releasableEconomies.length + marking.releasableOrganisations.length + marking.sharingGroups.length;

/**
 * Whether a reply's or a forward's marking is the parent's or narrower: classification and
 * TLP at least as strict; the releasability lists within the parent's (an organisation is
 * within when the parent lists it or its economy); originator control kept.
 */
export function isWithinMarking(child: Marking, parent: Marking, economyOfOrganisation: Map<string, string>): boolean {
  if (classificationRank(child.classification) < classificationRank(parent.classification)) return false;
  if (tlpRank(child.tlp) < tlpRank(parent.tlp)) return false;
  if (parent.originatorControl && !child.originatorControl) return false;
  const parentReachesEveryone = listed(parent) === 0 && (parent.tlp === 'CLEAR' || parent.tlp === 'GREEN');
  if (parentReachesEveryone) return true;
  if (listed(child) === 0 && (child.tlp === 'CLEAR' || child.tlp === 'GREEN')) return false;
  const economiesWithin = child.releasableEconomies.every((code) => parent.releasableEconomies.includes(code));
  const organisationsWithin = child.releasableOrganisations.every(
    (id) => parent.releasableOrganisations.includes(id) || parent.releasableEconomies.includes(economyOfOrganisation.get(id) ?? ''),
  );
  const groupsWithin = child.sharingGroups.every((id) => parent.sharingGroups.includes(id));
  return economiesWithin && organisationsWithin && groupsWithin;
}

/** Items at CONFIDENTIAL or TLP:RED wait for a second person's release approval. */
export function needsReleaseApproval(marking: Pick<Marking, 'classification' | 'tlp'>): boolean {
  return marking.classification === 'CONFIDENTIAL' || marking.tlp === 'RED';
}
