import { bigint, bigserial, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
};

export const economies = pgTable('economies', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').$type<'economy' | 'regional' | 'international'>().notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  acronym: text('acronym'),
  kind: text('kind').notNull(),
  economyCode: text('economy_code').notNull(),
  website: text('website'),
  ...timestamps,
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull(),
  displayName: text('display_name').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  roles: text('roles').array().notNull(),
  clearance: text('clearance').notNull(),
  passwordHash: text('password_hash').notNull(),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  totpSecretEncrypted: text('totp_secret_encrypted'),
  totpEnrolledAt: timestamp('totp_enrolled_at', { withTimezone: true }),
  recoveryCodeHashes: text('recovery_code_hashes').array().notNull().default([]),
  failedSignIns: integer('failed_sign_ins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  ...timestamps,
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const desks = pgTable('desks', {
  id: uuid('id').primaryKey().defaultRandom(),
  economyCode: text('economy_code').notNull(),
  area: text('area').notNull(),
  name: text('name').notNull(),
  email: text('email'),
  ...timestamps,
});

export const deskMembers = pgTable(
  'desk_members',
  {
    deskId: uuid('desk_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.deskId, table.userId] })],
);

export const sharingGroups = pgTable('sharing_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description'),
  economyCodes: text('economy_codes').array().notNull().default([]),
  organisationIds: uuid('organisation_ids').array().notNull().default([]),
  ...timestamps,
});

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  stage: text('stage').$type<'second_factor' | 'enrolment' | 'full'>().notNull(),
  csrfToken: text('csrf_token').notNull(),
  ...timestamps,
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
});

export const auditEvents = pgTable('audit_events', {
  /** Insertion order (from a sequence, may skip numbers); the chain position is `chainSeq`. */
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  id: uuid('id').notNull().defaultRandom(),
  occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
  actorUserId: uuid('actor_user_id'),
  actorLabel: text('actor_label').notNull(),
  actorEconomy: text('actor_economy'),
  action: text('action').notNull(),
  recordType: text('record_type'),
  recordId: text('record_id'),
  outcome: text('outcome').$type<'success' | 'denied' | 'failure'>().notNull(),
  ip: text('ip'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  subjectEconomy: text('subject_economy'),
  subjectReleasedTo: text('subject_released_to').array(),
  /** Position in the hash chain, null until the sequencer seals the event. */
  chainSeq: bigint('chain_seq', { mode: 'number' }),
  prevHash: text('prev_hash'),
  hash: text('hash'),
  insertedAt: timestamp('inserted_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  sealedAt: timestamp('sealed_at', { withTimezone: true, mode: 'string' }),
});

export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  deskId: uuid('desk_id'),
  userId: uuid('user_id'),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  link: text('link'),
  recordType: text('record_type'),
  recordId: text('record_id'),
  ...timestamps,
  readAt: timestamp('read_at', { withTimezone: true }),
});

export type UserRow = typeof users.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;
