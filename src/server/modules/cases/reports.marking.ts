import { type SQL, sql } from 'drizzle-orm';
import { CLASSIFICATIONS, type Marking, TLP_LEVELS } from '../../../contract/core';
import { classificationRank } from '../../access/actor';
import { widerThanCase } from './cases.marking';
import { caseRecords } from './cases.schema';

/*
 * The rule of a report's figures (docs/cases.md, "Reports"): a case is counted only when the
 * report's marking keeps or narrows the case's — classification and TLP at least as strict,
 * releasability within the case's, originator control kept. Everyone the report's marking admits
 * is then admitted by the marking of every case behind a number, so releasing the report shows
 * the figures to nobody whom a counted case's marking would refuse.
 */

/** Whether the report's marking keeps or narrows `source` (a case's, or the marking a chart was taken under). */
export function reportCovers(report: Marking, source: Marking, economyOfOrganisation: Map<string, string>): boolean {
  return widerThanCase(report, source, economyOfOrganisation).length === 0;
}

const cases = caseRecords;
const listed = (marking: Marking) => marking.releasableEconomies.length + marking.releasableOrganisations.length + marking.sharingGroups.length;
const textArray = (values: readonly string[]) => sql`${`{${values.join(',')}}`}::text[]`;
const uuidArray = (values: readonly string[]) => sql`${`{${values.join(',')}}`}::uuid[]`;

/** The SQL twin of `reportCovers` over case rows: the cases a report with this marking may count. */
export function casesCoveredBy(report: Marking, economyOfOrganisation: Map<string, string>): SQL {
  const classifications = CLASSIFICATIONS.filter((level) => classificationRank(level) <= classificationRank(report.classification));
  const tlps = TLP_LEVELS.filter((level) => TLP_LEVELS.indexOf(level) <= TLP_LEVELS.indexOf(report.tlp));
  const parts: SQL[] = [
    sql`${cases.classification} in (${sql.join(classifications.map((level) => sql`${level}`), sql`, `)})`,
    sql`${cases.tlp} in (${sql.join(tlps.map((level) => sql`${level}`), sql`, `)})`,
  ];
  if (!report.originatorControl) parts.push(sql`not ${cases.originatorControl}`);
  const caseReachesEveryone = sql`(cardinality(${cases.releasableEconomies}) + cardinality(${cases.releasableOrganisations}) + cardinality(${cases.sharingGroups}) = 0 and ${cases.tlp} in ('CLEAR', 'GREEN'))`;
  const reportReachesEveryone = listed(report) === 0 && (report.tlp === 'CLEAR' || report.tlp === 'GREEN');
  if (reportReachesEveryone) parts.push(caseReachesEveryone);
  else {
    const within = [
      sql`${cases.releasableEconomies} @> ${textArray(report.releasableEconomies)}`,
      sql`${cases.sharingGroups} @> ${uuidArray(report.sharingGroups)}`,
      ...report.releasableOrganisations.map((id) => sql`(${id}::uuid = any(${cases.releasableOrganisations}) or ${economyOfOrganisation.get(id) ?? ''} = any(${cases.releasableEconomies}))`),
    ];
    parts.push(sql`(${caseReachesEveryone} or (${sql.join(within, sql` and `)}))`);
  }
  return sql`(${sql.join(parts, sql` and `)})`;
}
