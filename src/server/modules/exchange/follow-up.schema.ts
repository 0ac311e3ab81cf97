import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

const tz = { withTimezone: true } as const;

/** The hit a follow-up thread is about, and the desk that holds the alert. */
export const exchangeHitFollowUps = pgTable('exchange_hit_follow_ups', {
  itemId: uuid('item_id').primaryKey(),
  hitId: uuid('hit_id').notNull(),
  alertId: uuid('alert_id').notNull(),
  requesterOrganisationId: uuid('requester_organisation_id').notNull(),
  holdingDeskId: uuid('holding_desk_id').notNull(),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
});

/** The holding desk released the alert to the requester's organisation. */
export const exchangeAlertReleases = pgTable('exchange_alert_releases', {
  id: uuid('id').primaryKey().defaultRandom(),
  itemId: uuid('item_id').notNull(),
  alertId: uuid('alert_id').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  releasedBy: uuid('released_by').notNull(),
  releasedAt: timestamp('released_at', tz).notNull(),
});

export type FollowUpRow = typeof exchangeHitFollowUps.$inferSelect;
