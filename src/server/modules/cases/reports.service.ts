import type { ChartInput, ReportInput, ReportListQuery, ReportPage, ReportView } from '../../../contract/cases-reports';
import type { Actor, UserActor } from '../../access/actor';
import { clearedFor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import { authorize } from '../../access/authorize';
import { ConflictProblem, NotFoundProblem, UnprocessableProblem } from '../../platform/http/errors';
import { loadMarkingChoices } from '../directory';
import { type CasesDeps, requireUser } from './cases.context';
import { markingOf } from './cases.marking';
import { loadDesks } from './cases.queries';
import { markingProblems } from './cases.service';
import { economiesOf, loadReportFor, namesOf, newReportReference, templateContent } from './reports.context';
import { presentReport, presentReportSummary } from './reports.presenter';
import { insertReport, listReports, updateReport, visibleReports } from './reports.queries';
import type { ReportRow } from './reports.schema';
import { chartInputOf, takeChart } from './reports.snapshot';

const MAX_CHARTS = 8;
const EDITABLE = ['draft', 'returned'] as const;
const sameMarking = (a: ReturnType<typeof markingOf>, b: ReturnType<typeof markingOf>) => JSON.stringify(a) === JSON.stringify(b);

export function createReportService(deps: CasesDeps) {
  const { db, audit, clock } = deps;

  async function present(actor: Actor, row: ReportRow): Promise<ReportView> {
    const [desks, names] = await Promise.all([loadDesks(db, [row.ownerDeskId]), namesOf(db, [row])]);
    return presentReport(actor, row, desks, names);
  }

  /** The input's problems: the marking's names must exist and be within the author's clearance, the desk the author's, the period forwards. */
  async function inputProblems(user: UserActor, input: ReportInput) {
    const problems = await markingProblems(deps, input.marking);
    if (!clearedFor(user, input.marking.classification)) problems.push({ path: 'marking.classification', message: 'above_your_clearance' });
    if (!user.deskIds.includes(input.ownerDeskId)) problems.push({ path: 'ownerDeskId', message: 'not_your_desk' });
    if (input.periodFrom > input.periodTo) problems.push({ path: 'periodTo', message: 'bad_period' });
    const { economies } = await loadMarkingChoices(db);
    if (!input.economies.every((code) => economies.some((economy) => economy.code === code))) problems.push({ path: 'economies', message: 'unknown_economy' });
    if (problems.length) throw new UnprocessableProblem('The report is not complete or not valid.', problems);
  }

  async function write(actor: Actor, row: ReportRow, values: Partial<ReportRow>, action: string, details: Record<string, unknown>, ip: string): Promise<ReportView> {
    const updated = await audit.command(async (tx) => {
      const changed = await updateReport(tx, row.id, { from: [...EDITABLE], seen: row.updatedAt }, { ...values, updatedAt: clock() });
      if (!changed) throw new ConflictProblem('The report changed meanwhile; reload it.');
      await audit.append(tx, { actor, ip }, { action, recordType: 'case_report', recordId: row.id, details, subject: auditSubjectOf(changed) });
      return changed;
    });
    return present(actor, updated);
  }

  return {
    list: async (actor: Actor, query: ReportListQuery): Promise<ReportPage> => {
      authorize(actor, 'cases.report.list');
      const { rows, total } = await listReports(db, visibleReports(actor), query);
      const [desks, names] = await Promise.all([loadDesks(db, rows.map((row) => row.ownerDeskId)), namesOf(db, rows)]);
      return { items: rows.map((row) => presentReportSummary(row, desks, names)), total, page: query.page, pageSize: query.pageSize };
    },

    read: async (actor: Actor, id: string, ip: string): Promise<ReportView> => {
      const { row } = await loadReportFor(db, actor, id);
      await audit.record({ actor, ip }, { action: 'cases.report.read', recordType: 'case_report', recordId: id, details: { status: row.status, charts: row.charts.length }, subject: auditSubjectOf(row) });
      return present(actor, row);
    },

    create: async (actor: Actor, input: ReportInput, ip: string): Promise<ReportView> => {
      const user = requireUser(actor);
      authorize(user, 'cases.report.write');
      await inputProblems(user, input);
      const now = clock();
      const row = await audit.command(async (tx) => {
        const created = await insertReport(tx, {
          reference: newReportReference(user.economy),
          template: input.template,
          title: input.title,
          periodFrom: input.periodFrom,
          periodTo: input.periodTo,
          crimeAreas: input.crimeAreas,
          economies: input.economies,
          ...templateContent(input),
          charts: [],
          status: 'draft',
          authorId: user.userId,
          ownerDeskId: input.ownerDeskId,
          ...input.marking,
          ownerOrganisationId: user.organisationId,
          ownerEconomy: user.economy,
          createdAt: now,
          updatedAt: now,
        });
        await audit.append(tx, { actor, ip }, { action: 'cases.report.create', recordType: 'case_report', recordId: created.id, details: { template: created.template, classification: created.classification, tlp: created.tlp, ownerDeskId: created.ownerDeskId }, subject: auditSubjectOf(created) });
        return created;
      });
      return present(actor, row);
    },

    /** Changes a draft; a changed marking re-takes every chart under it, so no chart is ever wider than its report. */
    update: async (actor: Actor, id: string, input: ReportInput, ip: string): Promise<ReportView> => {
      const user = requireUser(actor);
      const { row } = await loadReportFor(db, user, id, 'cases.report.write', 'Only the author changes a draft or a returned report.');
      await inputProblems(user, input);
      const remark = !sameMarking(markingOf(row), input.marking);
      const economies = await economiesOf(db, input.marking);
      const now = clock();
      const charts = remark ? await Promise.all(row.charts.map((chart) => takeChart(db, user, chartInputOf(chart), input.marking, economies, now, chart.id))) : row.charts;
      const values = { template: input.template, title: input.title, periodFrom: input.periodFrom, periodTo: input.periodTo, crimeAreas: input.crimeAreas, economies: input.economies, ownerDeskId: input.ownerDeskId, ...templateContent(input), ...input.marking, charts };
      return write(user, row, values, 'cases.report.update', { markingChanged: remark, chartsRetaken: remark ? charts.length : 0 }, ip);
    },

    addChart: async (actor: Actor, id: string, input: ChartInput, ip: string): Promise<ReportView> => {
      const user = requireUser(actor);
      const { row } = await loadReportFor(db, user, id, 'cases.report.write', 'Only the author changes a draft or a returned report.');
      if (row.charts.length >= MAX_CHARTS) throw new UnprocessableProblem(`A report holds at most ${MAX_CHARTS} charts.`, [{ path: 'charts', message: 'too_many_charts' }]);
      const marking = markingOf(row);
      const chart = await takeChart(db, user, input, marking, await economiesOf(db, marking), clock());
      return write(user, row, { charts: [...row.charts, chart] }, 'cases.report.chart_add', { chartId: chart.id, view: chart.view, filters: chart.filters }, ip);
    },

    removeChart: async (actor: Actor, id: string, chartId: string, ip: string): Promise<ReportView> => {
      const user = requireUser(actor);
      const { row } = await loadReportFor(db, user, id, 'cases.report.write', 'Only the author changes a draft or a returned report.');
      if (!row.charts.some((chart) => chart.id === chartId)) throw new NotFoundProblem();
      return write(user, row, { charts: row.charts.filter((chart) => chart.id !== chartId) }, 'cases.report.chart_remove', { chartId }, ip);
    },
  };
}
