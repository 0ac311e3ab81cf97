import { boolean, date, doublePrecision, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle view of migration 0100_portal.sql (the SQL file is the source of truth). */

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

const workflowColumns = () => ({
  status: text('status').notNull().default('draft'),
  publishAt: tz('publish_at'),
  submittedBy: uuid('submitted_by'),
  revision: integer('revision').notNull().default(1),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const portalTopics = pgTable('portal_topics', {
  slug: text('slug').primaryKey(),
  names: jsonb('names').$type<Record<string, string>>().notNull(),
  description: text('description').notNull().default(''),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const portalArticles = pgTable('portal_articles', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull(),
  kind: text('kind').notNull(),
  author: text('author').notNull(),
  leadImageUrl: text('lead_image_url'),
  topics: text('topics').array().notNull().default([]),
  economies: text('economies').array().notNull().default([]),
  originalLanguage: text('original_language').notNull(),
  ...workflowColumns(),
});

export const portalArticleTranslations = pgTable(
  'portal_article_translations',
  {
    articleId: uuid('article_id').notNull(),
    language: text('language').notNull(),
    title: text('title').notNull(),
    lead: text('lead').notNull().default(''),
    bodyHtml: text('body_html').notNull().default(''),
    leadImageAlt: text('lead_image_alt'),
  },
  (table) => [primaryKey({ columns: [table.articleId, table.language] })],
);

export const portalDocuments = pgTable('portal_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  summary: text('summary').notNull().default(''),
  publisher: text('publisher').notNull(),
  publishedOn: date('published_on', { mode: 'string' }).notNull(),
  language: text('language').notNull(),
  topics: text('topics').array().notNull().default([]),
  economies: text('economies').array().notNull().default([]),
  format: text('format').notNull(),
  mediaType: text('media_type').notNull(),
  fileName: text('file_name').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  pageCount: integer('page_count'),
  storageKey: text('storage_key').notNull(),
  sha256: text('sha256').notNull(),
  extractedText: text('extracted_text').notNull().default(''),
  ...workflowColumns(),
});

export const portalEvents = pgTable('portal_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  summary: text('summary').notNull().default(''),
  agendaHtml: text('agenda_html').notNull().default(''),
  startsLocal: text('starts_local').notNull(),
  endsLocal: text('ends_local').notNull(),
  timeZone: text('time_zone').notNull(),
  startsAt: tz('starts_at').notNull(),
  endsAt: tz('ends_at').notNull(),
  online: boolean('online').notNull().default(false),
  venue: text('venue'),
  city: text('city'),
  economy: text('economy'),
  onlineUrl: text('online_url'),
  organiser: text('organiser').notNull(),
  language: text('language').notNull().default('en'),
  topics: text('topics').array().notNull().default([]),
  economies: text('economies').array().notNull().default([]),
  documentSlugs: text('document_slugs').array().notNull().default([]),
  ...workflowColumns(),
});

export const portalEventRegistrations = pgTable(
  'portal_event_registrations',
  {
    eventId: uuid('event_id').notNull(),
    userId: uuid('user_id').notNull(),
    registeredAt: tz('registered_at').notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.userId] })],
);

export const portalInitiatives = pgTable('portal_initiatives', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  acronym: text('acronym'),
  founded: integer('founded'),
  ended: integer('ended'),
  seat: text('seat'),
  mandate: text('mandate').notNull().default(''),
  website: text('website'),
  otherMembers: text('other_members'),
  memberEconomies: text('member_economies').array().notNull().default([]),
  topics: text('topics').array().notNull().default([]),
  parentSlug: text('parent_slug'),
  successorSlug: text('successor_slug'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const portalIndicators = pgTable('portal_indicators', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  unit: text('unit').notNull(),
  sourceName: text('source_name').notNull(),
  sourceUrl: text('source_url'),
  illustrative: boolean('illustrative').notNull().default(false),
  topics: text('topics').array().notNull().default([]),
  ...workflowColumns(),
});

export const portalIndicatorValues = pgTable(
  'portal_indicator_values',
  {
    indicatorId: uuid('indicator_id').notNull(),
    economy: text('economy').notNull(),
    year: integer('year').notNull(),
    value: doublePrecision('value').notNull(),
  },
  (table) => [primaryKey({ columns: [table.indicatorId, table.economy, table.year] })],
);

export const portalRevisions = pgTable('portal_revisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  itemType: text('item_type').notNull(),
  itemId: uuid('item_id').notNull(),
  number: integer('number').notNull(),
  change: text('change').notNull(),
  status: text('status').notNull(),
  authorId: uuid('author_id'),
  authorName: text('author_name').notNull(),
  at: tz('at').notNull().defaultNow(),
  note: text('note'),
  changedFields: text('changed_fields').array().notNull().default([]),
  snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
});

/** The narrow search row; `tsv` (not mapped here) is written with raw SQL by upsertSearchRow. */
export const portalSearch = pgTable(
  'portal_search',
  {
    type: text('type').notNull(),
    itemId: uuid('item_id').notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    titleFolded: text('title_folded').notNull(),
    topics: text('topics').array().notNull().default([]),
    economies: text('economies').array().notNull().default([]),
    languages: text('languages').array().notNull().default([]),
    year: integer('year'),
    itemDate: tz('item_date'),
    status: text('status').notNull(),
    publishAt: tz('publish_at'),
  },
  (table) => [primaryKey({ columns: [table.type, table.itemId] })],
);

export const portalSearchText = pgTable(
  'portal_search_text',
  {
    type: text('type').notNull(),
    itemId: uuid('item_id').notNull(),
    body: text('body').notNull(),
    folded: text('folded').notNull(),
  },
  (table) => [primaryKey({ columns: [table.type, table.itemId] })],
);

export const portalSearchWords = pgTable('portal_search_words', { word: text('word').primaryKey() });

/** Migration 0101: the footer's site pages, their text per UI language. */
export const portalSitePages = pgTable('portal_site_pages', {
  slug: text('slug').primaryKey(),
  sortOrder: integer('sort_order').notNull().default(0),
  translations: jsonb('translations').$type<Record<string, { title: string; bodyHtml: string }>>().notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});
