import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AlertIdParams, AlertView, CSV_COLUMNS } from '../../../contract/wanted';
import { AlertHistory, AlertLinkInput, DuplicateCheckInput, DuplicateCheckResult, LinkParams } from '../../../contract/wanted-alerts';
import type { AppDeps } from '../../platform/deps';
import { createAlertExtrasService } from './alert-extras.service';
import { createDuplicateService } from './alert-duplicates.service';
import { SHEET_LANGUAGES } from './alert-sheet.pdf';
import { createAlertSheetService } from './alert-sheet.service';
import { createAlertService } from './alerts.service';
import { importTemplate } from './import-template';
import { createPhotoService } from './photos.service';

const tags = ['wanted'];

/** History, links, the printable sheet, the check before entry and the import templates. */
export function registerAlertExtraRoutes(app: FastifyInstance, deps: AppDeps) {
  const alerts = createAlertService(deps);
  const extras = createAlertExtrasService(deps, alerts);
  const duplicates = createDuplicateService(deps);
  const sheets = createAlertSheetService(deps, alerts, createPhotoService(deps, alerts));
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/wanted/alerts/check',
    {
      config: { access: 'wanted.alert.create' },
      schema: { tags, summary: 'Existing alerts on the same subject, before a new one is entered (hit-only for those the user may not read)', body: DuplicateCheckInput, response: { 200: DuplicateCheckResult } },
    },
    async (request) => duplicates.check(request.actor, request.body, request.ip),
  );

  routes.get(
    '/api/wanted/alerts/:id/history',
    { config: { access: 'wanted.alert.read' }, schema: { tags, summary: 'Every change of the alert: who, when, which fields, before and after (404 when the user may not read it)', params: AlertIdParams, response: { 200: AlertHistory } } },
    async (request) => extras.history(request.actor, request.params.id, request.ip),
  );

  routes.post(
    '/api/wanted/alerts/:id/links',
    { config: { access: 'wanted.alert.update' }, schema: { tags, summary: 'Link another alert the user may read (associate, vehicle used…)', params: AlertIdParams, body: AlertLinkInput, response: { 200: AlertView } } },
    async (request) => extras.link(request.actor, request.params.id, request.body),
  );

  routes.delete(
    '/api/wanted/alerts/:id/links/:linkId',
    { config: { access: 'wanted.alert.update' }, schema: { tags, summary: 'Remove a link', params: LinkParams, response: { 200: AlertView } } },
    async (request) => extras.unlink(request.actor, request.params.id, request.params.linkId),
  );

  routes.get(
    '/api/wanted/alerts/:id/sheet.pdf',
    {
      config: { access: 'wanted.alert.read' },
      schema: { tags, summary: 'The printable alert sheet (PDF) with the marking on every page; audited', params: AlertIdParams, querystring: z.object({ lang: z.enum(SHEET_LANGUAGES).default('en') }).strict() },
    },
    async (request, reply) => {
      const sheet = await sheets.sheet(request.actor, request.params.id, request.ip, request.query.lang);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${sheet.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(sheet.bytes));
    },
  );

  routes.get(
    '/api/wanted/import-template.:format',
    { config: { access: 'wanted.alert.import' }, schema: { tags, summary: `A template for the import (columns: ${CSV_COLUMNS.length})`, params: z.object({ format: z.enum(['csv', 'json']) }).strict() } },
    async (request, reply) => {
      const { format } = request.params;
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="wanted-import-template.${format}"`)
        .send(importTemplate(format, deps.clock()));
    },
  );
}
