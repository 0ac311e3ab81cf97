import { type SQL, and, asc, count, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { deskMembers, desks, organisations, users } from '../../db/schema/core';
import { containsPattern } from '../directory';
import { isPerson } from './api-keys.queries';

export interface AccountFilter {
  q?: string;
  economy?: string;
  organisationId?: string;
  role?: string;
  status?: 'active' | 'disabled';
}

const accountColumns = {
  user: users,
  organisation: { id: organisations.id, name: organisations.name, economy: organisations.economyCode },
};

export type AccountRow = { user: typeof users.$inferSelect; organisation: { id: string; name: string; economy: string } };

function filterConditions(filter: AccountFilter): SQL | undefined {
  // API keys' service accounts are managed on the keys page, never as people.
  const conditions: SQL[] = [isPerson()];
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(sql`(unaccent(${users.displayName}) ilike unaccent(${pattern}) or ${users.email} ilike ${pattern})`);
  }
  if (filter.economy) conditions.push(eq(organisations.economyCode, filter.economy));
  if (filter.organisationId) conditions.push(eq(users.organisationId, filter.organisationId));
  if (filter.role) conditions.push(sql`${filter.role} = any(${users.roles})`);
  if (filter.status === 'active') conditions.push(isNull(users.disabledAt));
  if (filter.status === 'disabled') conditions.push(isNotNull(users.disabledAt));
  return conditions.length ? and(...conditions) : undefined;
}

export async function listAccounts(db: Db, filter: AccountFilter & { page: number; pageSize: number }) {
  const where = filterConditions(filter);
  const rows: AccountRow[] = await db
    .select(accountColumns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(where)
    .orderBy(asc(users.displayName), asc(users.email))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [totalRow] = await db.select({ total: count() }).from(users).innerJoin(organisations, eq(organisations.id, users.organisationId)).where(where);
  return { rows, total: totalRow?.total ?? 0 };
}

export async function findAccount(db: Db, id: string): Promise<AccountRow | null> {
  const [row] = await db
    .select(accountColumns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.id, id), isPerson()))
    .limit(1);
  return row ?? null;
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
  return row !== undefined;
}

export function listDeskSeats(db: Db, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .select({ userId: deskMembers.userId, id: desks.id, name: desks.name, economy: desks.economyCode })
    .from(deskMembers)
    .innerJoin(desks, eq(desks.id, deskMembers.deskId))
    .where(inArray(deskMembers.userId, userIds))
    .orderBy(asc(desks.name));
}

/** Enabled administrators other than this user. */
export async function countOtherActiveAdministrators(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(users)
    .where(and(ne(users.id, userId), isNull(users.disabledAt), sql`'administrator' = any(${users.roles})`));
  return row?.total ?? 0;
}

/** A desk is staffed by its own economy only: a move to another economy ends the seats elsewhere. */
export async function endDeskSeatsOutside(db: Db, userId: string, economy: string): Promise<string[]> {
  const seats = await db
    .select({ deskId: desks.id })
    .from(deskMembers)
    .innerJoin(desks, eq(desks.id, deskMembers.deskId))
    .where(and(eq(deskMembers.userId, userId), ne(desks.economyCode, economy)));
  const deskIds = seats.map((seat) => seat.deskId);
  if (deskIds.length) await db.delete(deskMembers).where(and(eq(deskMembers.userId, userId), inArray(deskMembers.deskId, deskIds)));
  return deskIds;
}
