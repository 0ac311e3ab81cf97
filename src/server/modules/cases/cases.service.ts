import type { CaseCreateInput, CaseEventInput, CaseListQuery, CaseOptions, CasePage, CaseStatusInput, CaseView, TeamMemberInput } from '../../../contract/cases';
import type { Marking } from '../../../contract/core';
import { canReadMarked } from '../../access/marking';
import { auditSubjectOf } from '../../access/audit-scope';
import type { Actor } from '../../access/actor';
import { authorize } from '../../access/authorize';
import { ConflictProblem, NotFoundProblem, UnprocessableProblem } from '../../platform/http/errors';
import { loadMarkingChoices } from '../directory';
import { type CasesDeps, dayOf, loadCaseFor, newCaseReference, requireUser } from './cases.context';
import { markingReachesOrganisation } from './cases.marking';
import { presentCase, presentEntity, presentSummary, presentTeamMember } from './cases.presenter';
import {
  endTeamMembership,
  insertCase,
  insertEvent,
  insertTeamMember,
  listCases,
  listEvents,
  listRelationships,
  loadDesks,
  loadOrganisations,
  sharingGroupsOfOrganisation,
  updateCase,
  visibleCases,
} from './cases.queries';
import { listLinksOfCases, loadEntities } from './entities.queries';

type Problem = { path: string; message: string };

/** Economies, organisations and sharing groups the marking names must exist. */
export async function markingProblems(deps: CasesDeps, marking: Marking): Promise<Problem[]> {
  const choices = await loadMarkingChoices(deps.db);
  const problems: Problem[] = [];
  if (!marking.releasableEconomies.every((code) => choices.economies.some((economy) => economy.code === code))) problems.push({ path: 'marking.releasableEconomies', message: 'unknown_economy' });
  if (!marking.releasableOrganisations.every((id) => choices.organisations.some((organisation) => organisation.id === id))) problems.push({ path: 'marking.releasableOrganisations', message: 'unknown_organisation' });
  if (!marking.sharingGroups.every((id) => choices.sharingGroups.some((group) => group.id === id))) problems.push({ path: 'marking.sharingGroups', message: 'unknown_sharing_group' });
  return problems;
}

export function createCaseService(deps: CasesDeps) {
  const { db, audit, clock } = deps;

  async function view(actor: Actor, id: string): Promise<CaseView> {
    const today = dayOf(clock());
    const { row, team, access } = await loadCaseFor(db, actor, id, today);
    const links = (await listLinksOfCases(db, [id])).filter((link) => canReadMarked(actor, link));
    const [entities, events, relationships, desks, organisations] = await Promise.all([
      loadEntities(db, links.map((link) => link.entityId)),
      listEvents(db, id),
      listRelationships(db, [id]),
      loadDesks(db, [row.ownerDeskId]),
      loadOrganisations(db, team.map((member) => member.organisationId)),
    ]);
    const shown = new Set(links.map((link) => link.entityId));
    return presentCase(actor, row, access, desks, {
      events,
      entities: links.flatMap((link) => (entities.has(link.entityId) ? [presentEntity(link, entities.get(link.entityId)!)] : [])),
      relationships: relationships.filter((r) => shown.has(r.fromEntityId) && shown.has(r.toEntityId)),
      team: team.map((member) => presentTeamMember(member, organisations, today)),
    });
  }

  return {
    view,

    options: async (actor: Actor): Promise<CaseOptions> => {
      const user = requireUser(actor);
      const [desks, choices] = await Promise.all([loadDesks(db, user.deskIds), loadMarkingChoices(db)]);
      return { desks: [...desks.values()], ...choices };
    },

    list: async (actor: Actor, query: CaseListQuery): Promise<CasePage> => {
      authorize(actor, 'cases.case.list');
      const { rows, total } = await listCases(db, visibleCases(actor, dayOf(clock())), query);
      const desks = await loadDesks(db, rows.map((row) => row.ownerDeskId));
      return { items: rows.map((row) => presentSummary(row, desks)), total, page: query.page, pageSize: query.pageSize };
    },

    read: async (actor: Actor, id: string, ip: string): Promise<CaseView> => {
      const result = await view(actor, id);
      await audit.record({ actor, ip }, { action: 'cases.case.read', recordType: 'case', recordId: id, details: { entityIds: result.entities.map((entity) => entity.entityId) }, subject: auditSubjectOf({ ...result.marking, ownerEconomy: result.ownerEconomy }) });
      return result;
    },

    create: async (actor: Actor, input: CaseCreateInput, ip: string): Promise<CaseView> => {
      const user = requireUser(actor);
      authorize(user, 'cases.case.create');
      const problems = await markingProblems(deps, input.marking);
      if (!user.deskIds.includes(input.ownerDeskId)) problems.push({ path: 'ownerDeskId', message: 'not_your_desk' });
      if (problems.length) throw new UnprocessableProblem('The case is not complete or not valid.', problems);
      const now = clock();
      const row = await audit.command(async (tx) => {
        const created = await insertCase(tx, {
          reference: newCaseReference(user.economy),
          title: input.title,
          summary: input.summary,
          crimeArea: input.crimeArea,
          status: 'open',
          openedOn: input.openedOn,
          statusChangedAt: now,
          ownerDeskId: input.ownerDeskId,
          createdBy: user.userId,
          ...input.marking,
          ownerOrganisationId: user.organisationId,
          ownerEconomy: user.economy,
          createdAt: now,
          updatedAt: now,
        });
        await audit.append(tx, { actor, ip }, { action: 'cases.case.create', recordType: 'case', recordId: created.id, details: { crimeArea: created.crimeArea, classification: created.classification, tlp: created.tlp, ownerDeskId: created.ownerDeskId }, subject: auditSubjectOf(created) });
        return created;
      });
      return view(user, row.id);
    },

    setStatus: async (actor: Actor, id: string, input: CaseStatusInput, ip: string): Promise<CaseView> => {
      const { row } = await loadCaseFor(db, actor, id, dayOf(clock()), 'cases.case.update');
      if (row.status === input.status) throw new ConflictProblem(`The case is already ${input.status}.`);
      const now = clock();
      await audit.command(async (tx) => {
        await updateCase(tx, id, { status: input.status, statusChangedAt: now, closedOn: input.status === 'closed' ? dayOf(now) : null, updatedAt: now });
        await audit.append(tx, { actor, ip }, { action: 'cases.case.status', recordType: 'case', recordId: id, details: { from: row.status, to: input.status }, subject: auditSubjectOf(row) });
      });
      return view(actor, id);
    },

    addEvent: async (actor: Actor, id: string, input: CaseEventInput, ip: string): Promise<CaseView> => {
      const user = requireUser(actor);
      const { row } = await loadCaseFor(db, user, id, dayOf(clock()), 'cases.entity.add');
      if (input.economy && !(await loadMarkingChoices(db)).economies.some((economy) => economy.code === input.economy)) {
        throw new UnprocessableProblem('The economy is unknown.', [{ path: 'economy', message: 'unknown_economy' }]);
      }
      await audit.command(async (tx) => {
        const eventId = await insertEvent(tx, { caseId: id, ...input, createdBy: user.userId, createdAt: clock() });
        await audit.append(tx, { actor, ip }, { action: 'cases.event.add', recordType: 'case', recordId: id, details: { eventId, fields: ['occurredOn', 'place', 'economy', 'description'] }, subject: auditSubjectOf(row) });
      });
      return view(user, id);
    },

    addTeamMember: async (actor: Actor, id: string, input: TeamMemberInput, ip: string): Promise<CaseView> => {
      const user = requireUser(actor);
      const today = dayOf(clock());
      const { row, team } = await loadCaseFor(db, user, id, today, 'cases.team.manage');
      const organisation = (await loadOrganisations(db, [input.organisationId])).get(input.organisationId);
      if (!organisation) throw new UnprocessableProblem('The organisation is unknown.', [{ path: 'organisationId', message: 'unknown_organisation' }]);
      if (organisation.economy === row.ownerEconomy) throw new UnprocessableProblem('A joint investigation team joins organisations of other economies.', [{ path: 'organisationId', message: 'same_economy' }]);
      const groups = await sharingGroupsOfOrganisation(db, organisation.id, organisation.economy);
      if (!markingReachesOrganisation(row, { ...organisation, sharingGroupIds: groups })) {
        throw new UnprocessableProblem('The case’s marking does not release it to this organisation: widen the marking first.', [{ path: 'organisationId', message: 'outside_marking' }]);
      }
      if (team.some((member) => member.organisationId === organisation.id && member.leftAt === null)) throw new ConflictProblem('The organisation is already on the team.');
      await audit.command(async (tx) => {
        const member = await insertTeamMember(tx, { caseId: id, organisationId: organisation.id, role: input.role, startsOn: input.startsOn, endsOn: input.endsOn, addedBy: user.userId, createdAt: clock() });
        await audit.append(tx, { actor, ip }, { action: 'cases.team.add', recordType: 'case', recordId: id, details: { memberId: member.id, organisationId: organisation.id, role: input.role }, subject: auditSubjectOf(row) });
      });
      return view(user, id);
    },

    /** The owning desk removes a member, or the member organisation leaves: access ends at once. */
    endMembership: async (actor: Actor, id: string, memberId: string, ip: string): Promise<{ ended: true }> => {
      const user = requireUser(actor);
      const { row, team, access } = await loadCaseFor(db, user, id, dayOf(clock()));
      const member = team.find((candidate) => candidate.id === memberId && candidate.leftAt === null);
      if (!member) throw new NotFoundProblem();
      if (member.organisationId === user.organisationId) authorize(user, 'cases.team.leave', access, { type: 'case', id });
      else authorize(user, 'cases.team.manage', access, { type: 'case', id });
      await audit.command(async (tx) => {
        if (!(await endTeamMembership(tx, memberId, clock()))) throw new ConflictProblem('The membership has already ended.');
        await audit.append(tx, { actor, ip }, { action: 'cases.team.end', recordType: 'case', recordId: id, details: { memberId, organisationId: member.organisationId }, subject: auditSubjectOf(row) });
      });
      return { ended: true };
    },
  };
}
