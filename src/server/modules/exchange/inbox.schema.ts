import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Classification, Tlp } from '../../../contract/core';
import type { Accessibility, ItemKind, Urgency } from '../../../contract/exchange';

const tz = { withTimezone: true } as const;

/** The marking columns copied from the item (what visibleMarked reads) and the facet columns. */
const copied = {
  kind: text('kind').$type<ItemKind>().notNull(),
  ownerEconomy: text('owner_economy').notNull(),
  classification: text('classification').$type<Classification>().notNull(),
  tlp: text('tlp').$type<Tlp>().notNull(),
  releasableEconomies: text('releasable_economies').array().notNull(),
  releasableOrganisations: uuid('releasable_organisations').array().notNull(),
  sharingGroups: uuid('sharing_groups').array().notNull(),
  ownerOrganisationId: uuid('owner_organisation_id').notNull(),
};

/**
 * One row per (desk, item) while the item is in the desk's inbox (migration 0350, decision 0035).
 * Written only by the database's triggers on exchange_items and exchange_recipients.
 */
export const exchangeInboxEntries = pgTable(
  'exchange_inbox_entries',
  { deskId: uuid('desk_id').notNull(), itemId: uuid('item_id').notNull(), deliveredAt: timestamp('delivered_at', tz).notNull(), crimeArea: text('crime_area'), ...copied },
  (table) => [primaryKey({ columns: [table.deskId, table.itemId] })],
);

/** How many inbox entries a desk holds per facet value and marking (kept by a trigger on the entries). */
export const exchangeInboxCounts = pgTable('exchange_inbox_counts', {
  deskId: uuid('desk_id').notNull(),
  /** '' when the item has no crime area. */
  crimeArea: text('crime_area').notNull(),
  ...copied,
  items: integer('items').notNull(),
});

const marking = {
  classification: copied.classification,
  tlp: copied.tlp,
  releasableEconomies: copied.releasableEconomies,
  releasableOrganisations: copied.releasableOrganisations,
  sharingGroups: copied.sharingGroups,
  ownerOrganisationId: copied.ownerOrganisationId,
};

/** How many of a desk's inbox entries a user has read, per marking (migration 0351, decision 0037). */
export const exchangeInboxReadCounts = pgTable('exchange_inbox_read_counts', {
  deskId: uuid('desk_id').notNull(),
  userId: uuid('user_id').notNull(),
  ...marking,
  items: integer('items').notNull(),
});

/** One row per (desk, request) while the request's clock runs, for its inbox desks and its sending desk (migration 0351). */
export const exchangeInboxDeadlines = pgTable(
  'exchange_inbox_deadlines',
  {
    deskId: uuid('desk_id').notNull(),
    itemId: uuid('item_id').notNull(),
    dueAt: timestamp('due_at', tz).notNull(),
    urgency: text('urgency').$type<Urgency>().notNull(),
    accessibility: text('accessibility').$type<Accessibility>(),
    ...marking,
  },
  (table) => [primaryKey({ columns: [table.deskId, table.itemId] })],
);
