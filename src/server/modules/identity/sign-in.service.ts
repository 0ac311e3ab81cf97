import { type UserActor, anonymousActor } from '../../access/actor';
import type { Db } from '../../db/client';
import { type LoadedSession, buildActor, createSession, destroyAllSessions, destroySession } from '../../platform/auth/sessions';
import type { AppDeps } from '../../platform/deps';
import { UnauthorizedProblem } from '../../platform/http/errors';
import { clearFailedAttempts, clearSourceFailures, consumeRecoveryCode, findThrottle, findUserWithOrganisation, recordFailedAttempt } from './identity.queries';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { hashRecoveryCode, looksLikeRecoveryCode } from './recovery-codes';
import { isLocked, sourceOf, stageAfterPassword } from './sign-in.rules';

export type IdentityDeps = Pick<AppDeps, 'db' | 'audit' | 'clock' | 'keys' | 'sessionPolicy' | 'sessionCache'>;

/** Where a request came from, for the session list and the audit chain. */
export interface RequestOrigin {
  ip: string;
  userAgent?: string;
}

/** The one answer to every failed sign-in: it never tells which part was wrong, or that an account or address is locked. */
export const SIGN_IN_FAILED = 'The e-mail or password is wrong.';

type FailureReason = 'unknown_user' | 'disabled' | 'locked' | 'wrong_password' | 'wrong_recovery_code';
type Found = Awaited<ReturnType<typeof findUserWithOrganisation>>;
interface SignInAttempt {
  email: string;
  password: string;
  recoveryCode?: string;
  origin: RequestOrigin;
  previousSession: LoadedSession | null;
}

/** Replaces the request's session (if any) by a new one: new token, new CSRF token. */
export async function replaceSession(
  tx: Db,
  deps: IdentityDeps,
  input: { userId: string; stage: 'full' | 'second_factor' | 'enrolment'; previousTokenHash?: string; origin: RequestOrigin; now: Date },
) {
  if (input.previousTokenHash) await destroySession(tx, deps.sessionCache, input.previousTokenHash);
  return createSession(tx, { userId: input.userId, stage: input.stage, ip: input.origin.ip, userAgent: input.origin.userAgent }, deps.sessionPolicy, input.now);
}

export function createSignInService(deps: IdentityDeps) {
  const { db, audit, clock } = deps;

  /** Audits a failure and counts it against the source and the account. */
  async function recordFailure(tx: Db, found: Found, input: SignInAttempt, reason: FailureReason, now: Date) {
    const context = { actor: anonymousActor, ip: input.origin.ip };
    if (found && (reason === 'wrong_password' || reason === 'wrong_recovery_code')) {
      const failure = await recordFailedAttempt(tx, found.user.id, sourceOf(input.origin.ip), now);
      for (const [scope, failures, lockedUntil] of [
        ['source', failure.sourceFailures, failure.sourceLockedUntil],
        ['account', failure.accountFailures, failure.accountLockedUntil],
      ] as const) {
        if (!lockedUntil) continue;
        await audit.append(tx, context, {
          action: 'auth.lockout',
          recordType: 'user',
          recordId: found.user.id,
          outcome: 'failure',
          actorLabel: input.email,
          details: { scope, failures, lockedUntil: lockedUntil.toISOString() },
        });
      }
    }
    await audit.append(tx, context, {
      action: 'auth.sign_in',
      recordType: found ? 'user' : undefined,
      recordId: found?.user.id,
      outcome: 'failure',
      actorLabel: input.email,
      details: { reason },
    });
  }

  async function signIn(input: SignInAttempt) {
    const now = clock();
    const found = await findUserWithOrganisation(db, { email: input.email });
    // Always run argon2, against a dummy hash when there is no account, so timing does not tell.
    const passwordOk = await verifyPassword(found?.user.passwordHash ?? (await dummyPasswordHash()), input.password);
    const source = sourceOf(input.origin.ip);
    const locked = found ? isLocked(found.user, now) || isLocked(await findThrottle(db, found.user.id, source), now) : false;
    const precheck: FailureReason | null = !found
      ? 'unknown_user'
      : found.user.disabledAt
        ? 'disabled'
        : input.recoveryCode === undefined && locked
          ? 'locked'
          : passwordOk
            ? null
            : 'wrong_password';

    const outcome = await audit.command(async (tx) => {
      let reason: FailureReason | null = precheck;
      let recoveryCodesLeft: number | undefined;
      if (!reason && found && input.recoveryCode !== undefined) {
        const consumed = looksLikeRecoveryCode(input.recoveryCode) ? await consumeRecoveryCode(tx, found.user.id, hashRecoveryCode(input.recoveryCode)) : null;
        if (consumed) recoveryCodesLeft = consumed.left;
        else reason = 'wrong_recovery_code';
      }
      if (reason || !found) {
        await recordFailure(tx, found, input, reason ?? 'unknown_user', now);
        return null;
      }
      const { user, organisation } = found;
      const usedRecoveryCode = recoveryCodesLeft !== undefined;
      // A recovery code stands in for the second factor: the session is full at once.
      const stage = usedRecoveryCode ? 'full' : stageAfterPassword(user);
      if (stage === 'full') {
        const wasLocked = await clearFailedAttempts(tx, user.id, now);
        if (usedRecoveryCode && wasLocked) {
          await audit.append(tx, { actor: anonymousActor, ip: input.origin.ip }, {
            action: 'auth.unlock',
            recordType: 'user',
            recordId: user.id,
            actorLabel: input.email,
            details: { method: 'recovery_code' },
          });
        }
      } else {
        await clearSourceFailures(tx, user.id, source);
      }
      const created = await replaceSession(tx, deps, { userId: user.id, stage, previousTokenHash: input.previousSession?.tokenHash, origin: input.origin, now });
      const actor = await buildActor(tx, user, organisation);
      await audit.append(tx, { actor, ip: input.origin.ip }, {
        action: 'auth.sign_in',
        recordType: 'user',
        recordId: user.id,
        actorLabel: input.email,
        details: usedRecoveryCode ? { stage, method: 'recovery_code', recoveryCodesLeft } : { stage },
      });
      return { ...created, stage, actor };
    });
    if (!outcome) throw new UnauthorizedProblem(SIGN_IN_FAILED);
    return outcome;
  }

  async function signOut(session: LoadedSession | null, origin: RequestOrigin) {
    if (!session) return;
    await audit.command(async (tx) => {
      await destroySession(tx, deps.sessionCache, session.tokenHash);
      await audit.append(tx, { actor: session.actor, ip: origin.ip }, { action: 'auth.sign_out', recordType: 'user', recordId: session.userId });
    });
  }

  async function signOutEverywhere(actor: UserActor, origin: RequestOrigin) {
    await audit.command(async (tx) => {
      const ended = await destroyAllSessions(tx, deps.sessionCache, actor.userId);
      await audit.append(tx, { actor, ip: origin.ip }, { action: 'auth.sign_out_everywhere', recordType: 'user', recordId: actor.userId, details: { sessionsEnded: ended } });
    });
  }

  return { signIn, signOut, signOutEverywhere };
}
