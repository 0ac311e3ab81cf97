import { and, eq, sql } from 'drizzle-orm';
import type { Classification, Role } from '../../../contract/core';
import type { UserActor } from '../../access/actor';
import type { Db } from '../../db/client';
import { deskMembers, organisations, sessions, sharingGroups, users } from '../../db/schema/core';
import { randomToken, sha256Hex } from '../crypto/secrets';

export type SessionStage = 'second_factor' | 'enrolment' | 'full';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export interface LoadedSession {
  tokenHash: string;
  stage: SessionStage;
  csrfToken: string;
  userId: string;
  actor: UserActor;
}

export async function createSession(
  db: Db,
  input: { userId: string; stage: SessionStage; ip?: string; userAgent?: string },
  policy: SessionPolicy,
  now = new Date(),
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  await db.insert(sessions).values({
    tokenHash: sha256Hex(token),
    userId: input.userId,
    stage: input.stage,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000),
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

/** Desk ids and sharing-group ids of a user, as SQL sub-selects so one query loads an actor. */
export function actorMembershipColumns() {
  return {
    deskIds: sql<string[]>`coalesce((select array_agg(${deskMembers.deskId}::text) from ${deskMembers} where ${deskMembers.userId} = ${users.id}), '{}')`,
    sharingGroupIds: sql<string[]>`coalesce((select array_agg(${sharingGroups.id}::text) from ${sharingGroups} where ${organisations.economyCode} = any(${sharingGroups.economyCodes}) or ${organisations.id} = any(${sharingGroups.organisationIds})), '{}')`,
  };
}

export function toActor(
  user: typeof users.$inferSelect,
  organisation: typeof organisations.$inferSelect,
  memberships: { deskIds: string[]; sharingGroupIds: string[] },
): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    organisationId: organisation.id,
    organisationName: organisation.name,
    economy: organisation.economyCode,
    roles: user.roles as Role[],
    clearance: user.clearance as Classification,
    deskIds: memberships.deskIds,
    sharingGroupIds: memberships.sharingGroupIds,
  };
}

/**
 * Loads the session behind a cookie token with its actor in one query, or null when it is
 * unknown, idle too long, past its absolute expiry, or its user is disabled.
 */
export async function loadSession(db: Db, token: string, policy: SessionPolicy, now = new Date()): Promise<LoadedSession | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const tokenHash = sha256Hex(token);
  const [row] = await db
    .select({ session: sessions, user: users, organisation: organisations, ...actorMembershipColumns() })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  if (!row) return null;
  const idleLimit = row.session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  if (row.session.expiresAt.getTime() <= now.getTime() || idleLimit <= now.getTime() || row.user.disabledAt) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > 30_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  const actor = toActor(row.user, row.organisation, row);
  return { tokenHash, stage: row.session.stage, csrfToken: row.session.csrfToken, userId: row.user.id, actor };
}

/** The actor of a user, e.g. for a command-line action or a test. */
export async function buildActor(
  db: Db,
  user: typeof users.$inferSelect,
  organisation: typeof organisations.$inferSelect,
): Promise<UserActor> {
  const [memberships] = await db
    .select(actorMembershipColumns())
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, user.id));
  return toActor(user, organisation, memberships ?? { deskIds: [], sharingGroupIds: [] });
}

export async function destroySession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function destroyAllSessions(db: Db, userId: string, exceptTokenHash?: string): Promise<number> {
  const condition = exceptTokenHash
    ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${exceptTokenHash}`)
    : eq(sessions.userId, userId);
  const removed = await db.delete(sessions).where(condition).returning({ tokenHash: sessions.tokenHash });
  return removed.length;
}

export async function promoteSession(db: Db, tokenHash: string, stage: SessionStage): Promise<void> {
  await db.update(sessions).set({ stage }).where(eq(sessions.tokenHash, tokenHash));
}
