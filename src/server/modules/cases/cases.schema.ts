import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CaseStatus, CrimeArea, EntityKind, RelationshipKind, TeamRole } from '../../../contract/cases';
import type { Classification, Tlp } from '../../../contract/core';

const tz = { withTimezone: true } as const;

const marking = () => ({
  classification: text('classification').$type<Classification>().notNull(),
  tlp: text('tlp').$type<Tlp>().notNull(),
  releasableEconomies: text('releasable_economies').array().notNull().default([]),
  releasableOrganisations: uuid('releasable_organisations').array().notNull().default([]),
  sharingGroups: uuid('sharing_groups').array().notNull().default([]),
  originatorControl: boolean('originator_control').notNull().default(false),
  ownerOrganisationId: uuid('owner_organisation_id').notNull(),
  ownerEconomy: text('owner_economy').notNull(),
});

export const caseRecords = pgTable('case_records', {
  id: uuid('id').primaryKey().defaultRandom(),
  reference: text('reference').notNull(),
  title: text('title').notNull(),
  summary: text('summary').notNull().default(''),
  crimeArea: text('crime_area').$type<CrimeArea>().notNull(),
  status: text('status').$type<CaseStatus>().notNull(),
  openedOn: date('opened_on').notNull(),
  statusChangedAt: timestamp('status_changed_at', tz).notNull().defaultNow(),
  closedOn: date('closed_on'),
  ownerDeskId: uuid('owner_desk_id').notNull(),
  createdBy: uuid('created_by').notNull(),
  ...marking(),
  /** The economies of the timeline's events in date order (`AL>ME>HR`), kept with each event (migration 0404); null under two stops. */
  route: text('route'),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
});

export const caseEvents = pgTable('case_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  occurredOn: date('occurred_on').notNull(),
  place: text('place').notNull().default(''),
  description: text('description').notNull(),
  /** Where the event took place: a stop of the case's route (migration 0402). */
  economy: text('economy'),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
});

export const caseEntities = pgTable('case_entities', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerOrganisationId: uuid('owner_organisation_id').notNull(),
  kind: text('kind').$type<EntityKind>().notNull(),
  label: text('label').notNull(),
  attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull(),
  identityKey: text('identity_key').notNull(),
  dateOfBirth: date('date_of_birth'),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
});

export const caseEntityKeys = pgTable('case_entity_keys', { entityId: uuid('entity_id').notNull(), key: text('key').notNull() }, (t) => [primaryKey({ columns: [t.key, t.entityId] })]);

export const caseLinks = pgTable('case_links', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  entityId: uuid('entity_id').notNull(),
  role: text('role').notNull().default(''),
  addedBy: uuid('added_by').notNull(),
  ...marking(),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  removedAt: timestamp('removed_at', tz),
  removedBy: uuid('removed_by'),
});

export const caseRelationships = pgTable('case_relationships', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  fromEntityId: uuid('from_entity_id').notNull(),
  toEntityId: uuid('to_entity_id').notNull(),
  kind: text('kind').$type<RelationshipKind>().notNull(),
  validFrom: date('valid_from'),
  validTo: date('valid_to'),
  source: text('source').notNull().default(''),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
});

export const caseCorrelations = pgTable('case_correlations', {
  id: uuid('id').primaryKey().defaultRandom(),
  entityA: uuid('entity_a').notNull(),
  entityB: uuid('entity_b').notNull(),
  basis: text('basis').notNull(),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
});

export const caseFlaggedValues = pgTable('case_flagged_values', {
  key: text('key').primaryKey(),
  caseCount: integer('case_count').notNull(),
  flaggedAt: timestamp('flagged_at', tz).notNull().defaultNow(),
  excludedAt: timestamp('excluded_at', tz),
  excludedBy: uuid('excluded_by'),
});

export const caseTeamMembers = pgTable('case_team_members', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  role: text('role').$type<TeamRole>().notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on'),
  leftAt: timestamp('left_at', tz),
  addedBy: uuid('added_by').notNull(),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
});

export const caseFollowUps = pgTable('case_follow_ups', {
  id: uuid('id').primaryKey().defaultRandom(),
  correlationId: uuid('correlation_id').notNull(),
  holdingLinkId: uuid('holding_link_id').notNull(),
  holdingDeskId: uuid('holding_desk_id').notNull(),
  requesterUserId: uuid('requester_user_id').notNull(),
  requesterOrganisationId: uuid('requester_organisation_id').notNull(),
  state: text('state').$type<'open' | 'released' | 'declined' | 'withdrawn'>().notNull(),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', tz),
  /** The exchange request opened to the holding economy's contact point. */
  exchangeItemId: uuid('exchange_item_id'),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
});

export const caseReleases = pgTable(
  'case_releases',
  {
    linkId: uuid('link_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    followUpId: uuid('follow_up_id'),
    decidedBy: uuid('decided_by').notNull(),
    decidedAt: timestamp('decided_at', tz).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.linkId, t.organisationId] })],
);

export const caseDocuments = pgTable('case_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  storageKey: text('storage_key').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  ...marking(),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', tz),
  deletedBy: uuid('deleted_by'),
});

export type CaseRow = typeof caseRecords.$inferSelect;
export type EntityRow = typeof caseEntities.$inferSelect;
export type LinkRow = typeof caseLinks.$inferSelect;
export type TeamRow = typeof caseTeamMembers.$inferSelect;
export type FollowUpRow = typeof caseFollowUps.$inferSelect;
export type DocumentRow = typeof caseDocuments.$inferSelect;
