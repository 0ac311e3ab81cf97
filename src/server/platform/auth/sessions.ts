import { and, eq, sql } from 'drizzle-orm';
import type { Classification, Role } from '../../../contract/core';
import type { UserActor } from '../../access/actor';
import type { Db } from '../../db/client';
import { deskMembers, organisations, sessions, sharingGroups, users } from '../../db/schema/core';
import { randomToken, sha256Hex } from '../crypto/secrets';
import type { CachedSession, SessionCache } from './session-cache';

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

/** What an actor is built from: never the password hash, the second factor or recovery codes. */
export interface ActorSource {
  user: Pick<typeof users.$inferSelect, 'id' | 'email' | 'displayName' | 'roles' | 'clearance'>;
  organisation: Pick<typeof organisations.$inferSelect, 'id' | 'name' | 'economyCode'>;
}

export function toActor(
  user: ActorSource['user'],
  organisation: ActorSource['organisation'],
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

/** The statements of the session load, built once per database (named statements on the server). */
function prepareSessionStatements(db: Db) {
  return {
    session: db
      .select({
        stage: sessions.stage,
        csrfToken: sessions.csrfToken,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        user: { id: users.id, email: users.email, displayName: users.displayName, roles: users.roles, clearance: users.clearance, disabledAt: users.disabledAt },
        organisation: { id: organisations.id, name: organisations.name, economyCode: organisations.economyCode },
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
      .limit(1)
      .prepare('mosaic_session_load'),
    // Desks and sharing groups in one statement, without a sub-select per row.
    memberships: db
      .select({ kind: sql<'desk' | 'group'>`'desk'`, id: sql<string>`${deskMembers.deskId}::text` })
      .from(deskMembers)
      .where(eq(deskMembers.userId, sql.placeholder('userId')))
      .unionAll(
        db
          .select({ kind: sql<'desk' | 'group'>`'group'`, id: sql<string>`${sharingGroups.id}::text` })
          .from(sharingGroups)
          .where(
            sql`${sql.placeholder('economy')}::text = any(${sharingGroups.economyCodes}) or ${sql.placeholder('organisationId')}::uuid = any(${sharingGroups.organisationIds})`,
          ),
      )
      .prepare('mosaic_session_memberships'),
    touch: db
      .update(sessions)
      .set({ lastSeenAt: sql`${sql.placeholder('now')}::timestamptz` })
      .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
      .prepare('mosaic_session_touch'),
  };
}

const statementsByDb = new WeakMap<Db, ReturnType<typeof prepareSessionStatements>>();

function sessionStatements(db: Db) {
  let statements = statementsByDb.get(db);
  if (!statements) {
    statements = prepareSessionStatements(db);
    statementsByDb.set(db, statements);
  }
  return statements;
}

/** Last seen is written at most this often per session; idle expiry is measured from it. */
export const LAST_SEEN_EVERY_MS = 30_000;

/** The stored session, 'refused' when its user is disabled, or null when there is none. */
async function readSession(db: Db, tokenHash: string): Promise<CachedSession | 'refused' | null> {
  const statements = sessionStatements(db);
  const [row] = await statements.session.execute({ tokenHash });
  if (!row) return null;
  if (row.user.disabledAt) return 'refused';
  const memberships = await statements.memberships.execute({ userId: row.user.id, economy: row.organisation.economyCode, organisationId: row.organisation.id });
  const actor = toActor(row.user, row.organisation, {
    deskIds: memberships.filter((entry) => entry.kind === 'desk').map((entry) => entry.id),
    sharingGroupIds: memberships.filter((entry) => entry.kind === 'group').map((entry) => entry.id),
  });
  return {
    session: { tokenHash, stage: row.stage, csrfToken: row.csrfToken, userId: row.user.id, actor },
    lastSeenAt: row.lastSeenAt,
    expiresAt: row.expiresAt,
  };
}

function expired(entry: CachedSession, policy: SessionPolicy, now: Date): boolean {
  return entry.expiresAt.getTime() <= now.getTime() || entry.lastSeenAt.getTime() + policy.idleMinutes * 60_000 <= now.getTime();
}

/**
 * The session behind a cookie token with its actor, or null when it is unknown, idle too long,
 * past its absolute expiry, or its user is disabled. A cached session costs no statement but
 * the last-seen write every LAST_SEEN_EVERY_MS; a cached one that looks expired is read again.
 */
export async function loadSession(
  db: Db,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
  cache?: SessionCache,
): Promise<LoadedSession | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const tokenHash = sha256Hex(token);
  let entry = cache?.get(tokenHash) ?? null;
  if (entry && expired(entry, policy, now)) {
    cache!.drop({ tokenHash });
    entry = null;
  }
  if (!entry) {
    const version = cache?.version ?? 0;
    const stored = await readSession(db, tokenHash);
    if (!stored) return null;
    if (stored === 'refused' || expired(stored, policy, now)) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
      return null;
    }
    entry = stored;
    cache?.set(tokenHash, entry, version);
  }
  if (now.getTime() - entry.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    await sessionStatements(db).touch.execute({ tokenHash, now: now.toISOString() });
    entry.lastSeenAt = now;
    cache?.touched(tokenHash, now);
  }
  return entry.session;
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

/** Ends one session; every node forgets it once the caller's transaction commits. */
export async function destroySession(db: Db, cache: SessionCache, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  await cache.publish(db, { tokenHash });
}

export async function destroyAllSessions(db: Db, cache: SessionCache, userId: string, exceptTokenHash?: string): Promise<number> {
  const condition = exceptTokenHash
    ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${exceptTokenHash}`)
    : eq(sessions.userId, userId);
  const removed = await db.delete(sessions).where(condition).returning({ tokenHash: sessions.tokenHash });
  await cache.publish(db, { userId });
  return removed.length;
}

export async function promoteSession(db: Db, cache: SessionCache, tokenHash: string, stage: SessionStage): Promise<void> {
  await db.update(sessions).set({ stage }).where(eq(sessions.tokenHash, tokenHash));
  await cache.publish(db, { tokenHash });
}
