import { type SQL, and, arrayContains, count, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { ArticleInput } from '../../../contract/portal';
import type { Db } from '../../db/client';
import { portalArticleTranslations, portalArticles } from './portal.schema';

export type ArticleRow = typeof portalArticles.$inferSelect;
export type TranslationRow = typeof portalArticleTranslations.$inferSelect;

export const articleIsPublic = (now: Date) => and(eq(portalArticles.status, 'published'), lte(portalArticles.publishAt, now));

export async function listPublicArticles(
  db: Db,
  params: { now: Date; kind?: string; topic?: string; economy?: string; language?: string; limit: number; offset: number },
) {
  const conditions: (SQL | undefined)[] = [articleIsPublic(params.now)];
  if (params.kind) conditions.push(eq(portalArticles.kind, params.kind));
  if (params.topic) conditions.push(arrayContains(portalArticles.topics, [params.topic]));
  if (params.economy) conditions.push(arrayContains(portalArticles.economies, [params.economy]));
  if (params.language) {
    conditions.push(
      sql`exists (select 1 from portal_article_translations t where t.article_id = ${portalArticles.id} and t.language = ${params.language})`,
    );
  }
  const where = and(...conditions);
  const rows = await db.select().from(portalArticles).where(where).orderBy(desc(portalArticles.publishAt), desc(portalArticles.id)).limit(params.limit).offset(params.offset);
  const [total] = await db.select({ value: count() }).from(portalArticles).where(where);
  return { rows, total: total?.value ?? 0 };
}

export async function loadTranslations(db: Db, articleIds: string[]): Promise<Map<string, TranslationRow[]>> {
  const byArticle = new Map<string, TranslationRow[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await db.select().from(portalArticleTranslations).where(inArray(portalArticleTranslations.articleId, articleIds));
  for (const row of rows) byArticle.set(row.articleId, [...(byArticle.get(row.articleId) ?? []), row]);
  return byArticle;
}

export async function findArticleBySlug(db: Db, slug: string) {
  const [row] = await db.select().from(portalArticles).where(eq(portalArticles.slug, slug));
  return row ?? null;
}

export async function findArticleById(db: Db, id: string) {
  const [row] = await db.select().from(portalArticles).where(eq(portalArticles.id, id));
  return row ?? null;
}

export async function slugTaken(db: Db, slug: string, exceptId?: string) {
  const [row] = await db.select({ id: portalArticles.id }).from(portalArticles).where(eq(portalArticles.slug, slug));
  return row !== undefined && row.id !== exceptId;
}

/** Replaces the article's fields and its translations (the input is already sanitised). */
export async function writeArticle(db: Db, id: string, input: ArticleInput, now: Date, revision: number) {
  await db
    .update(portalArticles)
    .set({
      slug: input.slug,
      kind: input.kind,
      author: input.author,
      leadImageUrl: input.leadImageUrl,
      topics: input.topics,
      economies: input.economies,
      originalLanguage: input.originalLanguage,
      revision,
      updatedAt: now,
    })
    .where(eq(portalArticles.id, id));
  await db.delete(portalArticleTranslations).where(eq(portalArticleTranslations.articleId, id));
  await db.insert(portalArticleTranslations).values(
    input.translations.map((translation) => ({
      articleId: id,
      language: translation.language,
      title: translation.title,
      lead: translation.lead,
      bodyHtml: translation.bodyHtml,
      leadImageAlt: translation.leadImageAlt,
    })),
  );
}

export async function insertArticleShell(db: Db, input: ArticleInput, now: Date): Promise<string> {
  const [row] = await db
    .insert(portalArticles)
    .values({ slug: input.slug, kind: input.kind, author: input.author, originalLanguage: input.originalLanguage, createdAt: now, updatedAt: now })
    .returning({ id: portalArticles.id });
  return row!.id;
}
