import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { portalArticleTranslations } from './portal.schema';

/** The title of each article in each of its languages (for search hits in the visitor's language). */
export async function loadTranslationTitles(db: Db, articleIds: string[]): Promise<Map<string, Map<string, string>>> {
  const titles = new Map<string, Map<string, string>>();
  if (articleIds.length === 0) return titles;
  const rows = await db
    .select({ articleId: portalArticleTranslations.articleId, language: portalArticleTranslations.language, title: portalArticleTranslations.title })
    .from(portalArticleTranslations)
    .where(inArray(portalArticleTranslations.articleId, articleIds));
  for (const row of rows) titles.set(row.articleId, (titles.get(row.articleId) ?? new Map<string, string>()).set(row.language, row.title));
  return titles;
}
