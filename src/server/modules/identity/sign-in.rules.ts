import type { Role } from '../../../contract/core';

/**
 * Sign-in rules as pure functions: lockout with back-off, and who needs a second factor.
 * After LOCKOUT_THRESHOLD failures in a row the account locks for a minute, doubling with
 * each further failure up to an hour; a successful sign-in clears the count.
 */
export const LOCKOUT_THRESHOLD = 5;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 3_600_000;

export function lockDurationMs(consecutiveFailures: number): number | null {
  if (consecutiveFailures < LOCKOUT_THRESHOLD) return null;
  return Math.min(FIRST_LOCK_MS * 2 ** (consecutiveFailures - LOCKOUT_THRESHOLD), LONGEST_LOCK_MS);
}

export function isLocked(user: { lockedUntil: Date | null }, now: Date): boolean {
  return user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();
}

/** Every role except reader must use a second factor. */
export function requiresSecondFactor(roles: readonly string[]): boolean {
  return roles.some((role) => (role as Role) !== 'reader');
}

/** The stage a session starts in after a correct password. */
export function stageAfterPassword(user: { roles: readonly string[]; totpEnrolledAt: Date | null }): 'full' | 'second_factor' | 'enrolment' {
  if (user.totpEnrolledAt) return 'second_factor';
  return requiresSecondFactor(user.roles) ? 'enrolment' : 'full';
}

/** Rejects passwords that are short or the account's own e-mail address. */
export function passwordProblem(password: string, email: string, minLength: number): string | null {
  if (password.length < minLength) return `The password needs at least ${minLength} characters.`;
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'The password must not be the e-mail address.';
  return null;
}
