import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { CLASSIFICATIONS } from '../../contract/core';
import { type Actor, classificationRank, hasRole, isUser } from './actor';
import { OPERATIONAL_ROLES } from './marking';

export interface MarkingColumns {
  classification: AnyPgColumn;
  tlp: AnyPgColumn;
  releasableEconomies: AnyPgColumn;
  releasableOrganisations: AnyPgColumn;
  sharingGroups: AnyPgColumn;
  ownerOrganisationId: AnyPgColumn;
}

const nothing = sql`false`;

/**
 * The SQL twin of canReadMarked: a where-fragment that keeps only the rows the actor may
 * read, for lists, counts, search and exports. Both are tested against the same table.
 */
export function visibleMarked(actor: Actor, columns: MarkingColumns): SQL {
  if (!isUser(actor) || !hasRole(actor, ...OPERATIONAL_ROLES)) return nothing;
  const allowedClassifications = CLASSIFICATIONS.filter(
    (level) => classificationRank(level) <= classificationRank(actor.clearance),
  );
  const economy = actor.economy;
  const organisation = actor.organisationId;
  const groups = sql`${`{${actor.sharingGroupIds.join(',')}}`}::uuid[]`;
  const inEconomies = sql`${economy} = any(${columns.releasableEconomies})`;
  const inOrganisations = sql`${organisation}::uuid = any(${columns.releasableOrganisations})`;
  const inGroups = sql`${columns.sharingGroups} && ${groups}`;
  const nothingListed = sql`(cardinality(${columns.releasableEconomies}) + cardinality(${columns.releasableOrganisations}) + cardinality(${columns.sharingGroups})) = 0`;
  return sql`(${columns.classification} in (${sql.join(
    allowedClassifications.map((level) => sql`${level}`),
    sql`, `,
  )}) and (
    ${columns.ownerOrganisationId} = ${organisation}::uuid
    or (${columns.tlp} in ('CLEAR', 'GREEN') and (${nothingListed} or ${inEconomies} or ${inOrganisations} or ${inGroups}))
    or (${columns.tlp} = 'AMBER' and (${inEconomies} or ${inOrganisations} or ${inGroups}))
    or (${columns.tlp} = 'AMBER+STRICT' and (${inOrganisations} or ${inGroups}))
    or (${columns.tlp} = 'RED' and ${inOrganisations})
  ))`;
}
