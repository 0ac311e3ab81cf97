import type { DeskArea, OrganisationKind } from '../../../contract/core';
import type { DeskMemberView, DeskView, OrganisationView, SharingGroupView } from '../../../contract/directory';
import { type Actor, hasRole } from '../../access/actor';
import { abilitiesFor } from '../../access/policy';
import type { DeskRow, OrganisationRow, SharingGroupRow } from './directory.queries';

export function presentOrganisation(actor: Actor, row: OrganisationRow): OrganisationView {
  return {
    id: row.id,
    name: row.name,
    acronym: row.acronym,
    kind: row.kind as OrganisationKind,
    economy: row.economyCode,
    website: row.website,
    abilities: abilitiesFor(actor, ['admin.organisation.manage']),
  };
}

/** Administrators and contact points see who staffs a desk; others see the count only. */
export function seesDeskMembers(actor: Actor): boolean {
  return hasRole(actor, 'administrator', 'contact_point');
}

export function presentDesk(actor: Actor, row: DeskRow, memberCount: number, members: DeskMemberView[]): DeskView {
  return {
    id: row.id,
    economy: row.economyCode,
    area: row.area as DeskArea,
    name: row.name,
    email: row.email,
    memberCount,
    members: seesDeskMembers(actor) ? members : null,
    abilities: abilitiesFor(actor, ['admin.desk.manage']),
  };
}

export function presentSharingGroup(
  actor: Actor,
  row: SharingGroupRow,
  organisationsById: Map<string, OrganisationRow>,
): SharingGroupView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    economies: row.economyCodes,
    organisations: row.organisationIds.flatMap((id) => {
      const organisation = organisationsById.get(id);
      return organisation ? [{ id, name: organisation.name, economy: organisation.economyCode }] : [];
    }),
    abilities: abilitiesFor(actor, ['admin.sharing_group.manage']),
  };
}
