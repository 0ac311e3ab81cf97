import type { EntityAddInput, EntityView, GraphView, RelationshipInput } from '../../../contract/cases';
import type { Actor, UserActor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import { canReadMarked } from '../../access/marking';
import type { Db } from '../../db/client';
import { ConflictProblem, NotFoundProblem, UnprocessableProblem } from '../../platform/http/errors';
import { notifyUser } from '../notifications';
import { type CasesDeps, type LoadedCase, dayOf, loadCaseFor, requireUser } from './cases.context';
import { widerThanCase } from './cases.marking';
import { canReadCase } from './cases.policy';
import { presentEntity } from './cases.presenter';
import { insertRelationship, listRelationships, loadOrganisations, readersOfCaseDesk } from './cases.queries';
import { markingProblems } from './cases.service';
import type { EntityRow } from './cases.schema';
import { correlateEntity } from './correlation';
import { insertEntity } from './correlation.queries';
import { findEntityByIdentity, insertLink, listLinksOfCases, listLinksOfEntities, loadEntities } from './entities.queries';
import { describeCorrelations, loadCaseAccesses, readsLink } from './hits.service';
import { normaliseEntity } from './cases.normalise';

type GraphNode = GraphView['nodes'][number];
type GraphEdge = GraphView['edges'][number];

/** The holding desks of cases the adder may not read learn that their case matched, and whose entry did it. */
export async function noticeHoldingDesks(tx: Db, actor: UserActor, entity: EntityRow, otherEntityIds: string[], today: string) {
  const links = await listLinksOfEntities(tx, otherEntityIds);
  const cases = await loadCaseAccesses(tx, links.map((link) => link.caseId), today);
  const noticed = new Set<string>();
  for (const link of links) {
    const holding = cases.get(link.caseId);
    if (!holding || noticed.has(holding.row.id) || canReadCase(actor, holding.access)) continue;
    noticed.add(holding.row.id);
    for (const userId of await readersOfCaseDesk(tx, holding.row.ownerDeskId, holding.access)) {
      await notifyUser(tx, { userId, kind: 'cases.correlation.hit', title: `A ${entity.kind} of case ${holding.row.reference} matched an entry by ${actor.displayName} (${actor.organisationName}, ${actor.economy})`, link: `/cases/${holding.row.id}`, recordType: 'case', recordId: holding.row.id });
    }
  }
}

export function createEntityService(deps: CasesDeps) {
  const { db, audit, clock } = deps;

  /** The links of the case the actor may read, with their entities. */
  async function readableEntities(actor: Actor, caseId: string) {
    const links = (await listLinksOfCases(db, [caseId])).filter((link) => canReadMarked(actor, link));
    const entities = await loadEntities(db, links.map((link) => link.entityId));
    return links.flatMap((link) => (entities.has(link.entityId) ? [{ link, entity: entities.get(link.entityId)! }] : []));
  }

  async function addNodesOfCase(actor: UserActor, loaded: LoadedCase, nodes: Map<string, GraphNode>, edges: Map<string, GraphEdge>) {
    const caseNode = `case:${loaded.row.id}`;
    nodes.set(caseNode, { id: caseNode, kind: 'case', label: loaded.row.reference, caseId: loaded.row.id });
    const readable = await readableEntities(actor, loaded.row.id);
    for (const { entity } of readable) {
      nodes.set(entity.id, { id: entity.id, kind: entity.kind, label: entity.label, caseId: loaded.row.id });
      edges.set(`${caseNode}>${entity.id}`, { id: `${caseNode}>${entity.id}`, source: caseNode, target: entity.id, kind: 'linked' });
    }
    const shown = new Set(readable.map((item) => item.entity.id));
    for (const relationship of await listRelationships(db, [loaded.row.id])) {
      if (shown.has(relationship.fromEntityId) && shown.has(relationship.toEntityId)) {
        edges.set(relationship.id, { id: relationship.id, source: relationship.fromEntityId, target: relationship.toEntityId, kind: relationship.kind });
      }
    }
    return readable;
  }

  return {
    add: async (actor: Actor, caseId: string, input: EntityAddInput, ip: string): Promise<EntityView> => {
      const user = requireUser(actor);
      const today = dayOf(clock());
      const { row } = await loadCaseFor(db, user, caseId, today, 'cases.entity.add');
      const normalised = normaliseEntity(input, user.economy);
      const organisations = await loadOrganisations(db, input.marking.releasableOrganisations);
      const economies = new Map([...organisations.values()].map((organisation) => [organisation.id, organisation.economy]));
      const problems = [...(normalised.ok ? [] : normalised.problems), ...(await markingProblems(deps, input.marking)), ...widerThanCase(input.marking, row, economies)];
      if (!normalised.ok || problems.length) throw new UnprocessableProblem('The entity is not valid, or its marking is wider than the case’s.', problems);
      const { entity: values } = normalised;
      const now = clock();
      const { link, entity } = await audit.command(async (tx) => {
        const existing = await findEntityByIdentity(tx, user.organisationId, input.kind, values.identityKey);
        const entity =
          existing ??
          (await insertEntity(tx, { ownerOrganisationId: user.organisationId, kind: input.kind, label: values.label, attributes: values.attributes, identityKey: values.identityKey, dateOfBirth: values.dateOfBirth, createdAt: now, updatedAt: now }, values.keys));
        const link = await insertLink(tx, { caseId, entityId: entity.id, role: input.role, addedBy: user.userId, ...input.marking, ownerOrganisationId: row.ownerOrganisationId, ownerEconomy: row.ownerEconomy, createdAt: now });
        if (!link) throw new ConflictProblem('This entity is in the case already.');
        const found = existing ? [] : await correlateEntity(tx, entity, values.keys, deps.config.CASES_CORRELATION_CAP, now);
        await noticeHoldingDesks(tx, user, entity, found.map((item) => item.otherEntityId), today);
        await audit.append(tx, { actor, ip }, { action: 'cases.entity.add', recordType: 'case_entity', recordId: entity.id, details: { caseId, linkId: link.id, kind: entity.kind, reused: existing !== null, fields: Object.keys(input.attributes) }, subject: auditSubjectOf(link) });
        return { link, entity };
      });
      return presentEntity(link, entity);
    },

    read: async (actor: Actor, caseId: string, entityId: string, ip: string): Promise<EntityView> => {
      await loadCaseFor(db, actor, caseId, dayOf(clock()));
      const found = (await readableEntities(actor, caseId)).find((item) => item.entity.id === entityId);
      if (!found) throw new NotFoundProblem();
      await audit.record({ actor, ip }, { action: 'cases.entity.read', recordType: 'case_entity', recordId: entityId, details: { caseId, linkId: found.link.id }, subject: auditSubjectOf(found.link) });
      return presentEntity(found.link, found.entity);
    },

    relate: async (actor: Actor, caseId: string, input: RelationshipInput, ip: string): Promise<{ id: string }> => {
      const user = requireUser(actor);
      const { row } = await loadCaseFor(db, user, caseId, dayOf(clock()), 'cases.entity.add');
      const readable = new Set((await readableEntities(user, caseId)).map((item) => item.entity.id));
      const problems = [
        ...(readable.has(input.fromEntityId) ? [] : [{ path: 'fromEntityId', message: 'not_an_entity_of_this_case' }]),
        ...(readable.has(input.toEntityId) ? [] : [{ path: 'toEntityId', message: 'not_an_entity_of_this_case' }]),
        ...(input.fromEntityId === input.toEntityId ? [{ path: 'toEntityId', message: 'same_entity' }] : []),
        ...(input.validFrom && input.validTo && input.validTo < input.validFrom ? [{ path: 'validTo', message: 'before_valid_from' }] : []),
      ];
      if (problems.length) throw new UnprocessableProblem('The relationship is not valid.', problems);
      return audit.command(async (tx) => {
        const id = await insertRelationship(tx, { caseId, ...input, createdBy: user.userId, createdAt: clock() });
        await audit.append(tx, { actor, ip }, { action: 'cases.relationship.add', recordType: 'case', recordId: caseId, details: { relationshipId: id, kind: input.kind, fromEntityId: input.fromEntityId, toEntityId: input.toEntityId }, subject: auditSubjectOf(row) });
        return { id };
      });
    },

    /**
     * The case's graph: the case, its entities and relationships the actor may read; `expand`
     * adds one hop around an entity: the other cases the actor may read that hold it, their
     * relationships to it, and its correlations (another case's entity as a bare "hit" node
     * unless the actor may read it or it was released to their organisation).
     */
    graph: async (actor: Actor, caseId: string, expand: string | undefined, ip: string): Promise<GraphView> => {
      const user = requireUser(actor);
      const today = dayOf(clock());
      const loaded = await loadCaseFor(db, user, caseId, today);
      const nodes = new Map<string, GraphNode>();
      const edges = new Map<string, GraphEdge>();
      await addNodesOfCase(user, loaded, nodes, edges);
      if (expand) {
        const links = await listLinksOfEntities(db, [expand]);
        const cases = await loadCaseAccesses(db, links.map((link) => link.caseId), today);
        const holding = links.filter((link) => readsLink(user, link, cases.get(link.caseId)?.access));
        if (holding.length === 0) throw new NotFoundProblem();
        for (const link of holding) {
          const other = cases.get(link.caseId)!;
          if (link.caseId !== caseId) await addNodesOfCase(user, { row: other.row, team: [], access: other.access }, nodes, edges);
        }
        for (const { view } of await describeCorrelations(db, user, [expand], '', today)) {
          const target = view.visibility === 'hit' ? `hit:${view.holdingLinkId}` : `link:${view.holdingLinkId}`;
          const label = view.visibility === 'hit' ? view.holdingDesk.name : (view.other?.label ?? '');
          nodes.set(target, { id: target, kind: view.visibility === 'hit' ? 'hit' : view.kind, label, caseId: view.other?.caseId ?? null });
          edges.set(`${expand}~${target}`, { id: `${expand}~${target}`, source: expand, target, kind: 'correlates' });
        }
      }
      await audit.record({ actor, ip }, { action: 'cases.graph.read', recordType: 'case', recordId: caseId, details: { expand: expand ?? null }, subject: auditSubjectOf(loaded.row) });
      return { nodes: [...nodes.values()], edges: [...edges.values()] };
    },

  };
}
