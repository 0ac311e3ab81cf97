import { ACTIONS } from '../../../contract/actions';
import type { ProfileSession, ProfileView, SessionStage, SessionView } from '../../../contract/identity';
import { type Actor, type UserActor, anonymousActor } from '../../access/actor';
import { abilitiesFor } from '../../access/policy';
import type { sessions } from '../../db/schema/core';
import type { loadProfile } from './identity.queries';

/** What the web app learns about a session: only a full session shows the user and grants abilities. */
export function presentSession(stage: SessionStage, csrfToken: string | null, actor: UserActor | null): SessionView {
  const effective: Actor = stage === 'full' && actor ? actor : anonymousActor;
  return {
    stage,
    csrfToken: stage === 'anonymous' ? null : csrfToken,
    user:
      stage === 'full' && actor
        ? {
            id: actor.userId,
            email: actor.email,
            displayName: actor.displayName,
            organisation: { id: actor.organisationId, name: actor.organisationName },
            economy: actor.economy,
            roles: actor.roles,
            clearance: actor.clearance,
            deskIds: actor.deskIds,
          }
        : null,
    abilities: abilitiesFor(effective, ACTIONS),
  };
}

export function presentProfile(profile: NonNullable<Awaited<ReturnType<typeof loadProfile>>>): ProfileView {
  const { user, organisation, economy } = profile;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind },
    economy: { code: economy.code, name: economy.name },
    roles: user.roles as ProfileView['roles'],
    clearance: user.clearance as ProfileView['clearance'],
    desks: profile.desks,
    secondFactorEnrolledAt: user.totpEnrolledAt?.toISOString() ?? null,
    recoveryCodesLeft: user.recoveryCodeHashes.length,
    passwordChangedAt: user.passwordChangedAt.toISOString(),
  };
}

export function presentProfileSession(row: typeof sessions.$inferSelect, currentTokenHash: string | undefined): ProfileSession {
  return {
    id: row.tokenHash.slice(0, 12),
    stage: row.stage,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    ip: row.ip,
    userAgent: row.userAgent,
    current: row.tokenHash === currentTokenHash,
  };
}
