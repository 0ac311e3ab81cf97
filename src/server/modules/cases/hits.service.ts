import type { CorrelationView, FollowUpDecisionInput, FollowUpInput, FollowUpView } from '../../../contract/cases';
import type { Actor, UserActor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import { authorize } from '../../access/authorize';
import { canReadMarked } from '../../access/marking';
import { can } from '../../access/policy';
import type { Db } from '../../db/client';
import { ConflictProblem, NotFoundProblem, UnprocessableProblem } from '../../platform/http/errors';
import { notifyUser } from '../notifications';
import { type CasesDeps, dayOf, loadCase, loadCaseFor, requireUser } from './cases.context';
import { type CaseAccess, canReadCase } from './cases.policy';
import { caseAccessOf, findCases, loadDesks, loadOrganisations, loadTeams, loadUserNames, readersOfCaseDesk } from './cases.queries';
import type { CaseRow, LinkRow } from './cases.schema';
import {
  decideFollowUp,
  findCorrelation,
  findFollowUp,
  findLink,
  followUpsOfOrganisation,
  hasOpenFollowUp,
  insertFollowUp,
  insertRelease,
  listCorrelations,
  listFollowUps,
  listLinksOfCases,
  listLinksOfEntities,
  loadEntities,
  releasedLinkIds,
} from './entities.queries';

/** The cases of the links, each with what its policy needs today. */
export async function loadCaseAccesses(db: Db, caseIds: string[], today: string): Promise<Map<string, { row: CaseRow; access: CaseAccess }>> {
  const [rows, teams] = await Promise.all([findCases(db, caseIds), loadTeams(db, caseIds)]);
  return new Map(rows.map((row) => [row.id, { row, access: caseAccessOf(row, teams, today) }]));
}

/** The actor reads the link's entity in full: the case and the link's own marking admit them. */
export const readsLink = (actor: Actor, link: LinkRow, access: CaseAccess | undefined) => access !== undefined && canReadCase(actor, access) && canReadMarked(actor, link);

/**
 * The correlations of the given entities with entities of other cases, as the actor may see
 * them: the other entity in full where they may read it, the released entity where its desk
 * released it to their organisation, and otherwise only that a match exists (hit/no-hit).
 */
export async function describeCorrelations(db: Db, actor: UserActor, entityIds: string[], caseId: string, today: string): Promise<{ view: CorrelationView; link: LinkRow }[]> {
  const correlations = await listCorrelations(db, entityIds);
  const mine = new Set(entityIds);
  const otherOf = (row: { entityA: string; entityB: string }) => (mine.has(row.entityA) ? row.entityB : row.entityA);
  const links = (await listLinksOfEntities(db, correlations.map(otherOf))).filter((link) => link.caseId !== caseId);
  const [cases, released, followUps, entities] = await Promise.all([
    loadCaseAccesses(db, links.map((link) => link.caseId), today),
    releasedLinkIds(db, actor.organisationId, links.map((link) => link.id)),
    followUpsOfOrganisation(db, actor.organisationId, correlations.map((row) => row.id)),
    loadEntities(db, correlations.map(otherOf)),
  ]);
  const desks = await loadDesks(db, [...cases.values()].map((item) => item.row.ownerDeskId));
  const out: { view: CorrelationView; link: LinkRow }[] = [];
  for (const correlation of correlations) {
    const other = entities.get(otherOf(correlation));
    if (!other) continue;
    for (const link of links.filter((candidate) => candidate.entityId === other.id)) {
      const holding = cases.get(link.caseId);
      if (!holding) continue;
      const visibility = readsLink(actor, link, holding.access) ? 'full' : released.has(link.id) ? 'released' : 'hit';
      const followUp = followUps.find((row) => row.correlationId === correlation.id && row.holdingLinkId === link.id);
      out.push({
        link,
        view: {
          correlationId: correlation.id,
          entityId: mine.has(correlation.entityA) ? correlation.entityA : correlation.entityB,
          holdingLinkId: link.id,
          kind: other.kind,
          basis: correlation.basis.startsWith('person:') ? 'name_and_date_of_birth' : 'identifier',
          visibility,
          holdingDesk: desks.get(holding.row.ownerDeskId) ?? { id: holding.row.ownerDeskId, name: '—', economy: holding.row.ownerEconomy },
          reference: holding.row.reference,
          other:
            visibility === 'hit'
              ? null
              : { caseId: visibility === 'full' ? holding.row.id : null, title: visibility === 'full' ? holding.row.title : null, label: other.label, attributes: other.attributes },
          followUp: followUp ? { id: followUp.id, state: followUp.state } : null,
        },
      });
    }
  }
  return out;
}

export function createHitService(deps: CasesDeps) {
  const { db, audit, clock } = deps;

  async function followUpViews(actor: UserActor, ids?: string[]): Promise<FollowUpView[]> {
    const today = dayOf(clock());
    const rows = (await listFollowUps(db, actor.organisationId, actor.deskIds)).filter((row) => !ids || ids.includes(row.id));
    const links = new Map((await Promise.all(rows.map((row) => findLink(db, row.holdingLinkId)))).flatMap((link) => (link ? [[link.id, link] as const] : [])));
    const cases = await loadCaseAccesses(db, [...links.values()].map((link) => link.caseId), today);
    const [entities, desks, organisations] = await Promise.all([
      loadEntities(db, [...links.values()].map((link) => link.entityId)),
      loadDesks(db, rows.map((row) => row.holdingDeskId)),
      loadOrganisations(db, rows.map((row) => row.requesterOrganisationId)),
    ]);
    const names = await loadUserNames(db, rows.map((row) => row.requesterUserId));
    return rows.flatMap((row) => {
      const link = links.get(row.holdingLinkId);
      const holding = link ? cases.get(link.caseId) : undefined;
      if (!link || !holding) return [];
      const holder = actor.deskIds.includes(row.holdingDeskId) && canReadCase(actor, holding.access);
      if (!holder && row.requesterOrganisationId !== actor.organisationId) return [];
      const organisation = organisations.get(row.requesterOrganisationId);
      return [
        {
          id: row.id,
          state: row.state,
          side: holder ? 'holder' : 'requester',
          reference: holding.row.reference,
          kind: entities.get(link.entityId)?.kind ?? 'person',
          requester: { organisation: organisation?.name ?? '—', economy: organisation?.economy ?? '', name: names.get(row.requesterUserId) ?? '—' },
          holdingDesk: desks.get(row.holdingDeskId) ?? { id: row.holdingDeskId, name: '—', economy: '' },
          caseId: holder ? holding.row.id : null,
          exchangeItemId: holder ? null : row.exchangeItemId,
          createdAt: row.createdAt.toISOString(),
          canDecide: holder && row.state === 'open' && can(actor, 'cases.follow_up.decide', { holdingDeskId: row.holdingDeskId, holdingCase: holding.access }),
        } satisfies FollowUpView,
      ];
    });
  }

  return {
    /** The correlations panel of a case; every correlation shown is one audit event under the holding record's marking. */
    correlations: async (actor: Actor, caseId: string, ip: string): Promise<{ items: CorrelationView[] }> => {
      const user = requireUser(actor);
      const today = dayOf(clock());
      await loadCaseFor(db, user, caseId, today);
      const entityIds = (await listLinksOfCases(db, [caseId])).filter((link) => canReadMarked(user, link)).map((link) => link.entityId);
      const found = await describeCorrelations(db, user, entityIds, caseId, today);
      if (found.length) {
        await audit.command(async (tx) => {
          for (const { view, link } of found) {
            await audit.append(tx, { actor, ip }, { action: 'cases.correlation.shown', recordType: 'case_correlation', recordId: view.correlationId, details: { caseId, holdingLinkId: link.id, visibility: view.visibility, kind: view.kind }, subject: auditSubjectOf(link) });
          }
        });
      }
      return { items: found.map((item) => item.view) };
    },

    /**
     * "Ask for it": an information request through the exchange to the holding economy's
     * contact point, and the follow-up the holding desk decides on, in one transaction. The
     * request carries only what the hit showed (the reference and the kind).
     */
    requestFollowUp: async (actor: Actor, input: FollowUpInput, ip: string): Promise<FollowUpView> => {
      const user = requireUser(actor);
      authorize(user, 'cases.follow_up.request');
      const today = dayOf(clock());
      const [correlation, link] = await Promise.all([findCorrelation(db, input.correlationId), findLink(db, input.holdingLinkId)]);
      if (!correlation || !link || link.removedAt || (link.entityId !== correlation.entityA && link.entityId !== correlation.entityB)) throw new NotFoundProblem();
      const ownEntity = link.entityId === correlation.entityA ? correlation.entityB : correlation.entityA;
      const ownLinks = await listLinksOfEntities(db, [ownEntity]);
      const ownCases = await loadCaseAccesses(db, ownLinks.map((own) => own.caseId), today);
      if (!ownLinks.some((own) => readsLink(user, own, ownCases.get(own.caseId)?.access))) throw new NotFoundProblem();
      const holding = await loadCase(db, link.caseId, today);
      if (!holding) throw new NotFoundProblem();
      if (readsLink(user, link, holding.access)) throw new ConflictProblem('You can read this entity already.');
      const senderDeskId = input.senderDeskId ?? user.deskIds[0];
      if (!senderDeskId || !user.deskIds.includes(senderDeskId)) throw new UnprocessableProblem('The request goes from one of your desks.', [{ path: 'senderDeskId', message: 'not_your_desk' }]);
      if (await hasOpenFollowUp(db, link.id, user.organisationId)) throw new ConflictProblem('Your organisation has already asked for this entity.');
      const kind = (await loadEntities(db, [link.entityId])).get(link.entityId)?.kind ?? 'person';
      const created = await audit.command(async (tx) => {
        const request = await deps.matchRequests.open(tx, user, { senderDeskId, holdingEconomy: holding.row.ownerEconomy, holdingReference: holding.row.reference, entityKind: kind, basis: correlation.basis.startsWith('person:') ? 'name_and_date_of_birth' : 'identifier' }, ip);
        const row = await insertFollowUp(tx, { correlationId: correlation.id, holdingLinkId: link.id, holdingDeskId: holding.row.ownerDeskId, requesterUserId: user.userId, requesterOrganisationId: user.organisationId, state: 'open', exchangeItemId: request.itemId, createdAt: clock() });
        if (!row) throw new ConflictProblem('Your organisation has already asked for this entity.');
        for (const userId of await readersOfCaseDesk(tx, holding.row.ownerDeskId, holding.access)) {
          await notifyUser(tx, { userId, kind: 'cases.follow_up.requested', title: `${user.displayName} (${user.organisationName}, ${user.economy}) asks for an entity of case ${holding.row.reference} that matched (${request.reference})`, link: '/cases/follow-ups', recordType: 'case', recordId: holding.row.id });
        }
        await audit.append(tx, { actor, ip }, { action: 'cases.follow_up.request', recordType: 'case_follow_up', recordId: row.id, details: { correlationId: correlation.id, holdingLinkId: link.id, holdingDeskId: row.holdingDeskId, exchangeItemId: request.itemId }, subject: auditSubjectOf(link) });
        return row;
      });
      return (await followUpViews(user, [created.id]))[0]!;
    },

    followUps: async (actor: Actor): Promise<{ items: FollowUpView[] }> => {
      const user = requireUser(actor);
      authorize(user, 'cases.follow_up.request');
      return { items: await followUpViews(user) };
    },

    /** The holding desk's audited decision: release the linked entity to the requester's organisation, or decline. */
    decide: async (actor: Actor, id: string, input: FollowUpDecisionInput, ip: string): Promise<FollowUpView> => {
      const user = requireUser(actor);
      const row = await findFollowUp(db, id);
      const link = row ? await findLink(db, row.holdingLinkId) : null;
      const holding = link ? await loadCase(db, link.caseId, dayOf(clock())) : null;
      if (!row || !link || !holding) throw new NotFoundProblem();
      authorize(user, 'cases.follow_up.decide', { holdingDeskId: row.holdingDeskId, holdingCase: holding.access }, { type: 'case_follow_up', id, subject: auditSubjectOf(link) });
      const state = input.decision === 'release' ? 'released' : 'declined';
      await audit.command(async (tx) => {
        if (!(await decideFollowUp(tx, id, state, user.userId, clock()))) throw new ConflictProblem('The request has been decided already.');
        if (state === 'released') await insertRelease(tx, { linkId: link.id, organisationId: row.requesterOrganisationId, followUpId: id, decidedBy: user.userId, decidedAt: clock() });
        await notifyUser(tx, { userId: row.requesterUserId, kind: `cases.follow_up.${state}`, title: `Your request on a match held by case ${holding.row.reference} was ${state}`, link: '/cases/follow-ups', recordType: 'case_follow_up', recordId: id });
        await audit.append(tx, { actor, ip }, { action: 'cases.release.decide', recordType: 'case_follow_up', recordId: id, details: { decision: input.decision, holdingLinkId: link.id, organisationId: row.requesterOrganisationId }, subject: auditSubjectOf(link) });
      });
      return (await followUpViews(user, [id]))[0]!;
    },
  };
}
