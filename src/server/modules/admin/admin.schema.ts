import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type FieldChange = { from: unknown; to: unknown };

/** A change that widens who reads marked records, waiting for a second administrator. */
export const accessChanges = pgTable('access_changes', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<AccessChangeKind>().notNull(),
  recordType: text('record_type').notNull(),
  recordId: uuid('record_id').notNull(),
  memberUserId: uuid('member_user_id'),
  changes: jsonb('changes').$type<Record<string, FieldChange>>().notNull(),
  economies: text('economies').array().notNull(),
  beneficiaryUserIds: uuid('beneficiary_user_ids').array().notNull().default([]),
  beneficiaryOrganisationIds: uuid('beneficiary_organisation_ids').array().notNull().default([]),
  beneficiaryEconomies: text('beneficiary_economies').array().notNull().default([]),
  status: text('status').$type<'pending' | 'approved' | 'rejected'>().notNull().default('pending'),
  proposedBy: uuid('proposed_by').notNull(),
  proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  reason: text('reason'),
});

export type AccessChangeKind = 'user' | 'desk_member' | 'sharing_group' | 'organisation';
export type AccessChangeRow = typeof accessChanges.$inferSelect;
