import { sql } from 'drizzle-orm';
import { can } from '../../access/policy';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import type { RecordTitleSources, TitleReader } from '../../platform/audit/record-titles';

/** The title of each kind (an article by its original language's translation). */
const TITLES = {
  portal_article: {
    table: 'portal_articles',
    title: '(select t.title from portal_article_translations t where t.article_id = x.id order by (t.language = x.original_language) desc, t.language limit 1)',
  },
  portal_document: { table: 'portal_documents', title: 'x.title' },
  portal_event: { table: 'portal_events', title: 'x.title' },
  portal_indicator: { table: 'portal_indicators', title: 'x.name' },
} as const;

/**
 * Titles of portal items for the audit view: editors see every item's title; anyone else only
 * those of public items (published, publication time come). A draft's title is content that
 * is not public yet, so it stays out of another reader's audit list.
 */
function lookup(kind: keyof typeof TITLES) {
  return async (db: Db, reader: TitleReader, ids: string[]) => {
    const titles = new Map<string, string>();
    if (ids.length === 0) return titles;
    const { table, title } = TITLES[kind];
    const visible = can(reader.actor, 'portal.content.write') ? sql`true` : sql`x.status = 'published' and x.publish_at <= ${reader.now.toISOString()}::timestamptz`;
    const result = await db.execute(sql`select x.id::text as id, ${sql.raw(title)} as title from ${sql.raw(table)} x
      where x.id = any(${`{${ids.join(',')}}`}::uuid[]) and ${visible}`);
    for (const row of rowsOf<{ id: string; title: string | null }>(result)) if (row.title) titles.set(row.id, row.title);
    return titles;
  };
}

export const portalRecordTitles: RecordTitleSources = {
  portal_article: lookup('portal_article'),
  portal_document: lookup('portal_document'),
  portal_event: lookup('portal_event'),
  portal_indicator: lookup('portal_indicator'),
};
