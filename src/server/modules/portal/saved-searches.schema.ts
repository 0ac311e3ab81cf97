import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PortalUiLanguage } from '../../../contract/portal';
import type { DigestFrequency, SavedSearchQuery } from '../../../contract/workspace';

const tz = { withTimezone: true } as const;

/** Migration 0105. A user's saved portal search and its optional e-mail digest. */
export const portalSavedSearches = pgTable('portal_saved_searches', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  query: jsonb('query').$type<SavedSearchQuery>().notNull(),
  frequency: text('frequency').$type<DigestFrequency>().notNull().default('none'),
  email: text('email'),
  /** Migration 0106: the UI language the digest is written in. */
  language: text('language').$type<PortalUiLanguage>().notNull().default('en'),
  unsubscribeNonce: text('unsubscribe_nonce'),
  lastDigestAt: timestamp('last_digest_at', tz),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
});
export type SavedSearchRow = typeof portalSavedSearches.$inferSelect;

/** Migration 0105. An uploaded lead image of an article, resized and stored encrypted like documents. */
export const portalLeadImages = pgTable('portal_lead_images', {
  id: uuid('id').primaryKey().defaultRandom(),
  articleId: uuid('article_id').notNull(),
  storageKey: text('storage_key').notNull(),
  mediaType: text('media_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  uploadedBy: uuid('uploaded_by'),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
});
