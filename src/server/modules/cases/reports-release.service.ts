import type { ReportView } from '../../../contract/cases-reports';
import { REPORT_TEMPLATES } from '../../../contract/cases-reports';
import type { Actor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import { ConflictProblem, UnprocessableProblem } from '../../platform/http/errors';
import type { PdfLanguage } from '../../platform/pdf/pdf-strings';
import { loadReleaseSettings } from '../exchange';
import { type CasesDeps, requireUser } from './cases.context';
import { markingOf } from './cases.marking';
import { loadDesks } from './cases.queries';
import { economiesOf, loadReportFor, namesOf } from './reports.context';
import { reportCovers } from './reports.marking';
import { renderReportPdf } from './reports.pdf';
import { presentReport } from './reports.presenter';
import { updateReport } from './reports.queries';
import type { ReportRow } from './reports.schema';

type Problem = { path: string; message: string };

/** What a report needs before it may go to release: every section of its template, a chart, the assessment's wording. */
function completeness(row: ReportRow): Problem[] {
  const problems: Problem[] = [];
  for (const section of REPORT_TEMPLATES[row.template]) {
    if (section !== 'charts' && !row.sections[section]?.trim()) problems.push({ path: `sections.${section}`, message: 'required' });
  }
  if (row.charts.length === 0) problems.push({ path: 'charts', message: 'at_least_one_chart' });
  if ((REPORT_TEMPLATES[row.template] as readonly string[]).includes('assessment')) {
    if (!row.likelihood) problems.push({ path: 'likelihood', message: 'required' });
    if (!row.confidence) problems.push({ path: 'confidence', message: 'required' });
  }
  return problems;
}

/** Every chart must have been taken under a marking the report's keeps or narrows: else its figures would reach wider than their cases. */
async function coverageProblems(deps: CasesDeps, row: ReportRow): Promise<Problem[]> {
  const report = markingOf(row);
  const economies = await economiesOf(deps.db, report);
  return row.charts.flatMap((chart, index) => (reportCovers(report, chart.marking, economies) ? [] : [{ path: `charts.${index}.marking`, message: 'wider_than_figures' }]));
}

export function createReportReleaseService(deps: CasesDeps) {
  const { db, audit, clock } = deps;

  async function decide(actor: Actor, row: ReportRow, from: ReportRow['status'], values: Partial<ReportRow>, action: string, details: Record<string, unknown>, ip: string): Promise<ReportView> {
    const updated = await audit.command(async (tx) => {
      const changed = await updateReport(tx, row.id, { from: [from], seen: row.updatedAt }, { ...values, updatedAt: clock() });
      if (!changed) throw new ConflictProblem('The report changed meanwhile; reload it.');
      await audit.append(tx, { actor, ip }, { action, recordType: 'case_report', recordId: row.id, details, subject: auditSubjectOf(changed) });
      return changed;
    });
    const [desks, names] = await Promise.all([loadDesks(db, [updated.ownerDeskId]), namesOf(db, [updated])]);
    return presentReport(actor, updated, desks, names);
  }

  return {
    /** To release: always by a second person (decision 0036), who may approve is frozen from the author's economy's level. */
    submit: async (actor: Actor, id: string, ip: string): Promise<ReportView> => {
      const user = requireUser(actor);
      const { row } = await loadReportFor(db, user, id, 'cases.report.write', 'Only the author submits a report.');
      const problems = [...completeness(row), ...(await coverageProblems(deps, row))];
      if (problems.length) throw new UnprocessableProblem('The report is not ready for release.', problems);
      const level = (await loadReleaseSettings(db, user.economy)).approval;
      const now = clock();
      return decide(user, row, row.status, { status: 'awaiting_release', approverScope: level.approverScope, submittedAt: now }, 'cases.report.submit', { approverScope: level.approverScope, charts: row.charts.length }, ip);
    },

    approve: async (actor: Actor, id: string, note: string, ip: string): Promise<ReportView> => {
      const user = requireUser(actor);
      const { row } = await loadReportFor(db, user, id, 'cases.report.approve', 'A report is released by a contact point other than its author.');
      const problems = await coverageProblems(deps, row);
      if (problems.length) throw new UnprocessableProblem('A chart’s figures reach wider than the report’s marking.', problems);
      const now = clock();
      return decide(user, row, 'awaiting_release', { status: 'released', releasedAt: now, decision: 'approved', decidedBy: user.userId, decidedAt: now, decisionNote: note }, 'cases.report.approve', { authorId: row.authorId, noted: note.length > 0 }, ip);
    },

    return: async (actor: Actor, id: string, note: string, ip: string): Promise<ReportView> => {
      const user = requireUser(actor);
      const { row } = await loadReportFor(db, user, id, 'cases.report.approve', 'A report is returned by a contact point other than its author.');
      const now = clock();
      return decide(user, row, 'awaiting_release', { status: 'returned', decision: 'returned', decidedBy: user.userId, decidedAt: now, decisionNote: note }, 'cases.report.return', { authorId: row.authorId }, ip);
    },

    pdf: async (actor: Actor, id: string, language: PdfLanguage, ip: string): Promise<{ reference: string; bytes: Uint8Array }> => {
      const user = requireUser(actor);
      const { row } = await loadReportFor(db, user, id, 'cases.report.export', 'Only a released report is exported.');
      const [desks, names] = await Promise.all([loadDesks(db, [row.ownerDeskId]), namesOf(db, [row])]);
      const view = presentReport(user, row, desks, names);
      const bytes = await renderReportPdf({ report: view, language, printedBy: `${user.displayName} (${user.organisationName})`, printedAt: clock() });
      await audit.record({ actor, ip }, { action: 'cases.report.export', recordType: 'case_report', recordId: id, details: { format: 'pdf', language }, subject: auditSubjectOf(row) });
      return { reference: row.reference, bytes };
    },
  };
}
