import { eq } from 'drizzle-orm';
import type { Classification, Role } from '../../contract/core';
import type { UserActor } from '../access/actor';
import { deskMembers, desks, organisations, users } from '../db/schema/core';
import { hashPassword } from '../modules/identity/passwords';
import { buildActor, createSession } from '../platform/auth/sessions';
import type { AppDeps } from '../platform/deps';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

// One argon2 hash for every test user keeps suites fast.
export const TEST_PASSWORD = 'correct horse battery staple';
let sharedHash: Promise<string> | null = null;
const testPasswordHash = () => (sharedHash ??= hashPassword(TEST_PASSWORD));

export async function buildOrganisation(deps: AppDeps, input: { economy?: string; kind?: string; name?: string } = {}) {
  const [organisation] = await deps.db
    .insert(organisations)
    .values({ name: input.name ?? `Test agency ${unique()}`, kind: input.kind ?? 'police', economyCode: input.economy ?? 'RS' })
    .returning();
  return organisation!;
}

export interface BuildUserInput {
  economy?: string;
  organisationId?: string;
  roles?: Role[];
  clearance?: Classification;
  email?: string;
  displayName?: string;
  deskIds?: string[];
}

export async function buildUser(deps: AppDeps, input: BuildUserInput = {}) {
  const organisationId = input.organisationId ?? (await buildOrganisation(deps, { economy: input.economy })).id;
  const [user] = await deps.db
    .insert(users)
    .values({
      email: input.email ?? `user-${unique()}@example.test`,
      displayName: input.displayName ?? `Test User ${unique()}`,
      organisationId,
      roles: input.roles ?? ['officer'],
      clearance: input.clearance ?? 'RESTRICTED',
      passwordHash: await testPasswordHash(),
    })
    .returning();
  for (const deskId of input.deskIds ?? []) {
    await deps.db.insert(deskMembers).values({ deskId, userId: user!.id });
  }
  return user!;
}

export async function buildDesk(deps: AppDeps, input: { economy?: string; area?: string; name?: string } = {}) {
  const economy = input.economy ?? 'RS';
  const area = input.area ?? `area_${unique()}`;
  const [desk] = await deps.db
    .insert(desks)
    .values({ economyCode: economy, area, name: input.name ?? `${economy} ${area} desk` })
    .returning();
  return desk!;
}

export async function actorFor(deps: AppDeps, userId: string): Promise<UserActor> {
  const [row] = await deps.db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  return buildActor(deps.db, row!.user, row!.organisation);
}

/**
 * A fully signed-in session for a user without going through the sign-in flow: the headers
 * to pass to `app.inject` (cookie and CSRF token).
 */
export async function sessionHeaders(deps: AppDeps, userId: string): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const { token, csrfToken } = await createSession(deps.db, { userId, stage: 'full' }, deps.sessionPolicy, deps.clock());
  return { cookie: `mosaic_session=${token}`, 'x-csrf-token': csrfToken };
}

/** A user of the given roles and economy, with session headers ready to use. */
export async function signedInUser(deps: AppDeps, input: BuildUserInput = {}) {
  const user = await buildUser(deps, input);
  return { user, headers: await sessionHeaders(deps, user.id), actor: await actorFor(deps, user.id) };
}
