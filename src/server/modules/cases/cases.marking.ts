import type { Marking } from '../../../contract/core';
import { TLP_LEVELS } from '../../../contract/core';
import { classificationRank } from '../../access/actor';
import type { MarkedRecord } from '../../access/marking';

const tlpRank = (tlp: Marking['tlp']) => TLP_LEVELS.indexOf(tlp);
const listed = (marking: Marking) => marking.releasableEconomies.length + marking.releasableOrganisations.length + marking.sharingGroups.length;
const reachesEveryone = (marking: Marking) => listed(marking) === 0 && (marking.tlp === 'CLEAR' || marking.tlp === 'GREEN');

type Problem = { path: string; message: string };

/**
 * Where an entity link's marking is wider than its case's: classification or TLP less strict,
 * a releasability entry the case does not have (an organisation is within when the case lists
 * it or its economy), or originator control dropped. Empty when the link keeps or narrows it.
 */
export function widerThanCase(link: Marking, parent: Marking, economyOfOrganisation: Map<string, string>): Problem[] {
  const problems: Problem[] = [];
  if (classificationRank(link.classification) < classificationRank(parent.classification)) problems.push({ path: 'marking.classification', message: 'wider_than_case' });
  if (tlpRank(link.tlp) < tlpRank(parent.tlp)) problems.push({ path: 'marking.tlp', message: 'wider_than_case' });
  if (parent.originatorControl && !link.originatorControl) problems.push({ path: 'marking.originatorControl', message: 'wider_than_case' });
  if (reachesEveryone(parent)) return problems;
  if (reachesEveryone(link)) return [...problems, { path: 'marking.releasableEconomies', message: 'wider_than_case' }];
  if (!link.releasableEconomies.every((code) => parent.releasableEconomies.includes(code))) problems.push({ path: 'marking.releasableEconomies', message: 'wider_than_case' });
  const organisationWithin = (id: string) => parent.releasableOrganisations.includes(id) || parent.releasableEconomies.includes(economyOfOrganisation.get(id) ?? '');
  if (!link.releasableOrganisations.every(organisationWithin)) problems.push({ path: 'marking.releasableOrganisations', message: 'wider_than_case' });
  if (!link.sharingGroups.every((id) => parent.sharingGroups.includes(id))) problems.push({ path: 'marking.sharingGroups', message: 'wider_than_case' });
  return problems;
}

/** Whether the marking's releasability reaches an organisation at all (clearance aside): a team member must be within it. */
export function markingReachesOrganisation(record: MarkedRecord, organisation: { id: string; economy: string; sharingGroupIds: string[] }): boolean {
  if (record.ownerOrganisationId === organisation.id) return true;
  const inEconomies = record.releasableEconomies.includes(organisation.economy);
  const inOrganisations = record.releasableOrganisations.includes(organisation.id);
  const inGroups = record.sharingGroups.some((group) => organisation.sharingGroupIds.includes(group));
  switch (record.tlp) {
    case 'CLEAR':
    case 'GREEN':
      return listed(record) === 0 || inEconomies || inOrganisations || inGroups;
    case 'AMBER':
      return inEconomies || inOrganisations || inGroups;
    case 'AMBER+STRICT':
      return inOrganisations || inGroups;
    case 'RED':
      return inOrganisations;
  }
}

export function markingOf(record: Marking): Marking {
  const { classification, tlp, releasableEconomies, releasableOrganisations, sharingGroups, originatorControl } = record;
  return { classification, tlp, releasableEconomies, releasableOrganisations, sharingGroups, originatorControl };
}
