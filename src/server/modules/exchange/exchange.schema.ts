import { bigint, boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Classification, Tlp } from '../../../contract/core';
import type {
  Accessibility,
  CooperationKind,
  HandlingCode,
  ItemKind,
  RefusalGround,
  ReleaseState,
  RequestState,
  Transition,
  Urgency,
} from '../../../contract/exchange';
import type { ApproverScope, RouteState } from '../../../contract/exchange-routing';

const tz = { withTimezone: true } as const;

export const exchangeItems = pgTable('exchange_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  reference: text('reference').notNull(),
  threadId: uuid('thread_id').notNull(),
  parentId: uuid('parent_id'),
  relation: text('relation').$type<'new' | 'reply' | 'forward' | 'retraction'>().notNull(),
  kind: text('kind').$type<ItemKind>().notNull(),
  cooperationKind: text('cooperation_kind').$type<CooperationKind>(),
  accessibility: text('accessibility').$type<Accessibility>(),
  hitReference: text('hit_reference'),
  senderDeskId: uuid('sender_desk_id').notNull(),
  authorId: uuid('author_id').notNull(),
  subject: text('subject').notNull(),
  bodyHtml: text('body_html').notNull(),
  forwardNote: text('forward_note'),
  searchFolded: text('search_folded').notNull().default(''),
  crimeArea: text('crime_area'),
  urgency: text('urgency').$type<Urgency>().notNull(),
  handlingCode: text('handling_code').$type<HandlingCode>().notNull(),
  handlingText: text('handling_text'),
  evaluationSource: text('evaluation_source').$type<'A' | 'B' | 'C' | 'X'>().notNull(),
  evaluationAccuracy: integer('evaluation_accuracy').notNull(),
  classification: text('classification').$type<Classification>().notNull(),
  tlp: text('tlp').$type<Tlp>().notNull(),
  releasableEconomies: text('releasable_economies').array().notNull().default([]),
  releasableOrganisations: uuid('releasable_organisations').array().notNull().default([]),
  sharingGroups: uuid('sharing_groups').array().notNull().default([]),
  originatorControl: boolean('originator_control').notNull().default(false),
  ownerOrganisationId: uuid('owner_organisation_id').notNull(),
  ownerEconomy: text('owner_economy').notNull(),
  release: text('release').$type<ReleaseState>().notNull(),
  approvedBy: uuid('approved_by'),
  sentAt: timestamp('sent_at', tz),
  state: text('state').$type<RequestState>(),
  dueAt: timestamp('due_at', tz),
  pausedAt: timestamp('paused_at', tz),
  acceptedAt: timestamp('accepted_at', tz),
  remindedAt: timestamp('reminded_at', tz),
  refusalGround: text('refusal_ground').$type<RefusalGround>(),
  retractedAt: timestamp('retracted_at', tz),
  retractionReason: text('retraction_reason'),
  // Routing through the sender economy's contact point (routing.service.ts) and who may approve.
  viaDeskId: uuid('via_desk_id'),
  routeState: text('route_state').$type<RouteState>(),
  routeNote: text('route_note'),
  routedBy: uuid('routed_by'),
  routedAt: timestamp('routed_at', tz),
  approverScope: text('approver_scope').$type<ApproverScope>().notNull().default('organisation'),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
});

export const exchangeRecipients = pgTable(
  'exchange_recipients',
  { itemId: uuid('item_id').notNull(), deskId: uuid('desk_id').notNull() },
  (table) => [primaryKey({ columns: [table.itemId, table.deskId] })],
);

export const exchangeEvents = pgTable('exchange_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  itemId: uuid('item_id').notNull(),
  kind: text('kind').$type<'transition' | 'approval' | 'return' | 'acknowledgement' | 'route_question' | 'route_answer'>().notNull(),
  transition: text('transition').$type<Transition>(),
  fromState: text('from_state').$type<RequestState>(),
  toState: text('to_state').$type<RequestState>(),
  ground: text('ground').$type<RefusalGround>(),
  note: text('note').notNull().default(''),
  deskId: uuid('desk_id'),
  actorId: uuid('actor_id').notNull(),
  at: timestamp('at', tz).notNull().defaultNow(),
});

export const exchangeReads = pgTable(
  'exchange_reads',
  {
    itemId: uuid('item_id').notNull(),
    userId: uuid('user_id').notNull(),
    deskId: uuid('desk_id'),
    firstReadAt: timestamp('first_read_at', tz).notNull(),
    lastReadAt: timestamp('last_read_at', tz).notNull(),
    reads: integer('reads').notNull().default(1),
  },
  (table) => [primaryKey({ columns: [table.itemId, table.userId] })],
);

export type ItemRow = typeof exchangeItems.$inferSelect;
export type NewItemRow = typeof exchangeItems.$inferInsert;
export type EventRow = typeof exchangeEvents.$inferSelect;
