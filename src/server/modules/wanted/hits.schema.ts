import { bigint, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const tz = { withTimezone: true } as const;

/** The follow-up thread of a hit: the screener's report and the holding desk's decision. */
export const wantedHitMessages = pgTable('wanted_hit_messages', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  hitId: uuid('hit_id').notNull(),
  authorId: uuid('author_id').notNull(),
  kind: text('kind').$type<'report' | 'decision'>().notNull(),
  content: jsonb('content').$type<Record<string, string>>().notNull(),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
});

/** A screener flagged for screening one alert with many different details. */
export const wantedProbeFlags = pgTable('wanted_probe_flags', {
  id: uuid('id').primaryKey().defaultRandom(),
  alertId: uuid('alert_id').notNull(),
  screenedBy: uuid('screened_by').notNull(),
  variants: integer('variants').notNull(),
  flaggedAt: timestamp('flagged_at', tz).notNull(),
});

export type HitMessageRow = typeof wantedHitMessages.$inferSelect;
