import { bigint, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Second-factor state beside the user row: a pending enrolment and the last TOTP step used. */
export const secondFactorState = pgTable('second_factor_state', {
  userId: uuid('user_id').primaryKey(),
  pendingSecretEncrypted: text('pending_secret_encrypted'),
  pendingCreatedAt: timestamp('pending_created_at', { withTimezone: true }),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
});

/** Failed sign-ins per (account, source address): the lock a stranger's guessing causes stays at their address. */
export const signInThrottles = pgTable(
  'sign_in_throttles',
  {
    userId: uuid('user_id').notNull(),
    source: text('source').notNull(),
    failures: integer('failures').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.source] })],
);
