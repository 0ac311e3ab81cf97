import type { Classification, Tlp } from '../../contract/core';
import { type Actor, clearedFor, hasRole, isUser } from './actor';

/** The marking as stored on a record, with who originated it. */
export interface MarkedRecord {
  classification: Classification;
  tlp: Tlp;
  releasableEconomies: string[];
  releasableOrganisations: string[];
  sharingGroups: string[];
  originatorControl: boolean;
  ownerOrganisationId: string;
  ownerEconomy: string;
}

/** Roles that work with operational records at all; donors, readers and auditors do not. */
export const OPERATIONAL_ROLES = ['contact_point', 'analyst', 'officer', 'administrator'] as const;

/**
 * Whether the actor may read a marked record. The rule, in order:
 * clearance at least the classification; the originating organisation always reads;
 * otherwise TLP decides how wide the releasability lists reach:
 * CLEAR and GREEN — any operational user, narrowed by the lists when they are not empty;
 * AMBER — the listed economies, organisations and sharing groups;
 * AMBER+STRICT and RED — only the listed organisations (and sharing groups for AMBER+STRICT).
 */
export function canReadMarked(actor: Actor, record: MarkedRecord): boolean {
  if (!isUser(actor) || !hasRole(actor, ...OPERATIONAL_ROLES)) return false;
  if (!clearedFor(actor, record.classification)) return false;
  if (record.ownerOrganisationId === actor.organisationId) return true;
  const inEconomies = record.releasableEconomies.includes(actor.economy);
  const inOrganisations = record.releasableOrganisations.includes(actor.organisationId);
  const inGroups = record.sharingGroups.some((group) => actor.sharingGroupIds.includes(group));
  switch (record.tlp) {
    case 'CLEAR':
    case 'GREEN': {
      const listed = record.releasableEconomies.length + record.releasableOrganisations.length + record.sharingGroups.length;
      return listed === 0 || inEconomies || inOrganisations || inGroups;
    }
    case 'AMBER':
      return inEconomies || inOrganisations || inGroups;
    case 'AMBER+STRICT':
      return inOrganisations || inGroups;
    case 'RED':
      return inOrganisations;
  }
}

/** Changing a marked record is for its originating organisation. */
export function isOriginator(actor: Actor, record: Pick<MarkedRecord, 'ownerOrganisationId'>): boolean {
  return isUser(actor) && record.ownerOrganisationId === actor.organisationId;
}
