import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const tz = { withTimezone: true } as const;

/** A file of an item; `itemId` is null while the item that will carry it is being written. */
export const exchangeAttachments = pgTable('exchange_attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  itemId: uuid('item_id'),
  uploadedBy: uuid('uploaded_by').notNull(),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  storageKey: text('storage_key').notNull(),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
});

export type AttachmentRow = typeof exchangeAttachments.$inferSelect;
