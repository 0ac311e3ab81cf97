import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { portalTopics } from './portal.schema';

/** The portal's topics (slug and names by language), for other modules that classify by them. */
export async function listTopicNames(db: Db): Promise<{ slug: string; names: Record<string, string> }[]> {
  return db.select({ slug: portalTopics.slug, names: portalTopics.names }).from(portalTopics).orderBy(asc(portalTopics.sortOrder), asc(portalTopics.slug));
}
