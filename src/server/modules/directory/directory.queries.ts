import { type SQL, and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { deskMembers, desks, economies, organisations, sharingGroups, users } from '../../db/schema/core';

export type OrganisationRow = typeof organisations.$inferSelect;
export type DeskRow = typeof desks.$inferSelect;
export type SharingGroupRow = typeof sharingGroups.$inferSelect;

/** `%text%` for ILIKE with the user's wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function listEconomies(db: Db) {
  return db.select().from(economies).orderBy(asc(economies.sortOrder), asc(economies.code));
}

export async function economyExists(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ code: economies.code }).from(economies).where(eq(economies.code, code)).limit(1);
  return row !== undefined;
}

export async function listOrganisations(
  db: Db,
  params: { economy?: string; kind?: string; q?: string; page: number; pageSize: number },
): Promise<{ rows: OrganisationRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (params.economy) conditions.push(eq(organisations.economyCode, params.economy));
  if (params.kind) conditions.push(eq(organisations.kind, params.kind));
  if (params.q) {
    const pattern = containsPattern(params.q);
    conditions.push(
      sql`(unaccent(${organisations.name}) ilike unaccent(${pattern}) or coalesce(${organisations.acronym}, '') ilike ${pattern})`,
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await db
    .select()
    .from(organisations)
    .where(where)
    .orderBy(asc(organisations.economyCode), asc(organisations.name))
    .limit(params.pageSize)
    .offset((params.page - 1) * params.pageSize);
  const [totalRow] = await db.select({ total: count() }).from(organisations).where(where);
  return { rows, total: totalRow?.total ?? 0 };
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return row ?? null;
}

export function findOrganisationsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as OrganisationRow[]);
  return db.select().from(organisations).where(inArray(organisations.id, ids));
}

export function listDesks(db: Db, params: { economy?: string; area?: string; ids?: string[] }) {
  const conditions: SQL[] = [];
  if (params.economy) conditions.push(eq(desks.economyCode, params.economy));
  if (params.area) conditions.push(eq(desks.area, params.area));
  if (params.ids) conditions.push(params.ids.length ? inArray(desks.id, params.ids) : sql`false`);
  return db
    .select()
    .from(desks)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(desks.economyCode), asc(desks.area));
}

export async function findDesk(db: Db, id: string): Promise<DeskRow | null> {
  const [row] = await db.select().from(desks).where(eq(desks.id, id)).limit(1);
  return row ?? null;
}

/** Member counts per desk, computed in SQL. */
export async function countDeskMembers(db: Db, deskIds: string[]): Promise<Map<string, number>> {
  if (deskIds.length === 0) return new Map();
  const rows = await db
    .select({ deskId: deskMembers.deskId, members: count() })
    .from(deskMembers)
    .where(inArray(deskMembers.deskId, deskIds))
    .groupBy(deskMembers.deskId);
  return new Map(rows.map((row) => [row.deskId, row.members]));
}

export function listDeskMembers(db: Db, deskIds: string[]) {
  if (deskIds.length === 0) return Promise.resolve([]);
  return db
    .select({ deskId: deskMembers.deskId, id: users.id, displayName: users.displayName, organisation: organisations.name })
    .from(deskMembers)
    .innerJoin(users, eq(users.id, deskMembers.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(inArray(deskMembers.deskId, deskIds))
    .orderBy(asc(users.displayName));
}

export function listSharingGroups(db: Db, ids?: string[]) {
  return db
    .select()
    .from(sharingGroups)
    .where(ids ? (ids.length ? inArray(sharingGroups.id, ids) : sql`false`) : undefined)
    .orderBy(asc(sharingGroups.name));
}

/** Every economy, organisation and sharing group a marking may name (the lists are small). */
export async function loadMarkingChoices(db: Db) {
  const [economyRows, organisationRows, groupRows] = await Promise.all([
    db.select({ code: economies.code, name: economies.name }).from(economies).orderBy(asc(economies.sortOrder), asc(economies.code)),
    db
      .select({ id: organisations.id, name: organisations.name, economy: organisations.economyCode })
      .from(organisations)
      .orderBy(asc(organisations.economyCode), asc(organisations.name))
      .limit(2000),
    db.select({ id: sharingGroups.id, name: sharingGroups.name }).from(sharingGroups).orderBy(asc(sharingGroups.name)),
  ]);
  return { economies: economyRows, organisations: organisationRows, sharingGroups: groupRows };
}
