import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../../contract/cases';
import { CaseImportInput, ExportQuery, IMPORT_MAX_BYTES, ImportPreview, ImportResult } from '../../../../contract/cases-interop';
import type { CasesDeps } from '../cases.context';
import { type ExportFormat, createInteropService } from './interop.service';

const tags = ['cases'];
const MEDIA: Record<ExportFormat, string> = { stix: 'application/stix+json;version=2.1', misp: 'application/json; charset=utf-8' };
// The content travels as a JSON string: room for escaping on top of the content cap.
const IMPORT_BODY_LIMIT = IMPORT_MAX_BYTES * 2 + 64 * 1024;

/** STIX 2.1 and MISP export of a case, and import (STIX, MISP, CSV) with a preview before the one transaction. */
export function registerCaseInteropRoutes(app: FastifyInstance, deps: CasesDeps) {
  const interop = createInteropService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  for (const format of ['stix', 'misp'] as const) {
    routes.get(`/api/cases/:id/export/${format}`, { config: { access: 'cases.case.read' }, schema: { tags, summary: `The case as ${format === 'stix' ? 'a STIX 2.1 bundle' : 'a MISP event'}: only the entities the user may read; \`entity\` limits it to the graph view’s selection; audited`, params: IdParams, querystring: ExportQuery } }, async (request, reply) => {
      const selection = request.query.entity === undefined ? null : [request.query.entity].flat();
      const { document, filename } = await interop.export(request.actor, request.params.id, format, selection, request.ip);
      return reply.type(MEDIA[format]).header('content-disposition', `attachment; filename="${filename}"`).send(JSON.stringify(document, null, 2));
    });
  }
  routes.post('/api/cases/:id/import/preview', { config: { access: 'cases.entity.add' }, bodyLimit: IMPORT_BODY_LIMIT, schema: { tags, summary: 'What an import would create, merge or reject; writes nothing', params: IdParams, body: CaseImportInput, response: { 200: ImportPreview } } }, async (request) =>
    interop.preview(request.actor, request.params.id, request.body, request.ip),
  );
  routes.post('/api/cases/:id/import', { config: { access: 'cases.entity.add' }, bodyLimit: IMPORT_BODY_LIMIT, schema: { tags, summary: 'Import the file’s entities and relationships into the case in one transaction', params: IdParams, body: CaseImportInput, response: { 201: ImportResult } } }, async (request, reply) =>
    reply.status(201).send(await interop.commit(request.actor, request.params.id, request.body, request.ip)),
  );
}
