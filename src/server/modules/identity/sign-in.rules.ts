import { isIPv6 } from 'node:net';
import type { Role } from '../../../contract/core';

/**
 * Sign-in rules as pure functions: lockout with back-off, and who needs a second factor.
 *
 * Failures count per (account, source address): after LOCKOUT_THRESHOLD failures in a row
 * from one source, that source is locked out of that account for a minute, doubling with each
 * further failure up to an hour. Someone who only knows an e-mail address therefore locks out
 * only their own address; the owner signs in from theirs. Across all sources the account
 * locks at ACCOUNT_CEILING failures (an attack spread over many addresses), for a quarter of an
 * hour doubling up to a day; the owner lifts it with a recovery code, or an administrator does.
 * A full sign-in clears every count of the account.
 */
export const LOCKOUT_THRESHOLD = 5;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 3_600_000;
export const ACCOUNT_CEILING = 50;
const ACCOUNT_FIRST_LOCK_MS = 15 * 60_000;
const ACCOUNT_LONGEST_LOCK_MS = 24 * 3_600_000;

export function lockDurationMs(consecutiveFailures: number): number | null {
  if (consecutiveFailures < LOCKOUT_THRESHOLD) return null;
  return Math.min(FIRST_LOCK_MS * 2 ** (consecutiveFailures - LOCKOUT_THRESHOLD), LONGEST_LOCK_MS);
}

export function accountLockDurationMs(failures: number): number | null {
  if (failures < ACCOUNT_CEILING) return null;
  return Math.min(ACCOUNT_FIRST_LOCK_MS * 2 ** Math.min(failures - ACCOUNT_CEILING, 20), ACCOUNT_LONGEST_LOCK_MS);
}

export function isLocked(lock: { lockedUntil: Date | null } | null, now: Date): boolean {
  return lock !== null && lock.lockedUntil !== null && lock.lockedUntil.getTime() > now.getTime();
}

function expandIPv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const missing = 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(missing, 0)).fill('0'), ...right];
}

/**
 * The source a failure counts against: the IPv4 address, or the /64 network of an IPv6
 * address (one subscriber holds a whole /64, so single addresses would cost them nothing).
 */
export function sourceOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const groups = expandIPv6(ip.split('%')[0]!.toLowerCase());
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
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
