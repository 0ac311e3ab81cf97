import crypto from 'node:crypto';
import type { Action } from '../../../contract/actions';
import type { ReportInput } from '../../../contract/cases-reports';
import { REPORT_TEMPLATES } from '../../../contract/cases-reports';
import type { Marking } from '../../../contract/core';
import type { Actor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import { AccessDenied, authorize } from '../../access/authorize';
import { can } from '../../access/policy';
import type { Db } from '../../db/client';
import { ForbiddenProblem, NotFoundProblem } from '../../platform/http/errors';
import { loadOrganisations, loadUserNames } from './cases.queries';
import type { ReportAccess } from './reports.policy';
import { findReport, reportAccessOf } from './reports.queries';
import type { ReportRow } from './reports.schema';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A random reference (`RA-RS-…`): it never reveals how many reports exist. */
export const newReportReference = (economy: string) => `RA-${economy}-${Array.from(crypto.randomBytes(10), (byte) => ALPHABET[byte % ALPHABET.length]).join('')}`;

export interface LoadedReport {
  row: ReportRow;
  access: ReportAccess;
}

/**
 * A report the actor may read, or 404 exactly as for one that does not exist; then the action,
 * refused with 403 and `refusal` (audited by the error hook) when the reader may not take it.
 */
export async function loadReportFor(db: Db, actor: Actor, id: string, action: Action = 'cases.report.read', refusal?: string): Promise<LoadedReport> {
  const row = await findReport(db, id);
  if (!row) throw new NotFoundProblem();
  const access = reportAccessOf(row);
  authorize(actor, 'cases.report.read', access, { type: 'case_report', id });
  if (action !== 'cases.report.read' && !can(actor, action, access)) throw new AccessDenied(action, new ForbiddenProblem(refusal), 'case_report', id, auditSubjectOf(access));
  return { row, access };
}

/** Each releasable organisation's economy: an organisation is within a case's marking when its economy is listed. */
export async function economiesOf(db: Db, marking: Marking): Promise<Map<string, string>> {
  const organisations = await loadOrganisations(db, marking.releasableOrganisations);
  return new Map([...organisations.values()].map((organisation) => [organisation.id, organisation.economy]));
}

/** The sections of the template, the others emptied; the assessment's wording only where the template has one. */
export function templateContent(input: Pick<ReportInput, 'template' | 'sections' | 'likelihood' | 'confidence'>) {
  const kept: readonly string[] = REPORT_TEMPLATES[input.template];
  const sections = Object.fromEntries(Object.entries(input.sections).map(([key, text]) => [key, kept.includes(key) ? text.trim() : ''])) as ReportInput['sections'];
  const assessed = kept.includes('assessment');
  return { sections, likelihood: assessed ? input.likelihood : null, confidence: assessed ? input.confidence : null };
}

/** The names of the authors and deciders of the rows. */
export const namesOf = (db: Db, rows: ReportRow[]) => loadUserNames(db, rows.flatMap((row) => [row.authorId, ...(row.decidedBy ? [row.decidedBy] : [])]));
