import type { ReportSummary, ReportView } from '../../../contract/cases-reports';
import type { Actor } from '../../access/actor';
import { can } from '../../access/policy';
import { markingOf } from './cases.marking';
import { onAuthoringDesk } from './reports.policy';
import { reportAccessOf } from './reports.queries';
import type { ReportRow } from './reports.schema';

type Desks = Map<string, { id: string; name: string }>;

export function presentReportSummary(row: ReportRow, desks: Desks, names: Map<string, string>): ReportSummary {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    template: row.template,
    status: row.status,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    classification: row.classification,
    tlp: row.tlp,
    ownerEconomy: row.ownerEconomy,
    ownerDesk: { id: row.ownerDeskId, name: desks.get(row.ownerDeskId)?.name ?? '' },
    authorName: names.get(row.authorId) ?? '',
    updatedAt: row.updatedAt.toISOString(),
    releasedAt: row.releasedAt?.toISOString() ?? null,
  };
}

/** The report as its reader may see it; how many cases a chart left out is for the authoring desk only. */
export function presentReport(actor: Actor, row: ReportRow, desks: Desks, names: Map<string, string>): ReportView {
  const access = reportAccessOf(row);
  const authoring = onAuthoringDesk(actor, access);
  return {
    ...presentReportSummary(row, desks, names),
    crimeAreas: row.crimeAreas,
    economies: row.economies,
    sections: row.sections,
    likelihood: row.likelihood as ReportView['likelihood'],
    confidence: row.confidence as ReportView['confidence'],
    marking: markingOf(row),
    charts: row.charts.map(({ takenBy: _takenBy, ...chart }) => ({ ...chart, leftOut: authoring ? chart.leftOut : null })),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decision: row.decision && row.decidedBy && row.decidedAt ? { kind: row.decision, by: names.get(row.decidedBy) ?? '', at: row.decidedAt.toISOString(), note: row.decisionNote } : null,
    abilities: {
      edit: can(actor, 'cases.report.write', access),
      submit: can(actor, 'cases.report.write', access),
      approve: can(actor, 'cases.report.approve', access),
      export: can(actor, 'cases.report.export', access),
    },
  };
}
