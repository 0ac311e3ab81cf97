import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CaseCreateInput,
  CaseEntityParams,
  CaseEventInput,
  CaseListQuery,
  CaseMemberParams,
  CaseOptions,
  CasePage,
  CaseStatusInput,
  CaseView,
  CorrelationList,
  Dashboard,
  DashboardQuery,
  EntityAddInput,
  EntityEditInput,
  EntityView,
  FlaggedKeyInput,
  FlaggedValueList,
  FollowUpDecisionInput,
  FollowUpInput,
  FollowUpList,
  FollowUpView,
  GraphQuery,
  GraphView,
  IdParams,
  RelationshipInput,
  TeamMemberInput,
} from '../../../contract/cases';
import { Marking } from '../../../contract/core';
import type { CasesDeps } from './cases.context';
import { createCaseService } from './cases.service';
import { createDashboardService } from './dashboard.service';
import { registerCaseDocumentRoutes } from './documents.routes';
import { createEntityService } from './entities.service';
import { createEntityEditService } from './entity-edit.service';
import { createFlaggedService } from './flagged.service';
import { createHitService } from './hits.service';

const tags = ['cases'];

export async function registerCaseRoutes(app: FastifyInstance, deps: CasesDeps) {
  await registerCaseDocumentRoutes(app, deps);
  const cases = createCaseService(deps);
  const entities = createEntityService(deps);
  const edits = createEntityEditService(deps);
  const hits = createHitService(deps);
  const dashboards = createDashboardService(deps);
  const flagged = createFlaggedService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/api/cases', { config: { access: 'cases.case.list' }, schema: { tags, summary: 'The cases the user may read (others leave no trace)', querystring: CaseListQuery, response: { 200: CasePage } } }, async (request) =>
    cases.list(request.actor, request.query),
  );
  routes.get('/api/cases/options', { config: { access: 'cases.case.create' }, schema: { tags, summary: 'The user’s desks and the marking choices', response: { 200: CaseOptions } } }, async (request) => cases.options(request.actor));
  routes.post('/api/cases', { config: { access: 'cases.case.create' }, schema: { tags, summary: 'Record a case for one of the user’s desks; the marking is required', body: CaseCreateInput, response: { 201: CaseView } } }, async (request, reply) =>
    reply.status(201).send(await cases.create(request.actor, request.body, request.ip)),
  );
  routes.get('/api/cases/dashboard', { config: { access: 'cases.dashboard.read' }, schema: { tags, summary: 'Counts over the cases the user may read, with the trend against the previous period', querystring: DashboardQuery, response: { 200: Dashboard } } }, async (request) =>
    dashboards.dashboard(request.actor, request.query, request.ip),
  );
  routes.get('/api/cases/dashboard.csv', { config: { access: 'cases.dashboard.read' }, schema: { tags, summary: 'The dashboard’s tables as CSV', querystring: DashboardQuery } }, async (request, reply) =>
    reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="cases-dashboard.csv"').send(await dashboards.csv(request.actor, request.query, request.ip)),
  );
  routes.get('/api/cases/follow-ups', { config: { access: 'cases.follow_up.request' }, schema: { tags, summary: 'Follow-up requests on hits: asked by the user’s organisation, or addressed to their desks', response: { 200: FollowUpList } } }, async (request) =>
    hits.followUps(request.actor),
  );
  routes.post('/api/cases/follow-ups', { config: { access: 'cases.follow_up.request' }, schema: { tags, summary: 'Ask the holding desk for an entity that matched', body: FollowUpInput, response: { 201: FollowUpView } } }, async (request, reply) =>
    reply.status(201).send(await hits.requestFollowUp(request.actor, request.body, request.ip)),
  );
  routes.post('/api/cases/follow-ups/:id/decision', { config: { access: 'cases.follow_up.decide' }, schema: { tags, summary: 'The holding desk releases the entity to the requester’s organisation, or declines', params: IdParams, body: FollowUpDecisionInput, response: { 200: FollowUpView } } }, async (request) =>
    hits.decide(request.actor, request.params.id, request.body, request.ip),
  );
  routes.get('/api/cases/flagged-values', { config: { access: 'cases.flagged_value.manage' }, schema: { tags, summary: 'Values that matched more cases than the over-correlation cap', response: { 200: FlaggedValueList } } }, async (request) => flagged.list(request.actor));
  routes.post('/api/cases/flagged-values/exclusion', { config: { access: 'cases.flagged_value.manage' }, schema: { tags, summary: 'Exclude a value from correlation', body: FlaggedKeyInput, response: { 200: z.object({ excluded: z.literal(true) }) } } }, async (request) =>
    flagged.exclude(request.actor, request.body.key, request.ip),
  );
  routes.get('/api/cases/:id', { config: { access: 'cases.case.read' }, schema: { tags, summary: 'A case with the entities the user may read (404 otherwise); audited', params: IdParams, response: { 200: CaseView } } }, async (request) =>
    cases.read(request.actor, request.params.id, request.ip),
  );
  routes.post('/api/cases/:id/status', { config: { access: 'cases.case.update' }, schema: { tags, summary: 'Open, make dormant or close the case', params: IdParams, body: CaseStatusInput, response: { 200: CaseView } } }, async (request) =>
    cases.setStatus(request.actor, request.params.id, request.body, request.ip),
  );
  routes.post('/api/cases/:id/events', { config: { access: 'cases.entity.add' }, schema: { tags, summary: 'Add an event to the timeline', params: IdParams, body: CaseEventInput, response: { 201: CaseView } } }, async (request, reply) =>
    reply.status(201).send(await cases.addEvent(request.actor, request.params.id, request.body, request.ip)),
  );
  routes.post('/api/cases/:id/entities', { config: { access: 'cases.entity.add' }, schema: { tags, summary: 'Add an entity (normalised and correlated) with a marking no wider than the case’s', params: IdParams, body: EntityAddInput, response: { 201: EntityView } } }, async (request, reply) =>
    reply.status(201).send(await entities.add(request.actor, request.params.id, request.body, request.ip)),
  );
  routes.get('/api/cases/:id/entities/:entityId', { config: { access: 'cases.case.read' }, schema: { tags, summary: 'One entity of the case; audited', params: CaseEntityParams, response: { 200: EntityView } } }, async (request) =>
    entities.read(request.actor, request.params.id, request.params.entityId, request.ip),
  );
  routes.patch('/api/cases/:id/entities/:entityId', { config: { access: 'cases.entity.add' }, schema: { tags, summary: 'Correct an entity (its organisation only): normalised and correlated again; the audit names the fields', params: CaseEntityParams, body: EntityEditInput, response: { 200: EntityView } } }, async (request) =>
    edits.update(request.actor, request.params.id, request.params.entityId, request.body, request.ip),
  );
  routes.put('/api/cases/:id/entities/:entityId/marking', { config: { access: 'cases.entity.add' }, schema: { tags, summary: 'Narrow the marking of the entity’s link in this case (widening is refused: the entity is added again instead)', params: CaseEntityParams, body: z.object({ marking: Marking }).strict(), response: { 200: EntityView } } }, async (request) =>
    edits.narrowMarking(request.actor, request.params.id, request.params.entityId, request.body.marking, request.ip),
  );
  routes.delete('/api/cases/:id/entities/:entityId', { config: { access: 'cases.entity.add' }, schema: { tags, summary: 'Remove the entity from this case (it stays for the organisation’s other cases)', params: CaseEntityParams, response: { 200: z.object({ removed: z.literal(true), relationshipsRemoved: z.number().int() }) } } }, async (request) =>
    edits.unlink(request.actor, request.params.id, request.params.entityId, request.ip),
  );
  routes.post('/api/cases/:id/relationships', { config: { access: 'cases.entity.add' }, schema: { tags, summary: 'Relate two entities of the case', params: IdParams, body: RelationshipInput, response: { 201: z.object({ id: z.string() }) } } }, async (request, reply) =>
    reply.status(201).send(await entities.relate(request.actor, request.params.id, request.body, request.ip)),
  );
  routes.get('/api/cases/:id/graph', { config: { access: 'cases.case.read' }, schema: { tags, summary: 'The case as a graph; `expand` adds one hop around an entity; audited', params: IdParams, querystring: GraphQuery, response: { 200: GraphView } } }, async (request) =>
    entities.graph(request.actor, request.params.id, request.query.expand, request.ip),
  );
  routes.get('/api/cases/:id/correlations', { config: { access: 'cases.case.read' }, schema: { tags, summary: 'Correlations of the case’s entities; another case the user may not read shows only that a match exists', params: IdParams, response: { 200: CorrelationList } } }, async (request) =>
    hits.correlations(request.actor, request.params.id, request.ip),
  );
  routes.post('/api/cases/:id/team', { config: { access: 'cases.team.manage' }, schema: { tags, summary: 'Add an organisation of another economy to the joint investigation team', params: IdParams, body: TeamMemberInput, response: { 201: CaseView } } }, async (request, reply) =>
    reply.status(201).send(await cases.addTeamMember(request.actor, request.params.id, request.body, request.ip)),
  );
  routes.post('/api/cases/:id/team/:memberId/end', { config: { access: 'cases.team.leave' }, schema: { tags, summary: 'Leave the team, or (owning desk) remove a member: access ends at once', params: CaseMemberParams, response: { 200: z.object({ ended: z.literal(true) }) } } }, async (request) =>
    cases.endMembership(request.actor, request.params.id, request.params.memberId, request.ip),
  );
}
