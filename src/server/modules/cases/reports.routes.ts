import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ChartInput, ReportChartParams, ReportDecisionInput, ReportInput, ReportListQuery, ReportPage, ReportParams, ReportPdfQuery, ReportReturnInput, ReportView } from '../../../contract/cases-reports';
import type { CasesDeps } from './cases.context';
import { createReportReleaseService } from './reports-release.service';
import { createReportService } from './reports.service';

const tags = ['cases'];

/** Risk-analysis reports: written from a template, charts taken from the author's readable cases, released by a second person. */
export function registerCaseReportRoutes(app: FastifyInstance, deps: CasesDeps) {
  const reports = createReportService(deps);
  const release = createReportReleaseService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/cases/reports';

  routes.get(base, { config: { access: 'cases.report.list' }, schema: { tags, summary: 'The reports the user may read: the authoring desk’s, those waiting for the user’s release, and released ones the marking admits', querystring: ReportListQuery, response: { 200: ReportPage } } }, async (request) =>
    reports.list(request.actor, request.query),
  );
  routes.post(base, { config: { access: 'cases.report.write' }, schema: { tags, summary: 'Start a report from a template for one of the user’s desks; the marking is required', body: ReportInput, response: { 201: ReportView } } }, async (request, reply) =>
    reply.status(201).send(await reports.create(request.actor, request.body, request.ip)),
  );
  routes.get(`${base}/:id`, { config: { access: 'cases.report.read' }, schema: { tags, summary: 'A report (404 for one the user may not read); audited', params: ReportParams, response: { 200: ReportView } } }, async (request) =>
    reports.read(request.actor, request.params.id, request.ip),
  );
  routes.put(`${base}/:id`, { config: { access: 'cases.report.write' }, schema: { tags, summary: 'Change a draft (the author); a new marking re-takes every chart under it', params: ReportParams, body: ReportInput, response: { 200: ReportView } } }, async (request) =>
    reports.update(request.actor, request.params.id, request.body, request.ip),
  );
  routes.post(`${base}/:id/charts`, { config: { access: 'cases.report.write' }, schema: { tags, summary: 'Embed a dashboard view: its figures are taken now from the cases the author may read that the report’s marking covers', params: ReportParams, body: ChartInput, response: { 201: ReportView } } }, async (request, reply) =>
    reply.status(201).send(await reports.addChart(request.actor, request.params.id, request.body, request.ip)),
  );
  routes.delete(`${base}/:id/charts/:chartId`, { config: { access: 'cases.report.write' }, schema: { tags, summary: 'Remove a chart from a draft', params: ReportChartParams, response: { 200: ReportView } } }, async (request) =>
    reports.removeChart(request.actor, request.params.id, request.params.chartId, request.ip),
  );
  routes.post(`${base}/:id/submission`, { config: { access: 'cases.report.write' }, schema: { tags, summary: 'Submit the report for release by a second person', params: ReportParams, response: { 200: ReportView } } }, async (request) =>
    release.submit(request.actor, request.params.id, request.ip),
  );
  routes.post(`${base}/:id/approval`, { config: { access: 'cases.report.approve' }, schema: { tags, summary: 'Release the report (a contact point other than the author); audited', params: ReportParams, body: ReportDecisionInput, response: { 200: ReportView } } }, async (request) =>
    release.approve(request.actor, request.params.id, request.body.note, request.ip),
  );
  routes.post(`${base}/:id/return`, { config: { access: 'cases.report.approve' }, schema: { tags, summary: 'Return the report to its author with a note; audited', params: ReportParams, body: ReportReturnInput, response: { 200: ReportView } } }, async (request) =>
    release.return(request.actor, request.params.id, request.body.note, request.ip),
  );
  routes.get(`${base}/:id/export.pdf`, { config: { access: 'cases.report.export' }, schema: { tags, summary: 'A released report as PDF, the marking on every page; audited', params: ReportParams, querystring: ReportPdfQuery, produces: ['application/pdf'] } }, async (request, reply) => {
    const { reference, bytes } = await release.pdf(request.actor, request.params.id, request.query.lang, request.ip);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${reference}.pdf"`).header('cache-control', 'private, no-store').send(Buffer.from(bytes));
  });
}
