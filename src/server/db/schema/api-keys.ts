import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Machine clients' keys (migration 0013): the secret only as its SHA-256. */
export const apiKeys = pgTable('api_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  secretHash: text('secret_hash').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  serviceUserId: uuid('service_user_id').notNull(),
  scopes: text('scopes').array().notNull(),
  allowedNetworks: text('allowed_networks').array().notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  approvedBy: uuid('approved_by'),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  revokedBy: uuid('revoked_by'),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokeReason: text('revoke_reason'),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  lastUsedIp: text('last_used_ip'),
});

export type ApiKeyRow = typeof apiKeys.$inferSelect;
