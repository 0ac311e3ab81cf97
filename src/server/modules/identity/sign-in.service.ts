import { type UserActor, anonymousActor } from '../../access/actor';
import type { Db } from '../../db/client';
import { type LoadedSession, buildActor, createSession, destroyAllSessions, destroySession } from '../../platform/auth/sessions';
import type { AppDeps } from '../../platform/deps';
import { UnauthorizedProblem } from '../../platform/http/errors';
import { clearFailedAttempts, findUserWithOrganisation, recordFailedAttempt } from './identity.queries';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { isLocked, lockDurationMs, stageAfterPassword } from './sign-in.rules';

export type IdentityDeps = Pick<AppDeps, 'db' | 'audit' | 'clock' | 'keys' | 'sessionPolicy'>;

/** Where a request came from, for the session list and the audit chain. */
export interface RequestOrigin {
  ip: string;
  userAgent?: string;
}

/** The one answer to every failed sign-in: it never tells which part was wrong, or that an account is locked. */
export const SIGN_IN_FAILED = 'The e-mail or password is wrong.';

type FailureReason = 'unknown_user' | 'disabled' | 'locked' | 'wrong_password';

/** Replaces the request's session (if any) by a new one: new token, new CSRF token. */
export async function replaceSession(
  tx: Db,
  deps: IdentityDeps,
  input: { userId: string; stage: 'full' | 'second_factor' | 'enrolment'; previousTokenHash?: string; origin: RequestOrigin; now: Date },
) {
  if (input.previousTokenHash) await destroySession(tx, input.previousTokenHash);
  return createSession(tx, { userId: input.userId, stage: input.stage, ip: input.origin.ip, userAgent: input.origin.userAgent }, deps.sessionPolicy, input.now);
}

export function createSignInService(deps: IdentityDeps) {
  const { db, audit, clock } = deps;

  async function signIn(input: { email: string; password: string; origin: RequestOrigin; previousSession: LoadedSession | null }) {
    const now = clock();
    const found = await findUserWithOrganisation(db, { email: input.email });
    // Always run argon2, against a dummy hash when there is no account, so timing does not tell.
    const passwordOk = await verifyPassword(found?.user.passwordHash ?? (await dummyPasswordHash()), input.password);
    const reason: FailureReason | null = !found
      ? 'unknown_user'
      : found.user.disabledAt
        ? 'disabled'
        : isLocked(found.user, now)
          ? 'locked'
          : passwordOk
            ? null
            : 'wrong_password';
    const context = { actor: anonymousActor, ip: input.origin.ip };

    if (reason || !found) {
      await audit.command(async (tx) => {
        if (found && reason === 'wrong_password') {
          const { failures, lockedUntil } = await recordFailedAttempt(tx, found.user.id, lockDurationMs, now);
          if (lockedUntil) {
            await audit.append(tx, context, {
              action: 'auth.lockout',
              recordType: 'user',
              recordId: found.user.id,
              outcome: 'failure',
              actorLabel: input.email,
              details: { failures, lockedUntil: lockedUntil.toISOString() },
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
      });
      throw new UnauthorizedProblem(SIGN_IN_FAILED);
    }

    const { user, organisation } = found;
    const stage = stageAfterPassword(user);
    return audit.command(async (tx) => {
      await clearFailedAttempts(tx, user.id);
      const created = await replaceSession(tx, deps, { userId: user.id, stage, previousTokenHash: input.previousSession?.tokenHash, origin: input.origin, now });
      const actor = await buildActor(tx, user, organisation);
      await audit.append(tx, { actor, ip: input.origin.ip }, { action: 'auth.sign_in', recordType: 'user', recordId: user.id, actorLabel: input.email, details: { stage } });
      return { ...created, stage, actor };
    });
  }

  async function signOut(session: LoadedSession | null, origin: RequestOrigin) {
    if (!session) return;
    await audit.command(async (tx) => {
      await destroySession(tx, session.tokenHash);
      await audit.append(tx, { actor: session.actor, ip: origin.ip }, { action: 'auth.sign_out', recordType: 'user', recordId: session.userId });
    });
  }

  async function signOutEverywhere(actor: UserActor, origin: RequestOrigin) {
    await audit.command(async (tx) => {
      const ended = await destroyAllSessions(tx, actor.userId);
      await audit.append(tx, { actor, ip: origin.ip }, { action: 'auth.sign_out_everywhere', recordType: 'user', recordId: actor.userId, details: { sessionsEnded: ended } });
    });
  }

  return { signIn, signOut, signOutEverywhere };
}
