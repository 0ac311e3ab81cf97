import { inArray } from 'drizzle-orm';
import { can } from '../../access/policy';
import type { Db } from '../../db/client';
import { users } from '../../db/schema/core';
import type { RecordTitleSources, TitleReader } from '../../platform/audit/record-titles';

/** Users' display names, for those who may read the directory of colleagues (the audit view names them). */
export const userRecordTitles: RecordTitleSources = {
  user: async (db: Db, reader: TitleReader, ids: string[]) => {
    const titles = new Map<string, string>();
    if (ids.length === 0 || !can(reader.actor, 'directory.read')) return titles;
    const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
    for (const row of rows) titles.set(row.id.toLowerCase(), row.name);
    return titles;
  },
};
