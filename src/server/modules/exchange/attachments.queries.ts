import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type AttachmentRow, exchangeAttachments } from './attachments.schema';

const files = exchangeAttachments;

export async function insertAttachment(db: Db, values: typeof files.$inferInsert): Promise<AttachmentRow> {
  const [row] = await db.insert(files).values(values).returning();
  return row!;
}

/** Binds the uploader's waiting files to the item being sent; returns how many were bound. */
export async function bindAttachments(db: Db, input: { itemId: string; uploadedBy: string; ids: string[] }): Promise<number> {
  if (input.ids.length === 0) return 0;
  const bound = await db
    .update(files)
    .set({ itemId: input.itemId })
    .where(and(inArray(files.id, input.ids), eq(files.uploadedBy, input.uploadedBy), isNull(files.itemId)))
    .returning({ id: files.id });
  return bound.length;
}

export function listAttachments(db: Db, itemIds: string[]): Promise<AttachmentRow[]> {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db.select().from(files).where(inArray(files.itemId, itemIds)).orderBy(asc(files.createdAt), asc(files.id));
}

export async function findAttachment(db: Db, itemId: string, id: string): Promise<AttachmentRow | null> {
  const [row] = await db.select().from(files).where(and(eq(files.id, id), eq(files.itemId, itemId))).limit(1);
  return row ?? null;
}

/**
 * A forward carries its parent's files: new rows of the forward item over the same sealed
 * content (files are never deleted, so sharing the stored file is safe). Returns the new ids.
 */
export async function copyAttachments(db: Db, input: { fromItemId: string; toItemId: string; by: string }): Promise<string[]> {
  const parents = await listAttachments(db, [input.fromItemId]);
  if (parents.length === 0) return [];
  const copies = await db
    .insert(files)
    .values(parents.map(({ id: _id, itemId: _itemId, uploadedBy: _uploadedBy, ...file }) => ({ ...file, itemId: input.toItemId, uploadedBy: input.by })))
    .returning({ id: files.id });
  return copies.map((copy) => copy.id);
}
