import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ItemIdParams } from '../../../contract/exchange';
import { CrossCheck, ExportQuery, ItemSubjects, FollowUpCreated, FollowUpDecisionInput, FollowUpInput, FollowUpReportInput, FollowUpView } from '../../../contract/exchange-casework';
import type { AppDeps } from '../../platform/deps';
import { createSealedStorage } from '../../platform/files/sealed-storage';
import { sendFile } from '../../platform/http/files';
import { registerAttachmentRoutes } from './attachments.routes';
import { createAttachmentService } from './attachments.service';
import { createCrossCheckService } from './cross-check.service';
import { createFollowUpService } from './follow-up.service';
import { createThreadExportService } from './thread-export.service';

const tags = ['exchange'];

/** Attachments, the thread PDF, hit follow-ups and the cross-check of incoming requests. */
export async function registerCaseworkRoutes(app: FastifyInstance, deps: AppDeps) {
  const storage = createSealedStorage({ filesDir: deps.filesDir, key: deps.keys.encryption, folder: 'exchange' });
  await registerAttachmentRoutes(app, createAttachmentService({ ...deps, storage }));
  const exporter = createThreadExportService(deps);
  const followUps = createFollowUpService(deps);
  const crossCheck = createCrossCheckService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/exchange/items/:id/export.pdf',
    { config: { access: 'exchange.thread.export' }, schema: { tags, summary: 'The thread as a PDF in the UI language asked for: the items the user may read, the hit follow-up, the marking and handling code on every page (audited)', params: ItemIdParams, querystring: ExportQuery, produces: ['application/pdf'] } },
    async (request, reply) => {
      const { bytes, fileName } = await exporter.exportPdf(request.actor, request.params.id, request.ip, request.query.lang);
      return sendFile(reply, { mediaType: 'application/pdf', fileName }, Buffer.from(bytes));
    },
  );

  routes.post(
    '/api/exchange/hit-follow-ups',
    { config: { access: 'exchange.follow_up.open' }, schema: { tags, summary: 'Open a hit follow-up request to the desk holding the alert (Prüm step 2)', body: FollowUpInput, response: { 201: FollowUpCreated } } },
    async (request, reply) => reply.status(201).send(await followUps.open(request.actor, request.body, request.ip)),
  );
  routes.get(
    '/api/exchange/items/:id/follow-up',
    { config: { access: 'exchange.follow_up.read' }, schema: { tags, summary: 'The hit behind a follow-up thread, its report, decision and release', params: ItemIdParams, response: { 200: FollowUpView } } },
    async (request) => followUps.read(request.actor, request.params.id, request.ip),
  );
  routes.post(
    '/api/exchange/items/:id/follow-up/report',
    { config: { access: 'exchange.follow_up.report' }, schema: { tags, summary: 'The screener’s hit report: where and when found, action taken', params: ItemIdParams, body: FollowUpReportInput, response: { 200: FollowUpView } } },
    async (request) => followUps.report(request.actor, request.params.id, request.body, request.ip),
  );
  routes.post(
    '/api/exchange/items/:id/follow-up/decision',
    { config: { access: 'exchange.follow_up.decide' }, schema: { tags, summary: 'The holding desk confirms or rejects the hit', params: ItemIdParams, body: FollowUpDecisionInput, response: { 200: FollowUpView } } },
    async (request) => followUps.decide(request.actor, request.params.id, request.body, request.ip),
  );
  routes.post(
    '/api/exchange/items/:id/follow-up/release',
    { config: { access: 'exchange.follow_up.release' }, schema: { tags, summary: 'Release the alert to the requester’s organisation (audited decision)', params: ItemIdParams, response: { 200: FollowUpView } } },
    async (request) => followUps.release(request.actor, request.params.id, request.ip),
  );

  routes.get(
    '/api/exchange/items/:id/subjects',
    { config: { access: 'exchange.item.read' }, schema: { tags, summary: 'The persons, vehicles and documents a request names, and whether the user may cross-check them', params: ItemIdParams, response: { 200: ItemSubjects } } },
    async (request) => crossCheck.subjects(request.actor, request.params.id),
  );
  routes.post(
    '/api/exchange/items/:id/cross-check',
    { config: { access: 'exchange.item.cross_check' }, schema: { tags, summary: 'Screen the persons, vehicles and documents a received request names against this economy’s wanted alerts', params: ItemIdParams, response: { 200: CrossCheck } } },
    async (request) => crossCheck.run(request.actor, request.params.id, request.ip),
  );
}
