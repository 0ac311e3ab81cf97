import type { CaseSummary, CaseView, EntityView, TeamMemberView } from '../../../contract/cases';
import type { Actor } from '../../access/actor';
import { abilitiesFor } from '../../access/policy';
import { markingOf } from './cases.marking';
import type { CaseAccess } from './cases.policy';
import { isActiveMember } from './cases.queries';
import type { CaseRow, EntityRow, LinkRow, TeamRow, caseEvents, caseRelationships } from './cases.schema';

type Ref = { id: string; name: string; economy: string };
const unknownRef = (id: string): Ref => ({ id, name: '—', economy: '' });

export function presentSummary(row: CaseRow, desks: Map<string, Ref>): CaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    crimeArea: row.crimeArea,
    status: row.status,
    openedOn: row.openedOn,
    ownerEconomy: row.ownerEconomy,
    ownerDesk: desks.get(row.ownerDeskId) ?? unknownRef(row.ownerDeskId),
    classification: row.classification,
    tlp: row.tlp,
  };
}

export function presentEntity(link: LinkRow, entity: EntityRow): EntityView {
  return { entityId: entity.id, linkId: link.id, kind: entity.kind, label: entity.label, attributes: entity.attributes, role: link.role, marking: markingOf(link) };
}

export function presentTeamMember(member: TeamRow, organisations: Map<string, Ref>, today: string): TeamMemberView {
  return {
    id: member.id,
    organisation: organisations.get(member.organisationId) ?? unknownRef(member.organisationId),
    role: member.role,
    startsOn: member.startsOn,
    endsOn: member.endsOn,
    active: isActiveMember(member, today),
  };
}

const CASE_ACTIONS = ['cases.case.update', 'cases.entity.add', 'cases.team.manage', 'cases.team.leave'] as const;

export interface CaseParts {
  events: (typeof caseEvents.$inferSelect)[];
  entities: EntityView[];
  relationships: (typeof caseRelationships.$inferSelect)[];
  team: TeamMemberView[];
}

export function presentCase(actor: Actor, row: CaseRow, access: CaseAccess, desks: Map<string, Ref>, parts: CaseParts): CaseView {
  return {
    ...presentSummary(row, desks),
    summary: row.summary,
    closedOn: row.closedOn,
    statusChangedAt: row.statusChangedAt.toISOString(),
    marking: markingOf(row),
    events: parts.events.map((event) => ({ id: event.id, occurredOn: event.occurredOn, place: event.place, economy: event.economy, description: event.description })),
    entities: parts.entities,
    relationships: parts.relationships.map((r) => ({ id: r.id, fromEntityId: r.fromEntityId, toEntityId: r.toEntityId, kind: r.kind, validFrom: r.validFrom, validTo: r.validTo, source: r.source })),
    team: parts.team,
    abilities: abilitiesFor(actor, CASE_ACTIONS, access),
  };
}
