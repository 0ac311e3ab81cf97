import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditEventDetail, AuditEventPage, AuditEventParams, AuditEventQuery, AuditVerifyResult } from '../../../contract/audit';
import { Problem } from '../../../contract/core';
import type { AuditLogService } from './audit.service';

const tags = ['audit'];
const problems = { 400: Problem, 401: Problem, 403: Problem };

export function registerAuditRoutes(app: FastifyInstance, service: AuditLogService) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/audit/events',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'Audit events, newest first, filtered and paged (the read is audited)',
        querystring: AuditEventQuery,
        response: { 200: AuditEventPage, ...problems },
      },
    },
    async (request) => service.list({ actor: request.actor, ip: request.ip }, request.query),
  );

  routes.get(
    '/api/audit/events/:id',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'One audit event with its hash (the read is audited)',
        params: AuditEventParams,
        response: { 200: AuditEventDetail, ...problems, 404: Problem },
      },
    },
    async (request) => service.get({ actor: request.actor, ip: request.ip }, request.params.id),
  );

  routes.get(
    '/api/audit/events.csv',
    {
      config: { access: 'audit.export' },
      schema: {
        tags,
        summary: 'The filtered events as CSV, newest first, at most 10,000 (the export is audited)',
        querystring: AuditEventQuery.omit({ page: true, pageSize: true }),
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const csv = await service.exportCsv({ actor: request.actor, ip: request.ip }, request.query);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="audit-events.csv"').send(csv);
    },
  );

  routes.get(
    '/api/audit/verify',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'Walk the whole chain and check it reaches the signed checkpoint',
        response: { 200: AuditVerifyResult, ...problems },
      },
    },
    async (request) => service.verify({ actor: request.actor, ip: request.ip }),
  );
}
