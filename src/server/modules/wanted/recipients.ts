import { asc, inArray } from 'drizzle-orm';
import type { Marking } from '../../../contract/core';
import type { Recipients } from '../../../contract/wanted';
import type { Db } from '../../db/client';
import { economies, organisations, sharingGroups } from '../../db/schema/core';
import { UnprocessableProblem } from '../../platform/http/errors';

/**
 * An alert marked AMBER or stricter with nobody listed would be readable by its own
 * organisation only, and every other screening would get a bare hit: almost always a
 * mistake, so it is refused with a message that says what to do.
 */
export function markingProblem(marking: Marking): string | null {
  const listed = marking.releasableEconomies.length + marking.releasableOrganisations.length + marking.sharingGroups.length;
  if (listed > 0 || marking.tlp === 'CLEAR' || marking.tlp === 'GREEN') return null;
  if (marking.tlp === 'RED' || marking.tlp === 'AMBER+STRICT') {
    if (marking.releasableOrganisations.length + marking.sharingGroups.length > 0) return null;
    return `TLP:${marking.tlp} needs the organisations (or sharing groups) that may read the alert; none are listed.`;
  }
  return 'TLP:AMBER needs the economies, organisations or sharing groups that may read the alert; none are listed.';
}

/** Refuses a marking that is empty where it must not be, or names economies, organisations or groups that do not exist. */
export async function assertUsableMarking(db: Db, marking: Marking): Promise<void> {
  const problem = markingProblem(marking);
  if (problem) throw new UnprocessableProblem(problem, [{ path: 'marking.releasableEconomies', message: problem }]);
  const recipients = await loadNames(db, marking);
  const errors: { path: string; message: string }[] = [];
  if (recipients.economies.length !== new Set(marking.releasableEconomies).size) {
    errors.push({ path: 'marking.releasableEconomies', message: 'an economy code is unknown' });
  }
  if (recipients.organisations.length !== new Set(marking.releasableOrganisations).size) {
    errors.push({ path: 'marking.releasableOrganisations', message: 'an organisation is unknown' });
  }
  if (recipients.sharingGroups.length !== new Set(marking.sharingGroups).size) {
    errors.push({ path: 'marking.sharingGroups', message: 'a sharing group is unknown' });
  }
  if (errors.length) throw new UnprocessableProblem('The marking names recipients that do not exist.', errors);
}

async function loadNames(db: Db, marking: Pick<Marking, 'releasableEconomies' | 'releasableOrganisations' | 'sharingGroups'>) {
  const [economyRows, organisationRows, groupRows] = await Promise.all([
    marking.releasableEconomies.length
      ? db.select({ code: economies.code, name: economies.name }).from(economies).where(inArray(economies.code, marking.releasableEconomies)).orderBy(asc(economies.code))
      : [],
    marking.releasableOrganisations.length
      ? db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, marking.releasableOrganisations)).orderBy(asc(organisations.name))
      : [],
    marking.sharingGroups.length
      ? db.select({ id: sharingGroups.id, name: sharingGroups.name }).from(sharingGroups).where(inArray(sharingGroups.id, marking.sharingGroups)).orderBy(asc(sharingGroups.name))
      : [],
  ]);
  return { economies: economyRows, organisations: organisationRows, sharingGroups: groupRows };
}

/** Exactly who may read a record with this marking, by name. */
export async function describeRecipients(db: Db, marking: Marking, owner: { id: string; name: string }): Promise<Recipients> {
  const names = await loadNames(db, marking);
  const listed = marking.releasableEconomies.length + marking.releasableOrganisations.length + marking.sharingGroups.length;
  const widens = marking.tlp === 'CLEAR' || marking.tlp === 'GREEN';
  const reachesEconomies = widens || marking.tlp === 'AMBER';
  const reachesGroups = reachesEconomies || marking.tlp === 'AMBER+STRICT';
  return {
    ownerOrganisation: owner,
    economies: reachesEconomies ? names.economies : [],
    organisations: names.organisations,
    sharingGroups: reachesGroups ? names.sharingGroups : [],
    everyone: widens && listed === 0,
    minimumClearance: marking.classification,
  };
}

