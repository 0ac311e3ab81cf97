import { verifyPassword } from './passwords';
import QRCode from 'qrcode';
import type { EnrolmentStartView } from '../../../contract/identity';
import type { UserActor } from '../../access/actor';
import type { Db } from '../../db/client';
import { type LoadedSession, destroySession } from '../../platform/auth/sessions';
import { decryptText, encryptText } from '../../platform/crypto/secrets';
import { ConflictProblem, NotFoundProblem, UnauthorizedProblem, UnprocessableProblem } from '../../platform/http/errors';
import {
  claimTotpStep,
  clearFailedAttempts,
  completeEnrolment,
  consumeRecoveryCode,
  findSecondFactorState,
  findThrottle,
  findUserWithOrganisation,
  recordFailedAttempt,
  replaceRecoveryCodes,
  savePendingSecret,
} from './identity.queries';
import { generateRecoveryCodes, hashRecoveryCode, looksLikeRecoveryCode } from './recovery-codes';
import { type IdentityDeps, type RequestOrigin, replaceSession } from './sign-in.service';
import { isLocked, sourceOf } from './sign-in.rules';
import { generateTotpSecret, matchTotpStep, totpUrl } from './totp';

export const SECOND_FACTOR_FAILED = 'The code is wrong or has already been used.';
const PENDING_ENROLMENT_MS = 30 * 60_000;

function requireStage(session: LoadedSession | null, stages: LoadedSession['stage'][]): LoadedSession {
  if (!session || !stages.includes(session.stage)) throw new UnauthorizedProblem('Sign in with your e-mail and password first.');
  return session;
}

export function createSecondFactorService(deps: IdentityDeps) {
  const { db, audit, clock, keys } = deps;

  /** Checks a TOTP code against the user's secret and uses up its time-step; false on a wrong or replayed code. */
  async function useTotpCode(tx: Db, userId: string, secretEncrypted: string, code: string, now: Date): Promise<boolean> {
    const step = matchTotpStep(decryptText(keys.encryption, secretEncrypted), code, now);
    return step !== null && (await claimTotpStep(tx, userId, step));
  }

  /** The second step of sign-in: a TOTP code or a one-time recovery code turns the session full, under a new token. */
  async function verify(input: { session: LoadedSession | null; code: string; origin: RequestOrigin }) {
    const session = requireStage(input.session, ['second_factor']);
    const now = clock();
    const found = await findUserWithOrganisation(db, { id: session.userId });
    if (!found?.user.totpSecretEncrypted) throw new UnauthorizedProblem('Sign in with your e-mail and password first.');
    const { user } = found;
    const code = input.code.replace(/\s+/g, '');
    const method = /^\d{6}$/.test(code) ? 'totp' : 'recovery_code';
    const context = { actor: session.actor, ip: input.origin.ip };

    const source = sourceOf(input.origin.ip);
    const locked = isLocked(user, now) || isLocked(await findThrottle(db, user.id, source), now);

    const outcome = await audit.command(async (tx) => {
      let accepted = false;
      let recoveryCodesLeft: number | undefined;
      if (!locked) {
        if (method === 'totp') {
          accepted = await useTotpCode(tx, user.id, user.totpSecretEncrypted!, code, now);
        } else if (looksLikeRecoveryCode(code)) {
          const consumed = await consumeRecoveryCode(tx, user.id, hashRecoveryCode(code));
          accepted = consumed !== null;
          recoveryCodesLeft = consumed?.left;
        }
      }
      if (accepted) {
        await clearFailedAttempts(tx, user.id, now);
        const created = await replaceSession(tx, deps, { userId: user.id, stage: 'full', previousTokenHash: session.tokenHash, origin: input.origin, now });
        await audit.append(tx, context, { action: 'auth.second_factor', recordType: 'user', recordId: user.id, details: { method, recoveryCodesLeft } });
        return { accepted: true as const, ...created };
      }
      const failure = locked ? null : await recordFailedAttempt(tx, user.id, source, now);
      const lockedNow = locked || Boolean(failure?.sourceLockedUntil ?? failure?.accountLockedUntil);
      // A locked account or source loses its half-open session: the attacker must start again with the password.
      if (lockedNow) await destroySession(tx, deps.sessionCache, session.tokenHash);
      if (failure?.sourceLockedUntil || failure?.accountLockedUntil) {
        const scope = failure.accountLockedUntil ? 'account' : 'source';
        const lockedUntil = (failure.accountLockedUntil ?? failure.sourceLockedUntil)!;
        const failures = scope === 'account' ? failure.accountFailures : failure.sourceFailures;
        await audit.append(tx, context, { action: 'auth.lockout', recordType: 'user', recordId: user.id, outcome: 'failure', details: { scope, failures, lockedUntil: lockedUntil.toISOString() } });
      }
      await audit.append(tx, context, { action: 'auth.second_factor', recordType: 'user', recordId: user.id, outcome: 'failure', details: { method } });
      return { accepted: false as const, sessionEnded: lockedNow };
    });
    if (!outcome.accepted) return outcome;
    return { ...outcome, actor: session.actor };
  }

  /** Creates a new secret, kept encrypted as pending until a code from it is confirmed. */
  async function startEnrolment(input: {
    session: LoadedSession | null;
    currentPassword?: string;
    origin: RequestOrigin;
  }): Promise<EnrolmentStartView> {
    const session = requireStage(input.session, ['enrolment', 'full']);
    const now = clock();
    if (session.stage === 'full') await requireCurrentPassword(session, input.currentPassword, input.origin);
    const secret = generateTotpSecret();
    const otpauthUrl = totpUrl(secret, session.actor.email);
    await audit.command(async (tx) => {
      await savePendingSecret(tx, session.userId, encryptText(keys.encryption, secret), now);
      await audit.append(tx, { actor: session.actor, ip: input.origin.ip }, { action: 'auth.enrolment.start', recordType: 'user', recordId: session.userId });
    });
    const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret, otpauthUrl, qrSvg };
  }

  /** A stolen signed-in session alone must not be enough to replace the user's authenticator. */
  async function requireCurrentPassword(session: LoadedSession, password: string | undefined, origin: RequestOrigin) {
    const found = await findUserWithOrganisation(db, { id: session.userId });
    if (found && password !== undefined && (await verifyPassword(found.user.passwordHash, password))) return;
    await audit.record(
      { actor: session.actor, ip: origin.ip },
      { action: 'auth.enrolment.start', recordType: 'user', recordId: session.userId, outcome: 'failure', details: { reason: 'current password missing or wrong' } },
    );
    throw new UnprocessableProblem('Enter your current password to set up a new authenticator app.');
  }

  async function confirmEnrolment(input: { session: LoadedSession | null; code: string; origin: RequestOrigin }) {
    const session = requireStage(input.session, ['enrolment', 'full']);
    const now = clock();
    const state = await findSecondFactorState(db, session.userId);
    const pending = state?.pendingSecretEncrypted;
    if (!pending || !state.pendingCreatedAt || now.getTime() - state.pendingCreatedAt.getTime() > PENDING_ENROLMENT_MS) {
      throw new ConflictProblem('Start setting up the authenticator app first (the set-up expires after 30 minutes).');
    }
    const context = { actor: session.actor, ip: input.origin.ip };
    const recoveryCodes = generateRecoveryCodes();
    const outcome = await audit.command(async (tx) => {
      if (!(await useTotpCode(tx, session.userId, pending, input.code.replace(/\s+/g, ''), now))) {
        await audit.append(tx, context, { action: 'auth.enrolment.confirm', recordType: 'user', recordId: session.userId, outcome: 'failure' });
        return null;
      }
      await completeEnrolment(tx, session.userId, { secretEncrypted: pending, recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode), now });
      const created = await replaceSession(tx, deps, { userId: session.userId, stage: 'full', previousTokenHash: session.tokenHash, origin: input.origin, now });
      await audit.append(tx, context, { action: 'auth.enrolment.confirm', recordType: 'user', recordId: session.userId, details: { reenrolment: session.stage === 'full' } });
      return created;
    });
    if (!outcome) throw new UnprocessableProblem('The code is wrong. Check that the time on your device is correct and try again.');
    return { ...outcome, recoveryCodes, actor: session.actor };
  }

  /** New recovery codes replace all the old ones; a current TOTP code proves the app is at hand. */
  async function regenerateRecoveryCodes(input: { actor: UserActor; code: string; origin: RequestOrigin }) {
    const now = clock();
    const found = await findUserWithOrganisation(db, { id: input.actor.userId });
    if (!found) throw new NotFoundProblem();
    const secret = found.user.totpSecretEncrypted;
    if (!secret) throw new ConflictProblem('Set up an authenticator app first.');
    const context = { actor: input.actor, ip: input.origin.ip };
    const recoveryCodes = generateRecoveryCodes();
    const done = await audit.command(async (tx) => {
      if (!(await useTotpCode(tx, input.actor.userId, secret, input.code, now))) {
        await audit.append(tx, context, { action: 'profile.recovery_codes.regenerate', recordType: 'user', recordId: input.actor.userId, outcome: 'failure' });
        return false;
      }
      await replaceRecoveryCodes(tx, input.actor.userId, recoveryCodes.map(hashRecoveryCode), now);
      await audit.append(tx, context, { action: 'profile.recovery_codes.regenerate', recordType: 'user', recordId: input.actor.userId });
      return true;
    });
    if (!done) throw new UnprocessableProblem(SECOND_FACTOR_FAILED);
    return { recoveryCodes };
  }

  return { verify, startEnrolment, confirmEnrolment, regenerateRecoveryCodes };
}
