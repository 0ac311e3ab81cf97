import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Classification, Tlp } from '../../../contract/core';
import type { ActivityInput, ActivityStatus, OverlapReason } from '../../../contract/registry';

const tz = { withTimezone: true } as const;

/** The IATI fields kept as entered; the columns beside them are what lists, scopes and the overlap check query. */
export type ActivityBody = Omit<ActivityInput, 'visibility'>;

export const registryActivities = pgTable('registry_activities', {
  id: uuid('id').primaryKey().defaultRandom(),
  identifier: text('identifier').notNull(),
  ownerOrganisationId: uuid('owner_organisation_id').notNull(),
  ownerEconomy: text('owner_economy').notNull(),
  authorId: uuid('author_id').notNull(),
  isPublic: boolean('is_public').notNull(),
  classification: text('classification').$type<Classification>().notNull(),
  tlp: text('tlp').$type<Tlp>().notNull(),
  releasableEconomies: text('releasable_economies').array().notNull(),
  releasableOrganisations: uuid('releasable_organisations').array().notNull(),
  sharingGroups: uuid('sharing_groups').array().notNull(),
  originatorControl: boolean('originator_control').notNull(),
  status: text('status').$type<ActivityStatus>().notNull(),
  plannedStart: date('planned_start').notNull(),
  plannedEnd: date('planned_end').notNull(),
  recipientEconomies: text('recipient_economies').array().notNull(),
  topics: text('topics').array().notNull(),
  sectors: text('sectors').array().notNull(),
  targetGroups: text('target_groups').array().notNull(),
  implementers: text('implementers').array().notNull(),
  funders: text('funders').array().notNull(),
  title: text('title').notNull(),
  reportingOrg: text('reporting_org').notNull(),
  words: text('words').array().notNull(),
  searchFolded: text('search_folded').notNull(),
  budgetEur: doublePrecision('budget_eur').notNull(),
  /** Prefixed economy, topic, group, implementer and word keys in one GIN index: the overlap shortlist (migration 0501). */
  overlapKeys: text('overlap_keys').array().generatedAlwaysAs(sql`registry_overlap_keys(recipient_economies, topics, target_groups, implementers, words)`),
  /** The percentages of recipient_economies, in its order. */
  economyPercentages: doublePrecision('economy_percentages').array().generatedAlwaysAs(sql`registry_economy_percentages(body)`),
  body: jsonb('body').$type<ActivityBody>().notNull(),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
});

export const registryRates = pgTable(
  'registry_rates',
  {
    currency: text('currency').notNull(),
    year: integer('year').notNull(),
    rate: doublePrecision('rate').notNull(),
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.currency, table.year] })],
);

export const registryAcknowledgements = pgTable('registry_acknowledgements', {
  id: uuid('id').primaryKey().defaultRandom(),
  activityId: uuid('activity_id').notNull(),
  userId: uuid('user_id').notNull(),
  shown: jsonb('shown').$type<{ id: string; score: number }[]>().notNull(),
  at: timestamp('at', tz).notNull().defaultNow(),
});

export const registryOverlapPairs = pgTable(
  'registry_overlap_pairs',
  {
    aId: uuid('a_id').notNull(),
    bId: uuid('b_id').notNull(),
    score: doublePrecision('score').notNull(),
    reasons: jsonb('reasons').$type<OverlapReason[]>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.aId, table.bId] })],
);

export type ActivityRow = typeof registryActivities.$inferSelect;
export type NewActivityRow = typeof registryActivities.$inferInsert;
export type RateRow = typeof registryRates.$inferSelect;
