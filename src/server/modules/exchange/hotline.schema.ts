import { bigint, boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Classification, DeskArea, Tlp } from '../../../contract/core';
import type { EscalationStep, HotlineKind } from '../../../contract/hotline';

const tz = { withTimezone: true } as const;

export const hotlineAlerts = pgTable('hotline_alerts', {
  id: uuid('id').primaryKey().defaultRandom(),
  reference: text('reference').notNull(),
  kind: text('kind').$type<HotlineKind>().notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  crimeArea: text('crime_area'),
  area: text('area').$type<DeskArea>(),
  senderDeskId: uuid('sender_desk_id').notNull(),
  authorId: uuid('author_id').notNull(),
  classification: text('classification').$type<Classification>().notNull(),
  tlp: text('tlp').$type<Tlp>().notNull(),
  releasableEconomies: text('releasable_economies').array().notNull().default([]),
  releasableOrganisations: uuid('releasable_organisations').array().notNull().default([]),
  sharingGroups: uuid('sharing_groups').array().notNull().default([]),
  originatorControl: boolean('originator_control').notNull().default(false),
  ownerOrganisationId: uuid('owner_organisation_id').notNull(),
  ownerEconomy: text('owner_economy').notNull(),
  sentAt: timestamp('sent_at', tz).notNull(),
});

export const hotlineDeliveries = pgTable(
  'hotline_deliveries',
  {
    alertId: uuid('alert_id').notNull(),
    deskId: uuid('desk_id').notNull(),
    via: text('via').$type<'addressed' | 'duty'>().notNull(),
    escalatedFor: uuid('escalated_for'),
    queuedAt: timestamp('queued_at', tz).notNull(),
    deliveredAt: timestamp('delivered_at', tz),
    seenAt: timestamp('seen_at', tz),
    seenBy: uuid('seen_by'),
    acknowledgedAt: timestamp('acknowledged_at', tz),
    acknowledgedBy: uuid('acknowledged_by'),
    escalationStep: integer('escalation_step').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.alertId, table.deskId] })],
);

export const hotlineEscalations = pgTable(
  'hotline_escalations',
  {
    alertId: uuid('alert_id').notNull(),
    deskId: uuid('desk_id').notNull(),
    step: text('step').$type<EscalationStep>().notNull(),
    outcome: text('outcome').$type<'done' | 'skipped'>().notNull(),
    reached: integer('reached').notNull().default(0),
    at: timestamp('at', tz).notNull(),
  },
  (table) => [primaryKey({ columns: [table.alertId, table.deskId, table.step] })],
);

export const hotlineFeedHeads = pgTable('hotline_feed_heads', {
  userId: uuid('user_id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
  token: text('token').notNull(),
});

export type FeedKind = 'alert' | 'escalation' | 'update';

export const hotlineFeed = pgTable(
  'hotline_feed',
  {
    userId: uuid('user_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    alertId: uuid('alert_id').notNull(),
    kind: text('kind').$type<FeedKind>().notNull(),
    at: timestamp('at', tz).notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.seq] })],
);

export type AlertRow = typeof hotlineAlerts.$inferSelect;
export type NewAlertRow = typeof hotlineAlerts.$inferInsert;
export type DeliveryRow = typeof hotlineDeliveries.$inferSelect;
export type EscalationRow = typeof hotlineEscalations.$inferSelect;
