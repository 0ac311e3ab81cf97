import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type DocumentRow, caseDocuments } from './cases.schema';

export async function insertDocument(db: Db, values: typeof caseDocuments.$inferInsert): Promise<DocumentRow> {
  const [row] = await db.insert(caseDocuments).values(values).returning();
  return row!;
}

export function listDocuments(db: Db, caseId: string): Promise<DocumentRow[]> {
  return db.select().from(caseDocuments).where(and(eq(caseDocuments.caseId, caseId), isNull(caseDocuments.deletedAt))).orderBy(asc(caseDocuments.createdAt)).limit(500);
}

export async function findDocument(db: Db, caseId: string, id: string): Promise<DocumentRow | null> {
  const [row] = await db.select().from(caseDocuments).where(and(eq(caseDocuments.id, id), eq(caseDocuments.caseId, caseId), isNull(caseDocuments.deletedAt))).limit(1);
  return row ?? null;
}

export async function markDocumentDeleted(db: Db, id: string, userId: string, at: Date): Promise<boolean> {
  const changed = await db.update(caseDocuments).set({ deletedAt: at, deletedBy: userId }).where(and(eq(caseDocuments.id, id), isNull(caseDocuments.deletedAt))).returning({ id: caseDocuments.id });
  return changed.length === 1;
}
