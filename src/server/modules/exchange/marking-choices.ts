import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { economies, organisations, sharingGroups } from '../../db/schema/core';

/** Every economy, organisation and sharing group a marking may name (the lists are small). */
export async function loadMarkingChoices(db: Db) {
  const [economyRows, organisationRows, groupRows] = await Promise.all([
    db.select({ code: economies.code, name: economies.name }).from(economies).orderBy(asc(economies.sortOrder), asc(economies.code)),
    db
      .select({ id: organisations.id, name: organisations.name, economy: organisations.economyCode })
      .from(organisations)
      .orderBy(asc(organisations.economyCode), asc(organisations.name))
      .limit(2000),
    db.select({ id: sharingGroups.id, name: sharingGroups.name }).from(sharingGroups).orderBy(asc(sharingGroups.name)),
  ]);
  return { economies: economyRows, organisations: organisationRows, sharingGroups: groupRows };
}
