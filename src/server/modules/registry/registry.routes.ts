import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Activity,
  ActivityIdParams,
  ActivityListQuery,
  ActivityPage,
  ActivitySaveInput,
  Board,
  IatiImportInput,
  IatiImportReport,
  OverlapInput,
  OverlapList,
  Rate,
  RateInput,
  RateList,
  RateParams,
  RegistryOptions,
  ThreeW,
} from '../../../contract/registry';
import { requireUserActor } from './registry.context';
import { createIatiService } from './iati.service';
import { type RegistryDeps, createRegistryService } from './registry.service';
import { createViewsService } from './views.service';

const tags = ['registry'];
const FilterQuery = ActivityListQuery.omit({ page: true, pageSize: true });
/** An IATI file of up to 5 MB of text, in a JSON body. */
const IMPORT_BODY_LIMIT = 6 * 1024 * 1024;
const xmlFile = (name: string) => ({ 'content-type': 'application/xml; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` });

export function registerRegistryRoutes(app: FastifyInstance, deps: RegistryDeps) {
  const activities = createRegistryService(deps);
  const views = createViewsService(deps);
  const iati = createIatiService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const open = { public: true } as const;

  routes.get('/api/registry/options', { config: { access: 'registry.activity.create' }, schema: { tags, summary: 'Topics, economies, currencies and marking choices for the activity editor', response: { 200: RegistryOptions } } }, async (request) =>
    activities.options(request.actor),
  );
  routes.get('/api/registry/activities', { config: { access: 'registry.activity.list' }, schema: { tags, summary: 'Activities the user may read, filtered', querystring: ActivityListQuery, response: { 200: ActivityPage } } }, async (request) =>
    activities.list(request.actor, request.query),
  );
  routes.post('/api/registry/overlaps', { config: { access: 'registry.overlap.check' }, schema: { tags, summary: 'Existing activities that look like the same work as a draft, with a score and reasons (only those the user may read)', body: OverlapInput, response: { 200: OverlapList } } }, async (request) =>
    activities.overlaps(request.actor, request.body),
  );
  routes.post('/api/registry/activities', { config: { access: 'registry.activity.create' }, schema: { tags, summary: 'Register an activity; every overlap shown must be acknowledged', body: ActivitySaveInput, response: { 201: Activity } } }, async (request, reply) =>
    reply.status(201).send(await activities.create(request.actor, request.body, request.ip)),
  );
  routes.get('/api/registry/activities/:id', { config: { access: 'registry.activity.read' }, schema: { tags, summary: 'An activity (404 unless the user may read it); reading a marked one is audited', params: ActivityIdParams, response: { 200: Activity } } }, async (request) =>
    activities.read(request.actor, request.params.id, request.ip),
  );
  routes.put('/api/registry/activities/:id', { config: { access: 'registry.activity.update' }, schema: { tags, summary: 'Change an activity of the user’s organisation', params: ActivityIdParams, body: ActivitySaveInput, response: { 200: Activity } } }, async (request) =>
    activities.update(request.actor, request.params.id, request.body, request.ip),
  );
  routes.get('/api/registry/3w', { config: { access: 'registry.activity.list' }, schema: { tags, summary: 'Who does what where: matrix, economies, funding and timeline of the activities the user may read', querystring: FilterQuery, response: { 200: ThreeW } } }, async (request) =>
    views.threeW(request.actor, request.query),
  );
  routes.get('/api/registry/board', { config: { access: 'registry.board.read' }, schema: { tags, summary: 'The secretariat’s coordination board: the pairs of activities with the highest overlap', response: { 200: Board } } }, async (request) =>
    views.board(request.actor),
  );
  routes.get('/api/registry/rates', { config: { access: 'registry.activity.list' }, schema: { tags, summary: 'Annual average exchange rates (units per euro) and their source', response: { 200: RateList } } }, async (request) => views.rates(request.actor));
  routes.put('/api/registry/rates/:currency/:year', { config: { access: 'registry.rate.manage' }, schema: { tags, summary: 'Set a year’s average rate of a currency', params: RateParams, body: RateInput, response: { 200: Rate } } }, async (request) =>
    views.setRate(request.actor, request.params.currency, request.params.year, request.body, request.ip),
  );
  routes.get('/api/registry/iati.xml', { config: { access: 'registry.activity.list' }, schema: { tags, summary: 'The activities the user may read as IATI activity XML 2.03', querystring: FilterQuery, produces: ['application/xml'] } }, async (request, reply) =>
    reply.headers(xmlFile('mosaic-activities.xml')).send(await iati.export(request.actor, request.query, request.ip)),
  );
  routes.post('/api/registry/import', { config: { access: 'registry.activity.import' }, bodyLimit: IMPORT_BODY_LIMIT, schema: { tags, summary: 'Import an IATI 2.03 activity file, with a report per activity', body: IatiImportInput, response: { 200: IatiImportReport } } }, async (request) =>
    iati.import(requireUserActor(request.actor), request.body.xml, request.ip),
  );

  routes.get('/api/registry/public/activities', { config: open, schema: { tags, summary: 'Public activities, for the portal', querystring: ActivityListQuery, response: { 200: ActivityPage } } }, async (request) =>
    activities.list(request.actor, request.query, true),
  );
  routes.get('/api/registry/public/activities/:id', { config: open, schema: { tags, summary: 'A public activity', params: ActivityIdParams, response: { 200: Activity } } }, async (request) =>
    activities.readPublic(request.params.id),
  );
  routes.get('/api/registry/public/3w', { config: open, schema: { tags, summary: 'Who does what where, over the public activities', querystring: FilterQuery, response: { 200: ThreeW } } }, async (request) =>
    views.threeW(request.actor, request.query, true),
  );
  routes.get('/api/registry/public/iati.xml', { config: open, schema: { tags, summary: 'The public activities as IATI activity XML 2.03', querystring: FilterQuery, produces: ['application/xml'] } }, async (request, reply) =>
    reply.headers(xmlFile('mosaic-public-activities.xml')).send(await iati.export(request.actor, request.query, request.ip, true)),
  );
}
