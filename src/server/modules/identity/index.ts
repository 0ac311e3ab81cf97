import type { FastifyInstance } from 'fastify';
import type { Classification, Role } from '../../../contract/core';
import type { Db } from '../../db/client';
import { users } from '../../db/schema/core';
import type { SessionCache } from '../../platform/auth/session-cache';
import { destroyAllSessions } from '../../platform/auth/sessions';
import { randomToken } from '../../platform/crypto/secrets';
import type { AppDeps } from '../../platform/deps';
import { registerAuthRoutes } from './auth.routes';
import { clearFailedAttempts, clearSecondFactor, findLockedUserIds, findOrganisationsByIdOrName, updatePasswordHash } from './identity.queries';
import { registerProfileRoutes } from './profile.routes';

export { PASSWORD_MIN_LENGTH, hashPassword } from './passwords';
export { passwordProblem, requiresSecondFactor } from './sign-in.rules';
export { currentTotpCode, isBase32Secret } from './totp';
export { findOrganisationsByIdOrName };
/** Of these accounts, those that are locked now, for the account or for one of its source addresses. */
export const findLockedAccounts = findLockedUserIds;

/** Lifts every sign-in lock of the account, inside the caller's transaction; true when one was in force. */
export const unlockSignIn = (tx: Db, userId: string, now: Date) => clearFailedAttempts(tx, userId, now);

/** The identity module's only public face: sign-in, second factor, sessions and the profile. */
export async function registerIdentityModule(app: FastifyInstance, deps: AppDeps) {
  registerAuthRoutes(app, deps);
  registerProfileRoutes(app, deps);
}

/**
 * An administrator's reset, run inside the caller's transaction (the caller writes the audit
 * event): forgets the second factor and recovery codes, so the user enrols again at the next
 * sign-in, lifts a lockout, optionally sets a new password hash, and ends every session.
 */
export async function resetUserCredentials(
  tx: Db,
  sessionCache: SessionCache,
  userId: string,
  options: { newPasswordHash?: string; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  await clearSecondFactor(tx, userId, now);
  if (options.newPasswordHash) await updatePasswordHash(tx, userId, options.newPasswordHash, now);
  return { sessionsEnded: await destroyAllSessions(tx, sessionCache, userId) };
}

export interface NewUserAccount {
  email: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
  clearance: Classification;
  /** An argon2id hash from `hashPassword`, never the password itself. */
  passwordHash: string;
}

/** Creates a user without a second factor: anyone but a reader enrols one at first sign-in. */
export async function createUserAccount(tx: Db, account: NewUserAccount) {
  const [user] = await tx
    .insert(users)
    .values({ ...account, email: account.email.trim().toLowerCase() })
    .returning({ id: users.id, email: users.email });
  return user!;
}

/** A random initial password (24 characters of base64url), handed to the user out of band. */
export function generatePassword(): string {
  return randomToken(18);
}
