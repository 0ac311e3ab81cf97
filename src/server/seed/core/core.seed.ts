import { count, sql } from 'drizzle-orm';
import { Secret } from 'otpauth';
import { anonymousActor } from '../../access/actor';
import type { Db } from '../../db/client';
import { deskMembers, desks, notifications, organisations, sharingGroups, users } from '../../db/schema/core';
import { encryptText } from '../../platform/crypto/secrets';
import type { AppDeps } from '../../platform/deps';
import { generateOneTimePassword } from '../../modules/admin';
import { hashPassword } from '../../modules/identity';
import type { DemoSignIn } from '../index';
import { DEMO_DESKS, deskKey } from './desks.data';
import { DEMO_ORGANISATIONS } from './organisations.data';
import { DEMO_SHARING_GROUPS, DEMO_USERS } from './users.data';

/** What later demo parts build on: ids by the data files' keys. */
export interface CoreDemo {
  /** Organisation id by key (`rs-police`, `selec`, …). */
  organisations: Record<string, string>;
  /** Organisation economy by key. */
  organisationEconomies: Record<string, string>;
  /** Desk id by `ECONOMY:area`. */
  desks: Record<string, string>;
  /** User id by e-mail. */
  users: Record<string, string>;
  signIns: DemoSignIn[];
}

export async function usersTableIsEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ total: count() }).from(users);
  return (row?.total ?? 0) === 0;
}

/** Organisations, desks, sharing groups and demo users in one transaction; null if users exist. */
export async function seedCoreDemo(deps: AppDeps): Promise<CoreDemo | null> {
  const economyOf = new Map(DEMO_ORGANISATIONS.map((organisation) => [organisation.key, organisation.economy]));
  // Hashing is slow: done before the transaction opens.
  const prepared = await Promise.all(
    DEMO_USERS.map(async (user) => {
      const password = generateOneTimePassword();
      const totpSecret = user.roles.includes('reader') ? null : new Secret({ size: 20 }).base32;
      return { user, password, totpSecret, passwordHash: await hashPassword(password) };
    }),
  );

  return deps.audit.command(async (tx) => {
    // Serialises two seeds started at once; the second finds the users and stops.
    await tx.execute(sql`select pg_advisory_xact_lock(7201001)`);
    if (!(await usersTableIsEmpty(tx))) return null;
    const now = deps.clock();

    const organisationIds: Record<string, string> = {};
    for (const organisation of DEMO_ORGANISATIONS) {
      const [row] = await tx
        .insert(organisations)
        .values({
          name: organisation.name,
          acronym: organisation.acronym ?? null,
          kind: organisation.kind,
          economyCode: organisation.economy,
          website: organisation.website ?? null,
        })
        .onConflictDoNothing()
        .returning({ id: organisations.id });
      const id = row?.id ?? (await findOrganisationId(tx, organisation.economy, organisation.name));
      organisationIds[organisation.key] = id;
    }

    const deskIds: Record<string, string> = {};
    for (const desk of DEMO_DESKS) {
      const [row] = await tx
        .insert(desks)
        .values({ economyCode: desk.economy, area: desk.area, name: desk.name, email: desk.email })
        .onConflictDoUpdate({ target: [desks.economyCode, desks.area], set: { name: sql`${desks.name}` } })
        .returning({ id: desks.id });
      deskIds[deskKey(desk.economy, desk.area)] = row!.id;
    }

    for (const group of DEMO_SHARING_GROUPS) {
      await tx
        .insert(sharingGroups)
        .values({ name: group.name, description: group.description, economyCodes: group.economies })
        .onConflictDoNothing();
    }

    const userIds: Record<string, string> = {};
    const signIns: DemoSignIn[] = [];
    for (const { user, password, totpSecret, passwordHash } of prepared) {
      const economy = economyOf.get(user.organisation)!;
      const [row] = await tx
        .insert(users)
        .values({
          email: user.email,
          displayName: user.displayName,
          organisationId: organisationIds[user.organisation]!,
          roles: user.roles,
          clearance: user.clearance,
          passwordHash,
          passwordChangedAt: now,
          totpSecretEncrypted: totpSecret ? encryptText(deps.keys.encryption, totpSecret) : null,
          totpEnrolledAt: totpSecret ? now : null,
        })
        .returning({ id: users.id });
      userIds[user.email] = row!.id;
      for (const area of user.desks) {
        await tx.insert(deskMembers).values({ deskId: deskIds[deskKey(economy, area)]!, userId: row!.id });
      }
      signIns.push({ email: user.email, password, role: user.roles.join(', '), economy, totpSecret });
    }

    await tx.insert(notifications).values([
      {
        deskId: deskIds[deskKey('RS', 'police_cooperation')]!,
        kind: 'demo.welcome',
        title: 'Welcome to the Serbian police cooperation desk',
        body: 'Requests addressed to this desk and hits on its alerts appear here for every member of the desk.',
        link: '/notifications',
      },
      {
        userId: userIds['admin@mosaic.demo']!,
        kind: 'demo.welcome',
        title: 'Demo data loaded',
        body: 'Organisations, contact-point desks and demo users are ready. Review them under Administration.',
        link: '/admin/users',
      },
    ]);

    await deps.audit.append(
      tx,
      { actor: anonymousActor },
      {
        action: 'seed.core',
        actorLabel: 'mosaic seed',
        details: {
          organisations: DEMO_ORGANISATIONS.length,
          desks: DEMO_DESKS.length,
          sharingGroups: DEMO_SHARING_GROUPS.length,
          users: DEMO_USERS.map((user) => user.email),
        },
      },
    );

    return {
      organisations: organisationIds,
      organisationEconomies: Object.fromEntries(economyOf),
      desks: deskIds,
      users: userIds,
      signIns,
    };
  });
}

async function findOrganisationId(tx: Db, economy: string, name: string): Promise<string> {
  const [row] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(sql`${organisations.economyCode} = ${economy} and ${organisations.name} = ${name}`);
  return row!.id;
}
