import { bigint, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Second-factor state beside the user row: a pending enrolment and the last TOTP step used. */
export const secondFactorState = pgTable('second_factor_state', {
  userId: uuid('user_id').primaryKey(),
  pendingSecretEncrypted: text('pending_secret_encrypted'),
  pendingCreatedAt: timestamp('pending_created_at', { withTimezone: true }),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
});
