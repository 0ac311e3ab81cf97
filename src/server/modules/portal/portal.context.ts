import { asc, sql } from 'drizzle-orm';
import type { ContentLanguage, PortalUiLanguage, TopicRef } from '../../../contract/portal';
import type { Db } from '../../db/client';
import { UnprocessableProblem } from '../../platform/http/errors';
import { uiLanguageOf } from './portal.language';
import { portalTopics } from './portal.schema';

/** What every public read needs: the time, the visitor's language and the topic names. */
export interface ReadContext {
  now: Date;
  requested: ContentLanguage | null;
  ui: PortalUiLanguage;
  topicNames: Map<string, Record<string, string>>;
}

export async function loadTopicNames(db: Db): Promise<Map<string, Record<string, string>>> {
  const rows = await db.select().from(portalTopics).orderBy(asc(portalTopics.sortOrder));
  return new Map(rows.map((row) => [row.slug, row.names]));
}

export async function buildReadContext(db: Db, now: Date, requested: ContentLanguage | null): Promise<ReadContext> {
  return { now, requested, ui: uiLanguageOf(requested), topicNames: await loadTopicNames(db) };
}

export function topicRefs(context: ReadContext, slugs: string[]): TopicRef[] {
  return slugs.flatMap((slug) => {
    const names = context.topicNames.get(slug);
    return names ? [{ slug, name: names[context.ui] ?? names.en ?? slug }] : [];
  });
}

/** Writes must name known topics and economies; an unknown one is a 422 with its path. */
export async function assertKnownReferences(db: Db, topics: string[], economies: string[]) {
  const known = await db.execute(sql`select
      (select coalesce(array_agg(slug), '{}') from portal_topics where slug = any(${`{${topics.join(',')}}`}::text[])) as topics,
      (select coalesce(array_agg(code), '{}') from economies where code = any(${`{${economies.join(',')}}`}::text[])) as economies`);
  const row = (Array.isArray(known) ? known[0] : (known as { rows: unknown[] }).rows[0]) as { topics: string[]; economies: string[] };
  const errors = [
    ...topics.filter((slug) => !row.topics.includes(slug)).map((slug) => ({ path: 'topics', message: `unknown topic ${slug}` })),
    ...economies.filter((code) => !row.economies.includes(code)).map((code) => ({ path: 'economies', message: `unknown economy ${code}` })),
  ];
  if (errors.length > 0) throw new UnprocessableProblem('Some topics or economies are not known.', errors);
}
