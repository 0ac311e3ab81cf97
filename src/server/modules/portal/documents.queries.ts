import { type SQL, and, arrayContains, count, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DocumentMetadataInput } from '../../../contract/portal';
import type { Db } from '../../db/client';
import { portalDocuments } from './portal.schema';

export type DocumentRow = typeof portalDocuments.$inferSelect;

export const documentIsPublic = (now: Date) => and(eq(portalDocuments.status, 'published'), lte(portalDocuments.publishAt, now));

export async function listPublicDocuments(
  db: Db,
  params: { now: Date; kind?: string; topic?: string; economy?: string; language?: string; year?: number; limit: number; offset: number },
) {
  const conditions: (SQL | undefined)[] = [documentIsPublic(params.now)];
  if (params.kind) conditions.push(eq(portalDocuments.kind, params.kind));
  if (params.topic) conditions.push(arrayContains(portalDocuments.topics, [params.topic]));
  if (params.economy) conditions.push(arrayContains(portalDocuments.economies, [params.economy]));
  if (params.language) conditions.push(eq(portalDocuments.language, params.language));
  if (params.year !== undefined) conditions.push(sql`extract(year from ${portalDocuments.publishedOn}) = ${params.year}`);
  const where = and(...conditions);
  const rows = await db
    .select()
    .from(portalDocuments)
    .where(where)
    .orderBy(desc(portalDocuments.publishedOn), desc(portalDocuments.publishAt), desc(portalDocuments.id))
    .limit(params.limit)
    .offset(params.offset);
  const [total] = await db.select({ value: count() }).from(portalDocuments).where(where);
  return { rows, total: total?.value ?? 0 };
}

export async function findDocumentBySlug(db: Db, slug: string) {
  const [row] = await db.select().from(portalDocuments).where(eq(portalDocuments.slug, slug));
  return row ?? null;
}

export async function findDocumentById(db: Db, id: string) {
  const [row] = await db.select().from(portalDocuments).where(eq(portalDocuments.id, id));
  return row ?? null;
}

export async function findPublicDocumentsBySlugs(db: Db, now: Date, slugs: string[]) {
  if (slugs.length === 0) return [];
  return db.select().from(portalDocuments).where(and(documentIsPublic(now), inArray(portalDocuments.slug, slugs))).orderBy(desc(portalDocuments.publishedOn));
}

export async function documentSlugTaken(db: Db, slug: string, exceptId?: string) {
  const [row] = await db.select({ id: portalDocuments.id }).from(portalDocuments).where(eq(portalDocuments.slug, slug));
  return row !== undefined && row.id !== exceptId;
}

export function metadataColumns(input: DocumentMetadataInput) {
  return {
    slug: input.slug,
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    publisher: input.publisher,
    publishedOn: input.publishedOn,
    language: input.language,
    topics: input.topics,
    economies: input.economies,
  };
}
