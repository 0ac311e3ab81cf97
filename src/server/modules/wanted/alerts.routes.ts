import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AlertCreateInput,
  AlertExtendInput,
  AlertIdParams,
  AlertListQuery,
  AlertPage,
  AlertUpdateInput,
  AlertView,
  AlertWithdrawInput,
  HitListQuery,
  HitPage,
  ImportInput,
  ImportReport,
  MarkingOptions,
  PhotoAdded,
  PhotoParams,
  PhotoQuery,
  Recipients,
  RecipientsPreviewInput,
} from '../../../contract/wanted';
import type { AppDeps } from '../../platform/deps';
import { BadRequestProblem } from '../../platform/http/errors';
import { createAlertService, requireUser } from './alerts.service';
import { createHitService } from './hits.service';
import { createImportService } from './import.service';
import { PHOTO_MAX_BYTES, createPhotoService } from './photos.service';
import { loadMarkingChoices } from '../directory';
import { listDesksIn } from './wanted.queries';

const tags = ['wanted'];

export async function registerAlertRoutes(app: FastifyInstance, deps: AppDeps) {
  const alerts = createAlertService(deps);
  const photos = createPhotoService(deps, alerts);
  const imports = createImportService(deps);
  const hits = createHitService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/wanted/alerts',
    { config: { access: 'wanted.alert.list' }, schema: { tags, summary: 'Alerts the user may read, by kind, status and name or identifier', querystring: AlertListQuery, response: { 200: AlertPage } } },
    async (request) => alerts.list(request.actor, request.query),
  );

  routes.post(
    '/api/wanted/alerts',
    { config: { access: 'wanted.alert.create' }, schema: { tags, summary: 'Issue an alert from one of the user’s desks', body: AlertCreateInput, response: { 201: AlertView } } },
    async (request, reply) => reply.status(201).send(await alerts.create(request.actor, request.body)),
  );

  routes.post(
    '/api/wanted/alerts/import',
    { config: { access: 'wanted.alert.import' }, schema: { tags, summary: 'Import alerts from CSV or JSON: valid rows are imported, the others reported', body: ImportInput, response: { 200: ImportReport } } },
    async (request) => imports.run(request.actor, request.body, request.ip),
  );

  routes.get(
    '/api/wanted/marking-options',
    { config: { access: 'wanted.alert.create' }, schema: { tags, summary: 'Issuing desks and possible recipients for the create form', response: { 200: MarkingOptions } } },
    async (request) => {
      const user = requireUser(request.actor);
      const [issuingDesks, choices] = await Promise.all([listDesksIn(deps.db, user.deskIds, user.economy), loadMarkingChoices(deps.db)]);
      return { issuingDesks, ...choices };
    },
  );

  routes.post(
    '/api/wanted/recipients',
    { config: { access: 'wanted.alert.create' }, schema: { tags, summary: 'Exactly who a marking would let read an alert', body: RecipientsPreviewInput, response: { 200: Recipients } } },
    async (request) => alerts.recipients(request.actor, request.body.marking),
  );

  routes.get(
    '/api/wanted/alerts/:id',
    { config: { access: 'wanted.alert.read' }, schema: { tags, summary: 'One alert (404 when the user may not read it)', params: AlertIdParams, response: { 200: AlertView } } },
    async (request) => alerts.read(request.actor, request.params.id, request.ip),
  );

  routes.patch(
    '/api/wanted/alerts/:id',
    { config: { access: 'wanted.alert.update' }, schema: { tags, summary: 'Change an active alert', params: AlertIdParams, body: AlertUpdateInput, response: { 200: AlertView } } },
    async (request) => alerts.update(request.actor, request.params.id, request.body),
  );

  routes.post(
    '/api/wanted/alerts/:id/extend',
    { config: { access: 'wanted.alert.extend' }, schema: { tags, summary: 'Extend the validity (also revives an expired alert)', params: AlertIdParams, body: AlertExtendInput, response: { 200: AlertView } } },
    async (request) => alerts.extend(request.actor, request.params.id, request.body),
  );

  routes.post(
    '/api/wanted/alerts/:id/withdraw',
    { config: { access: 'wanted.alert.withdraw' }, schema: { tags, summary: 'Withdraw an alert, with the reason', params: AlertIdParams, body: AlertWithdrawInput, response: { 200: AlertView } } },
    async (request) => alerts.withdraw(request.actor, request.params.id, request.body),
  );

  routes.get(
    '/api/wanted/alerts/:id/hits',
    { config: { access: 'wanted.hit.read' }, schema: { tags, summary: 'Hits on one alert that the user may see', params: AlertIdParams, querystring: HitListQuery, response: { 200: HitPage } } },
    async (request) => {
      await alerts.loadVisible(request.actor, request.params.id, 'wanted.alert.read');
      return hits.list(request.actor, { ...request.query, alertId: request.params.id });
    },
  );

  await app.register(async (scope) => {
    if (!scope.hasContentTypeParser('multipart/form-data')) {
      await scope.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 0, parts: 2 } });
    }
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/wanted/alerts/:id/photos',
      {
        config: { access: 'wanted.alert.update' },
        schema: { tags, summary: 'Add a photo (multipart field `file`, JPEG or PNG, at most 2 MB)', params: AlertIdParams, response: { 201: PhotoAdded } },
      },
      async (request, reply) => {
        if (!request.isMultipart()) throw new BadRequestProblem('Send the photo as multipart/form-data in the field "file".');
        const file = await request.file();
        if (!file) throw new BadRequestProblem('Send the photo in the field "file".');
        // Over the size limit this throws a 413 (payload too large).
        const bytes = await file.toBuffer();
        return reply.status(201).send(await photos.add(request.actor, request.params.id, bytes, request.ip));
      },
    );
  });

  routes.get(
    '/api/wanted/alerts/:id/photos/:photoId',
    { config: { access: 'wanted.alert.read' }, schema: { tags, summary: 'A photo, decrypted, for readers of the alert (`?size=thumb`: a small JPEG)', params: PhotoParams, querystring: PhotoQuery } },
    async (request, reply) => {
      const photo = await photos.read(request.actor, request.params.id, request.params.photoId, request.ip, request.query.size);
      return reply.header('content-type', photo.contentType).header('cache-control', 'private, no-store').send(photo.bytes);
    },
  );
}
