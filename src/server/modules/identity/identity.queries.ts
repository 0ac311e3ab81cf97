import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { deskMembers, desks, economies, organisations, sessions, users } from '../../db/schema/core';
import { secondFactorState, signInThrottles } from './identity.schema';
import { accountLockDurationMs, isLocked, lockDurationMs } from './sign-in.rules';

export async function findUserWithOrganisation(db: Db, where: { email: string } | { id: string }) {
  const [row] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where('email' in where ? eq(users.email, where.email) : eq(users.id, where.id))
    .limit(1);
  return row ?? null;
}

export async function findThrottle(db: Db, userId: string, source: string) {
  const [row] = await db
    .select({ failures: signInThrottles.failures, lockedUntil: signInThrottles.lockedUntil })
    .from(signInThrottles)
    .where(and(eq(signInThrottles.userId, userId), eq(signInThrottles.source, source)))
    .limit(1);
  return row ?? null;
}

/**
 * Counts a failed attempt against (account, source) and against the account, locking either
 * when its rule says so. Returns the locks this failure set.
 */
export async function recordFailedAttempt(db: Db, userId: string, source: string, now: Date) {
  const [throttle] = await db
    .insert(signInThrottles)
    .values({ userId, source, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: [signInThrottles.userId, signInThrottles.source],
      set: { failures: sql`${signInThrottles.failures} + 1`, lastFailureAt: now },
    })
    .returning({ failures: signInThrottles.failures });
  const sourceFailures = throttle?.failures ?? 0;
  const sourceLockMs = lockDurationMs(sourceFailures);
  const sourceLockedUntil = sourceLockMs === null ? null : new Date(now.getTime() + sourceLockMs);
  if (sourceLockedUntil) {
    await db
      .update(signInThrottles)
      .set({ lockedUntil: sourceLockedUntil })
      .where(and(eq(signInThrottles.userId, userId), eq(signInThrottles.source, source)));
  }
  const [account] = await db
    .update(users)
    .set({ failedSignIns: sql`${users.failedSignIns} + 1` })
    .where(eq(users.id, userId))
    .returning({ failures: users.failedSignIns });
  const accountFailures = account?.failures ?? 0;
  const accountLockMs = accountLockDurationMs(accountFailures);
  const accountLockedUntil = accountLockMs === null ? null : new Date(now.getTime() + accountLockMs);
  if (accountLockedUntil) await db.update(users).set({ lockedUntil: accountLockedUntil }).where(eq(users.id, userId));
  return { sourceFailures, sourceLockedUntil, accountFailures, accountLockedUntil };
}

/** Forgets the failures of one source (a correct password from it). */
export async function clearSourceFailures(db: Db, userId: string, source: string) {
  await db.delete(signInThrottles).where(and(eq(signInThrottles.userId, userId), eq(signInThrottles.source, source)));
}

/** Lifts every lock of the account and forgets its failures; true when a lock was in force. */
export async function clearFailedAttempts(db: Db, userId: string, now: Date): Promise<boolean> {
  const [account] = await db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId)).limit(1);
  const throttles = await db.delete(signInThrottles).where(eq(signInThrottles.userId, userId)).returning({ lockedUntil: signInThrottles.lockedUntil });
  await db.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, userId));
  return [account ?? null, ...throttles].some((lock) => isLocked(lock, now));
}

/** Of these accounts, those locked now, for the account or for any source. */
export async function findLockedUserIds(db: Db, userIds: string[], now: Date): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const accounts = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, userIds), gt(users.lockedUntil, now)));
  const sources = await db
    .selectDistinct({ id: signInThrottles.userId })
    .from(signInThrottles)
    .where(and(inArray(signInThrottles.userId, userIds), gt(signInThrottles.lockedUntil, now)));
  return new Set([...accounts, ...sources].map((row) => row.id));
}

export async function findSecondFactorState(db: Db, userId: string) {
  const [row] = await db.select().from(secondFactorState).where(eq(secondFactorState.userId, userId)).limit(1);
  return row ?? null;
}

export async function savePendingSecret(db: Db, userId: string, secretEncrypted: string, now: Date) {
  await db
    .insert(secondFactorState)
    .values({ userId, pendingSecretEncrypted: secretEncrypted, pendingCreatedAt: now })
    .onConflictDoUpdate({ target: secondFactorState.userId, set: { pendingSecretEncrypted: secretEncrypted, pendingCreatedAt: now } });
}

/**
 * Records a TOTP time-step as used, atomically: false when this step (or a later one) was
 * already used, which is how a replayed code is refused even by two requests at once.
 */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const claimed = await db
    .insert(secondFactorState)
    .values({ userId, lastUsedStep: step })
    .onConflictDoUpdate({
      target: secondFactorState.userId,
      set: { lastUsedStep: step },
      setWhere: sql`${secondFactorState.lastUsedStep} is null or ${secondFactorState.lastUsedStep} < ${step}`,
    })
    .returning({ userId: secondFactorState.userId });
  return claimed.length > 0;
}

/** Makes the pending secret the user's second factor with fresh recovery codes. */
export async function completeEnrolment(db: Db, userId: string, input: { secretEncrypted: string; recoveryCodeHashes: string[]; now: Date }) {
  await db
    .update(users)
    .set({
      totpSecretEncrypted: input.secretEncrypted,
      totpEnrolledAt: input.now,
      recoveryCodeHashes: input.recoveryCodeHashes,
      updatedAt: input.now,
    })
    .where(eq(users.id, userId));
  await db.update(secondFactorState).set({ pendingSecretEncrypted: null, pendingCreatedAt: null }).where(eq(secondFactorState.userId, userId));
}

/** Removes one recovery code if the user holds it; false when it is unknown or already used. */
export async function consumeRecoveryCode(db: Db, userId: string, codeHash: string): Promise<{ left: number } | null> {
  const [row] = await db
    .update(users)
    .set({ recoveryCodeHashes: sql`array_remove(${users.recoveryCodeHashes}, ${codeHash})` })
    .where(and(eq(users.id, userId), sql`${codeHash} = any(${users.recoveryCodeHashes})`))
    .returning({ hashes: users.recoveryCodeHashes });
  return row ? { left: row.hashes.length } : null;
}

export async function replaceRecoveryCodes(db: Db, userId: string, hashes: string[], now: Date) {
  await db.update(users).set({ recoveryCodeHashes: hashes, updatedAt: now }).where(eq(users.id, userId));
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string, now: Date) {
  await db.update(users).set({ passwordHash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, userId));
}

export async function clearSecondFactor(db: Db, userId: string, now: Date) {
  await db
    .update(users)
    .set({ totpSecretEncrypted: null, totpEnrolledAt: null, recoveryCodeHashes: [], failedSignIns: 0, lockedUntil: null, updatedAt: now })
    .where(eq(users.id, userId));
  await db.delete(signInThrottles).where(eq(signInThrottles.userId, userId));
  await db.delete(secondFactorState).where(eq(secondFactorState.userId, userId));
}

export async function loadProfile(db: Db, userId: string) {
  const [row] = await db
    .select({ user: users, organisation: organisations, economy: economies })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .innerJoin(economies, eq(economies.code, organisations.economyCode))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  const deskRows = await db
    .select({ id: desks.id, name: desks.name, economy: desks.economyCode, area: desks.area })
    .from(deskMembers)
    .innerJoin(desks, eq(desks.id, deskMembers.deskId))
    .where(eq(deskMembers.userId, userId))
    .orderBy(asc(desks.name));
  return { ...row, desks: deskRows };
}

export async function listSessionsOfUser(db: Db, userId: string) {
  return db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(desc(sessions.lastSeenAt));
}

/** The short id shown to users is the first 12 hex characters of the token's hash. */
export async function deleteSessionByShortId(db: Db, userId: string, shortId: string) {
  return db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), sql`left(${sessions.tokenHash}, 12) = ${shortId}`))
    .returning({ tokenHash: sessions.tokenHash });
}

export async function findOrganisationsByIdOrName(db: Db, reference: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reference);
  return db
    .select()
    .from(organisations)
    .where(isUuid ? eq(organisations.id, reference) : eq(organisations.name, reference))
    .limit(5);
}
