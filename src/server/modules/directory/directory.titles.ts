import { inArray } from 'drizzle-orm';
import { can } from '../../access/policy';
import type { Db } from '../../db/client';
import { desks, organisations, sharingGroups } from '../../db/schema/core';
import type { RecordTitleSources, TitleReader } from '../../platform/audit/record-titles';

type Named = typeof organisations | typeof desks | typeof sharingGroups;

/** Names of directory records for whoever may read the directory (the audit view names them). */
function lookup(table: Named) {
  return async (db: Db, reader: TitleReader, ids: string[]) => {
    const titles = new Map<string, string>();
    if (ids.length === 0 || !can(reader.actor, 'directory.read')) return titles;
    const rows = await db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, ids));
    for (const row of rows) titles.set(row.id.toLowerCase(), row.name);
    return titles;
  };
}

export const directoryRecordTitles: RecordTitleSources = {
  organisation: lookup(organisations),
  desk: lookup(desks),
  sharing_group: lookup(sharingGroups),
};
