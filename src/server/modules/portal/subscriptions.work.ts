import { sql } from 'drizzle-orm';
import type { WorkSection } from '../../../contract/workspace';
import { type Actor, isUser } from '../../access/actor';
import { can } from '../../access/policy';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import type { AuditService } from '../../platform/audit/audit.service';
import { buildReadContext } from './portal.context';
import { createEventService } from './events.service';
import { countSavedSearches, listSavedSearches } from './saved-searches.queries';

const SHOWN = 5;

interface QueueRow {
  type: string;
  id: string;
  title: string | null;
  slug: string;
  at: string | Date | null;
  total: number;
}

/** Portal items of one status across the four editorial tables, newest (or soonest) first. */
async function editorQueue(db: Db, where: 'in_review' | 'scheduled', now: Date): Promise<{ rows: QueueRow[]; total: number }> {
  const at = now.toISOString();
  const condition = where === 'in_review' ? sql`x.status = 'in_review'` : sql`x.status = 'published' and x.publish_at > ${at}::timestamptz`;
  const column = where === 'in_review' ? sql`x.updated_at` : sql`x.publish_at`;
  const articleTitle = sql`(select t.title from portal_article_translations t where t.article_id = x.id order by (t.language = x.original_language) desc, t.language limit 1)`;
  const result = await db.execute(sql`with q as (
      select 'articles' as type, x.id::text as id, ${articleTitle} as title, x.slug, ${column} as at from portal_articles x where ${condition}
      union all select 'documents', x.id::text, x.title, x.slug, ${column} from portal_documents x where ${condition}
      union all select 'events', x.id::text, x.title, x.slug, ${column} from portal_events x where ${condition}
      union all select 'indicators', x.id::text, x.name, x.slug, ${column} from portal_indicators x where ${condition})
    select q.*, (select count(*)::int from q) as total from q order by q.at ${where === 'in_review' ? sql`desc` : sql`asc`}, q.id limit ${SHOWN}`);
  const rows = rowsOf<QueueRow>(result);
  return { rows, total: rows[0]?.total ?? 0 };
}

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

/**
 * The portal's part of "my work": the editors' review queue and schedule, and every signed-in
 * user's saved searches and event registrations. Portal content is public once published;
 * items in review are shown only to those the policy lets review.
 */
export async function portalWorkOf(deps: { db: Db; audit: AuditService; clock: () => Date }, actor: Actor): Promise<WorkSection[]> {
  if (!isUser(actor)) return [];
  const now = deps.clock();
  const sections: WorkSection[] = [];
  if (can(actor, 'portal.content.review')) {
    for (const key of ['in_review', 'scheduled'] as const) {
      const { rows, total } = await editorQueue(deps.db, key, now);
      sections.push({
        key: key === 'in_review' ? 'editor.in_review' : 'editor.scheduled',
        count: total,
        items: rows.map((row) => ({ label: row.title ?? row.slug, detail: row.type, status: key, at: iso(row.at), link: `/editor/${row.type}/${row.id}` })),
        link: '/editor',
      });
    }
  }
  if (can(actor, 'portal.subscription.manage')) {
    const searches = await listSavedSearches(deps.db, actor.userId, SHOWN);
    sections.push({
      key: 'portal.saved_searches',
      count: await countSavedSearches(deps.db, actor.userId),
      items: searches.map((search) => ({ label: search.name, detail: search.query.q || null, status: search.frequency, at: search.lastDigestAt?.toISOString() ?? null, link: `/search?${new URLSearchParams(Object.entries(search.query).flatMap(([name, value]) => (value === undefined || value === '' ? [] : [[name, String(value)]]))).toString()}` })),
      link: null,
    });
  }
  if (can(actor, 'portal.event.register')) {
    const registrations = await createEventService(deps).myRegistrations(await buildReadContext(deps.db, now, null), actor);
    sections.push({
      key: 'portal.registrations',
      count: registrations.items.length,
      items: registrations.items.slice(0, SHOWN).map((entry) => ({ label: entry.event.title, detail: entry.event.place.city ?? null, status: null, at: entry.event.startsAt, link: `/events/${entry.event.slug}` })),
      link: '/events',
    });
  }
  return sections;
}
