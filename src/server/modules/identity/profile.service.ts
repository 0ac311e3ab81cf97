import type { PasswordChangeInput, ProfileSession, ProfileView } from '../../../contract/identity';
import type { UserActor } from '../../access/actor';
import { destroyAllSessions } from '../../platform/auth/sessions';
import { NotFoundProblem, UnprocessableProblem } from '../../platform/http/errors';
import { deleteSessionByShortId, findUserWithOrganisation, listSessionsOfUser, loadProfile, updatePasswordHash } from './identity.queries';
import { presentProfile, presentProfileSession } from './identity.presenter';
import { PASSWORD_MIN_LENGTH, hashPassword, verifyPassword } from './passwords';
import type { IdentityDeps, RequestOrigin } from './sign-in.service';
import { passwordProblem } from './sign-in.rules';

interface ProfileRequest {
  actor: UserActor;
  origin: RequestOrigin;
  /** The hash of the session the request came with. */
  currentTokenHash?: string;
}

export function createProfileService(deps: IdentityDeps) {
  const { db, audit, clock } = deps;
  const userRecord = (actor: UserActor) => ({ recordType: 'user', recordId: actor.userId });

  async function getProfile({ actor, origin }: ProfileRequest): Promise<ProfileView> {
    const profile = await loadProfile(db, actor.userId);
    if (!profile) throw new NotFoundProblem();
    await audit.record({ actor, ip: origin.ip }, { action: 'profile.read', ...userRecord(actor) });
    return presentProfile(profile);
  }

  async function listSessions({ actor, origin, currentTokenHash }: ProfileRequest): Promise<ProfileSession[]> {
    const rows = await listSessionsOfUser(db, actor.userId);
    await audit.record({ actor, ip: origin.ip }, { action: 'profile.sessions.list', ...userRecord(actor) });
    return rows.map((row) => presentProfileSession(row, currentTokenHash));
  }

  /** Ends one of the user's own sessions; another user's session id is simply not found. */
  async function endSession({ actor, origin, currentTokenHash }: ProfileRequest, sessionId: string) {
    const ended = await audit.command(async (tx) => {
      const removed = await deleteSessionByShortId(tx, actor.userId, sessionId);
      if (removed.length === 0) return null;
      for (const { tokenHash } of removed) await deps.sessionCache.publish(tx, { tokenHash });
      await audit.append(tx, { actor, ip: origin.ip }, { action: 'profile.session.end', ...userRecord(actor), details: { sessionId } });
      return removed;
    });
    if (!ended) throw new NotFoundProblem('No such session.');
    return { endedCurrent: ended.some((row) => row.tokenHash === currentTokenHash) };
  }

  /** A new password ends every other session of the user. */
  async function changePassword({ actor, origin, currentTokenHash }: ProfileRequest, input: PasswordChangeInput) {
    const found = await findUserWithOrganisation(db, { id: actor.userId });
    if (!found) throw new NotFoundProblem();
    const context = { actor, ip: origin.ip };
    if (!(await verifyPassword(found.user.passwordHash, input.currentPassword))) {
      await audit.record(context, { action: 'profile.password.change', ...userRecord(actor), outcome: 'failure', details: { reason: 'wrong_current_password' } });
      throw new UnprocessableProblem('The current password is wrong.', [{ path: 'body.currentPassword', message: 'wrong password' }]);
    }
    const problem = passwordProblem(input.newPassword, found.user.email, PASSWORD_MIN_LENGTH);
    if (problem) throw new UnprocessableProblem(problem, [{ path: 'body.newPassword', message: problem }]);
    if (input.newPassword === input.currentPassword) {
      throw new UnprocessableProblem('The new password must differ from the current one.', [{ path: 'body.newPassword', message: 'unchanged' }]);
    }
    const passwordHash = await hashPassword(input.newPassword);
    const now = clock();
    await audit.command(async (tx) => {
      await updatePasswordHash(tx, actor.userId, passwordHash, now);
      const ended = await destroyAllSessions(tx, deps.sessionCache, actor.userId, currentTokenHash);
      await audit.append(tx, context, { action: 'profile.password.change', ...userRecord(actor), details: { otherSessionsEnded: ended } });
    });
  }

  return { getProfile, listSessions, endSession, changePassword };
}
