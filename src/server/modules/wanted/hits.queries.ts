import { type SQL, and, count, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { desks, organisations, users } from '../../db/schema/core';
import { type HitRow, wantedAlerts, wantedHits } from './wanted.schema';

export async function insertHit(db: Db, values: typeof wantedHits.$inferInsert): Promise<HitRow> {
  const [row] = await db.insert(wantedHits).values(values).returning();
  return row!;
}

const deciders = alias(users, 'deciders');

const hitSelection = {
  hit: wantedHits,
  alert: wantedAlerts,
  desk: { id: desks.id, economy: desks.economyCode, area: desks.area, name: desks.name },
  screener: { displayName: users.displayName, economy: organisations.economyCode, organisation: organisations.name },
  decidedByName: deciders.displayName,
};

function baseHitQuery(db: Db) {
  return db
    .select(hitSelection)
    .from(wantedHits)
    .innerJoin(wantedAlerts, eq(wantedAlerts.id, wantedHits.alertId))
    .innerJoin(desks, eq(desks.id, wantedHits.issuingDeskId))
    .innerJoin(users, eq(users.id, wantedHits.screenedBy))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(deciders, eq(deciders.id, wantedHits.decidedBy));
}

export type HitWithContext = NonNullable<Awaited<ReturnType<typeof findHit>>>;

export async function findHit(db: Db, id: string) {
  const [row] = await baseHitQuery(db).where(eq(wantedHits.id, id)).limit(1);
  return row ?? null;
}

/** The hits of the user's desks and the hits the user made: the scope of every hit list. */
export function visibleHits(user: { userId: string; deskIds: string[] }): SQL {
  const ofDesks = user.deskIds.length ? inArray(wantedHits.issuingDeskId, user.deskIds) : sql`false`;
  return or(ofDesks, eq(wantedHits.screenedBy, user.userId))!;
}

export async function listHits(db: Db, params: { scope: SQL; status?: string; alertId?: string; page: number; pageSize: number }) {
  const conditions: SQL[] = [params.scope];
  if (params.status) conditions.push(eq(wantedHits.status, params.status as HitRow['status']));
  if (params.alertId) conditions.push(eq(wantedHits.alertId, params.alertId));
  const where = and(...conditions);
  const rows = await baseHitQuery(db)
    .where(where)
    .orderBy(desc(wantedHits.createdAt), desc(wantedHits.id))
    .limit(params.pageSize)
    .offset((params.page - 1) * params.pageSize);
  const [totalRow] = await db.select({ total: count() }).from(wantedHits).where(where);
  return { rows, total: totalRow?.total ?? 0 };
}

export async function decideHitRow(db: Db, id: string, values: { status: 'confirmed' | 'rejected'; note: string; decidedBy: string; decidedAt: Date }) {
  const rows = await db
    .update(wantedHits)
    .set({ status: values.status, decisionNote: values.note, decidedBy: values.decidedBy, decidedAt: values.decidedAt })
    .where(and(eq(wantedHits.id, id), eq(wantedHits.status, 'pending')))
    .returning({ id: wantedHits.id });
  return rows.length === 1;
}
