import type { CASES_REPORT_ACTIONS } from '../../../contract/actions';
import type { ReportStatus } from '../../../contract/cases-reports';
import { type Actor, hasRole, isUser } from '../../access/actor';
import { type MarkedRecord, canReadMarked } from '../../access/marking';
import type { Rule } from '../../access/rule';
import { maySecondPersonRelease } from '../exchange';
import { CASE_ROLES } from './cases.policy';

type ReportAction = (typeof CASES_REPORT_ACTIONS)[number];

/** What the policy needs to know about a risk-analysis report. */
export interface ReportAccess extends MarkedRecord {
  status: ReportStatus;
  authorId: string;
  ownerDeskId: string;
  approverScope: 'organisation' | 'economy' | null;
}

const caseWorker: Rule = (actor) => hasRole(actor, ...CASE_ROLES);

/** The authoring desk: its members in the owning organisation. */
export const onAuthoringDesk = (actor: Actor, report: ReportAccess) => isUser(actor) && actor.organisationId === report.ownerOrganisationId && actor.deskIds.includes(report.ownerDeskId);

/** The exchange's four-eyes rule, while the report waits for release. */
export const mayReleaseReport = (actor: Actor, report: ReportAccess) =>
  report.status === 'awaiting_release' && maySecondPersonRelease(actor, { ...report, approverScope: report.approverScope ?? 'organisation' });

/**
 * Who reads a report: the marking must admit the user, and the user is on the authoring desk, or
 * may release it while it waits, or it is released. The SQL twin is `visibleReports`.
 */
export function canReadReport(actor: Actor, report: ReportAccess): boolean {
  if (!caseWorker(actor) || !canReadMarked(actor, report)) return false;
  return onAuthoringDesk(actor, report) || report.status === 'released' || mayReleaseReport(actor, report);
}

/** Only the author changes a draft or a returned report, and only the author submits it. */
export const canEditReport = (actor: Actor, report: ReportAccess) =>
  canReadReport(actor, report) && onAuthoringDesk(actor, report) && isUser(actor) && actor.userId === report.authorId && (report.status === 'draft' || report.status === 'returned');

const read: Rule<ReportAccess> = (actor, report) => caseWorker(actor) && (report === undefined || canReadReport(actor, report));
const write: Rule<ReportAccess> = (actor, report) => caseWorker(actor) && isUser(actor) && actor.deskIds.length > 0 && (report === undefined || canEditReport(actor, report));
const approve: Rule<ReportAccess> = (actor, report) => hasRole(actor, 'contact_point') && (report === undefined || mayReleaseReport(actor, report));
const exportPdf: Rule<ReportAccess> = (actor, report) => caseWorker(actor) && (report === undefined || (canReadReport(actor, report) && report.status === 'released'));

export const caseReportRules: Record<ReportAction, Rule<never>> = {
  'cases.report.list': caseWorker,
  'cases.report.read': read,
  'cases.report.write': write,
  'cases.report.approve': approve,
  'cases.report.export': exportPdf,
};
