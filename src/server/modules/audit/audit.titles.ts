import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';

/**
 * What the auditor recognises a record by: the name or title of administrative and public
 * records. Marked records (alerts, hits, exchange items, cases) get none: even their reference
 * is content the audit view never shows (docs/audit.md), so the web app names their kind alone.
 * Read straight from the tables, read-only: the audit view names records of every module.
 */
const LABELS: Record<string, string> = {
  user: 'select id::text as id, display_name as title from users',
  organisation: 'select id::text as id, name as title from organisations',
  desk: 'select id::text as id, name as title from desks',
  sharing_group: 'select id::text as id, name as title from sharing_groups',
  portal_article:
    'select a.id::text as id, (select t.title from portal_article_translations t where t.article_id = a.id order by (t.language = a.original_language) desc, t.language limit 1) as title from portal_articles a',
  portal_document: 'select id::text as id, title from portal_documents',
  portal_event: 'select id::text as id, title from portal_events',
  portal_indicator: 'select id::text as id, name as title from portal_indicators',
};

/** Titles of the records of these (unmasked) events, keyed `type:id`; unknown types have none. */
export async function loadRecordTitles(db: Db, records: { recordType: string | null; recordId: string | null }[]): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const { recordType, recordId } of records) {
    if (!recordType || !recordId || !LABELS[recordType] || !/^[0-9a-f-]{36}$/i.test(recordId)) continue;
    if (!byType.has(recordType)) byType.set(recordType, new Set());
    byType.get(recordType)!.add(recordId.toLowerCase());
  }
  const titles = new Map<string, string>();
  for (const [type, ids] of byType) {
    const result = await db.execute(sql`select * from (${sql.raw(LABELS[type]!)}) labels where labels.id in ${[...ids]}`);
    for (const row of rowsOf<{ id: string; title: string | null }>(result)) if (row.title) titles.set(`${type}:${row.id}`, row.title);
  }
  return titles;
}
