import { bigint, boolean, date, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Classification, Tlp } from '../../../contract/core';
import type { WantedKind } from '../../../contract/wanted';
import type { ActionCode, LinkRelation } from '../../../contract/wanted-actions';

const tz = { withTimezone: true } as const;

export const wantedAlerts = pgTable('wanted_alerts', {
  id: uuid('id').primaryKey().defaultRandom(),
  reference: text('reference').notNull(),
  kind: text('kind').$type<WantedKind>().notNull(),
  issuingDeskId: uuid('issuing_desk_id').notNull(),
  createdBy: uuid('created_by').notNull(),
  status: text('status').$type<'active' | 'withdrawn' | 'expired'>().notNull().default('active'),
  withdrawnReason: text('withdrawn_reason'),
  withdrawnAt: timestamp('withdrawn_at', tz),
  validFrom: timestamp('valid_from', tz).notNull(),
  validUntil: timestamp('valid_until', tz).notNull(),
  reviewAt: timestamp('review_at', tz),
  reviewRemindedAt: timestamp('review_reminded_at', tz),
  actionCode: text('action_code').$type<ActionCode>().notNull(),
  actionToTake: text('action_to_take').notNull().default(''),
  warrantReference: text('warrant_reference'),
  remarks: text('remarks').notNull().default(''),
  primaryName: text('primary_name'),
  dateOfBirth: date('date_of_birth', { mode: 'string' }),
  nationality: text('nationality'),
  sex: text('sex').$type<'female' | 'male'>(),
  physicalDescription: text('physical_description'),
  languages: text('languages').array().notNull().default([]),
  identityMisused: boolean('identity_misused').notNull().default(false),
  attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
  classification: text('classification').$type<Classification>().notNull(),
  tlp: text('tlp').$type<Tlp>().notNull(),
  releasableEconomies: text('releasable_economies').array().notNull().default([]),
  releasableOrganisations: uuid('releasable_organisations').array().notNull().default([]),
  sharingGroups: uuid('sharing_groups').array().notNull().default([]),
  originatorControl: boolean('originator_control').notNull().default(false),
  ownerOrganisationId: uuid('owner_organisation_id').notNull(),
  ownerEconomy: text('owner_economy').notNull(),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
});

export const wantedNames = pgTable('wanted_names', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  alertId: uuid('alert_id').notNull(),
  name: text('name').notNull(),
  folded: text('folded').notNull(),
  isAlias: boolean('is_alias').notNull().default(false),
});

export const wantedNameKeys = pgTable('wanted_name_keys', {
  alertId: uuid('alert_id').notNull(),
  key: text('key').notNull(),
});

export const wantedIdentifiers = pgTable('wanted_identifiers', {
  alertId: uuid('alert_id').notNull(),
  kind: text('kind').$type<'vin' | 'plate' | 'serial' | 'document' | 'other'>().notNull(),
  value: text('value').notNull(),
  normalized: text('normalized').notNull(),
});

export const wantedPhotos = pgTable('wanted_photos', {
  id: uuid('id').primaryKey().defaultRandom(),
  alertId: uuid('alert_id').notNull(),
  contentType: text('content_type').$type<'image/jpeg' | 'image/png'>().notNull(),
  byteSize: integer('byte_size').notNull(),
  sha256: text('sha256').notNull(),
  storageName: text('storage_name').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
});

export const wantedHits = pgTable('wanted_hits', {
  id: uuid('id').primaryKey().defaultRandom(),
  reference: text('reference').notNull(),
  alertId: uuid('alert_id').notNull(),
  issuingDeskId: uuid('issuing_desk_id').notNull(),
  screenedBy: uuid('screened_by').notNull(),
  screenerEconomy: text('screener_economy').notNull(),
  screenerOrganisationId: uuid('screener_organisation_id').notNull(),
  query: jsonb('query').$type<Record<string, string>>().notNull(),
  score: real('score').notNull(),
  decision: text('decision').$type<'match' | 'possible'>().notNull(),
  screenerCouldRead: boolean('screener_could_read').notNull(),
  status: text('status').$type<'pending' | 'confirmed' | 'rejected'>().notNull().default('pending'),
  decisionNote: text('decision_note'),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', tz),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  subjectKey: text('subject_key').notNull().default(''),
  purpose: text('purpose').notNull().default(''),
  screenCount: integer('screen_count').notNull().default(1),
  screenedTimes: timestamp('screened_times', tz).array().notNull().default([]),
  lastScreenedAt: timestamp('last_screened_at', tz),
});

export const wantedAlertChanges = pgTable('wanted_alert_changes', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  alertId: uuid('alert_id').notNull(),
  changedBy: uuid('changed_by').notNull(),
  changedAt: timestamp('changed_at', tz).notNull().defaultNow(),
  action: text('action').$type<'create' | 'update' | 'extend' | 'withdraw' | 'photo' | 'link' | 'unlink'>().notNull(),
  changes: jsonb('changes').$type<{ field: string; before: string; after: string }[]>().notNull().default([]),
});

export const wantedAlertLinks = pgTable('wanted_alert_links', {
  id: uuid('id').primaryKey().defaultRandom(),
  alertId: uuid('alert_id').notNull(),
  linkedAlertId: uuid('linked_alert_id').notNull(),
  relation: text('relation').$type<LinkRelation>().notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
});

export type AlertRow = typeof wantedAlerts.$inferSelect;
export type HitRow = typeof wantedHits.$inferSelect;
export type PhotoRow = typeof wantedPhotos.$inferSelect;
