import type { EntityEditInput, EntityView } from '../../../contract/cases';
import type { Marking } from '../../../contract/core';
import type { Actor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import { canReadMarked } from '../../access/marking';
import { ConflictProblem, ForbiddenProblem, NotFoundProblem, UnprocessableProblem } from '../../platform/http/errors';
import { notifyUser } from '../notifications';
import { type CasesDeps, dayOf, loadCaseFor, requireUser } from './cases.context';
import { normaliseEntity } from './cases.normalise';
import { markingOf, widerThanCase } from './cases.marking';
import { onOwningSide } from './cases.policy';
import { loadOrganisations } from './cases.queries';
import { markingProblems } from './cases.service';
import { presentEntity } from './cases.presenter';
import { correlateEntity } from './correlation';
import { deleteRelationshipsOf, dropCorrelationsOf, removeLink, rewriteEntity, setLinkMarking, updateLinkRole, withdrawFollowUpsOn } from './entity-edit.queries';
import { findEntityByIdentity, listLinksOfCases, loadEntities } from './entities.queries';
import { noticeHoldingDesks } from './entities.service';

/** The attribute names whose value changed (the audit keeps names, never values). */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => JSON.stringify(before[name] ?? null) !== JSON.stringify(after[name] ?? null)).sort();
}

/** Correcting an entity (normalised, correlated again) and unlinking it from a case. */
export function createEntityEditService(deps: CasesDeps) {
  const { db, audit, clock } = deps;

  /** The case (the actor may add to it) and the entity's live link there, which the actor may read; else 404. */
  async function loadLinked(actor: Actor, caseId: string, entityId: string) {
    const loaded = await loadCaseFor(db, actor, caseId, dayOf(clock()), 'cases.entity.add');
    const link = (await listLinksOfCases(db, [caseId])).find((candidate) => candidate.entityId === entityId && canReadMarked(actor, candidate));
    const entity = link ? (await loadEntities(db, [entityId])).get(entityId) : undefined;
    if (!link || !entity) throw new NotFoundProblem();
    return { ...loaded, link, entity };
  }

  return {
    /**
     * A correction (a typo in a name, a wrong digit): only the organisation that holds the entity
     * changes it, in every case of theirs that links it. The keys are rebuilt, the correlations
     * made by the old values go (unless a follow-up was asked on one) and new ones are looked for.
     */
    update: async (actor: Actor, caseId: string, entityId: string, input: EntityEditInput, ip: string): Promise<EntityView> => {
      const user = requireUser(actor);
      const { link, entity } = await loadLinked(user, caseId, entityId);
      if (entity.ownerOrganisationId !== user.organisationId) throw new ForbiddenProblem('Only the organisation that recorded the entity corrects it.');
      if (input.kind !== entity.kind) throw new UnprocessableProblem('The kind of an entity does not change; add a new entity instead.', [{ path: 'kind', message: 'kind_changed' }]);
      const normalised = normaliseEntity(input, user.economy);
      if (!normalised.ok) throw new UnprocessableProblem('The entity is not valid.', normalised.problems);
      const values = normalised.entity;
      const now = clock();
      const fields = changedFields(entity.attributes, values.attributes);
      const result = await audit.command(async (tx) => {
        const other = await findEntityByIdentity(tx, user.organisationId, entity.kind, values.identityKey);
        if (other && other.id !== entity.id) throw new ConflictProblem('Your organisation holds an entity with these identifiers already; link that one instead.');
        await rewriteEntity(tx, entity.id, { label: values.label, attributes: values.attributes, identityKey: values.identityKey, dateOfBirth: values.dateOfBirth, updatedAt: now }, values.keys);
        if (input.role !== undefined) await updateLinkRole(tx, [link.id], input.role);
        const dropped = await dropCorrelationsOf(tx, entity.id);
        const updated = { ...entity, label: values.label, attributes: values.attributes, identityKey: values.identityKey, dateOfBirth: values.dateOfBirth, updatedAt: now };
        const found = await correlateEntity(tx, updated, values.keys, deps.config.CASES_CORRELATION_CAP, now);
        await noticeHoldingDesks(tx, user, updated, found.map((item) => item.otherEntityId), dayOf(now));
        await audit.append(tx, { actor, ip }, {
          action: 'cases.entity.update',
          recordType: 'case_entity',
          recordId: entity.id,
          details: { caseId, linkId: link.id, kind: entity.kind, fields: input.role !== undefined && input.role !== link.role ? [...fields, 'role'] : fields, correlationsDropped: dropped, correlationsFound: found.length },
          subject: auditSubjectOf(link),
        });
        return { entity: updated, link: { ...link, role: input.role ?? link.role } };
      });
      return presentEntity(result.link, result.entity);
    },

    /**
     * Narrows the marking of the entity's link in this case (a source asked for it, a detail
     * turned out to be sensitive). Widening who may read a marked record is not a correction:
     * it is refused, naming the fields, and the link stays as it was.
     */
    narrowMarking: async (actor: Actor, caseId: string, entityId: string, marking: Marking, ip: string): Promise<EntityView> => {
      const user = requireUser(actor);
      const { access, link, entity } = await loadLinked(user, caseId, entityId);
      if (!onOwningSide(user, access) && link.addedBy !== user.userId) throw new ForbiddenProblem('Only the owning side, or whoever linked the entity, changes its marking in the case.');
      const organisations = await loadOrganisations(db, [...marking.releasableOrganisations, ...link.releasableOrganisations]);
      const economies = new Map([...organisations.values()].map((organisation) => [organisation.id, organisation.economy]));
      const problems = [...(await markingProblems(deps, marking)), ...widerThanCase(marking, markingOf(link), economies).map((problem) => ({ ...problem, message: 'wider_than_before' }))];
      if (problems.length) throw new UnprocessableProblem('The new marking must keep or narrow the link’s marking.', problems);
      const before = markingOf(link);
      const fields = changedFields(before, marking);
      if (!fields.length) return presentEntity(link, entity);
      await audit.command(async (tx) => {
        await setLinkMarking(tx, link.id, marking);
        // The subject is the narrower marking, so the event is no easier to read than the link now is.
        await audit.append(tx, { actor, ip }, { action: 'cases.link.marking', recordType: 'case_entity', recordId: entityId, details: { caseId, linkId: link.id, fields }, subject: auditSubjectOf({ ...link, ...marking }) });
      });
      return presentEntity({ ...link, ...marking }, entity);
    },

    /**
     * Takes the entity out of this case: the link is kept as removed (for the audit), the case's
     * relationships that touch it go, and the open follow-ups on it are withdrawn (their
     * requesters are told: there is nothing left to release). The entity stays for the
     * organisation's other cases. The owning side, or whoever linked it, may do it.
     */
    unlink: async (actor: Actor, caseId: string, entityId: string, ip: string): Promise<{ removed: true; relationshipsRemoved: number }> => {
      const user = requireUser(actor);
      const { access, link, row } = await loadLinked(user, caseId, entityId);
      if (!onOwningSide(user, access) && link.addedBy !== user.userId) throw new ForbiddenProblem('Only the owning side, or whoever linked the entity, removes it from the case.');
      return audit.command(async (tx) => {
        const now = clock();
        if (!(await removeLink(tx, link.id, user.userId, now))) throw new ConflictProblem('The entity has been removed from the case already.');
        const relationshipsRemoved = await deleteRelationshipsOf(tx, caseId, entityId);
        const withdrawn = await withdrawFollowUpsOn(tx, link.id, user.userId, now);
        for (const followUp of withdrawn) {
          await notifyUser(tx, { userId: followUp.requesterUserId, kind: 'cases.follow_up.withdrawn', title: `Your request on a match held by case ${row.reference} was withdrawn: the case no longer holds that entity`, link: '/cases/follow-ups', recordType: 'case_follow_up', recordId: followUp.id });
        }
        await audit.append(tx, { actor, ip }, { action: 'cases.entity.unlink', recordType: 'case_entity', recordId: entityId, details: { caseId, linkId: link.id, relationshipsRemoved, followUpsWithdrawn: withdrawn.map((followUp) => followUp.id) }, subject: auditSubjectOf(link) });
        return { removed: true as const, relationshipsRemoved };
      });
    },
  };
}
