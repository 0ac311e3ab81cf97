import { type SQL, and, asc, count, desc, eq, gte, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { desks, organisations, users } from '../../db/schema/core';
import { wantedHitMessages, wantedProbeFlags } from './hits.schema';
import { type HitRow, wantedAlerts, wantedHits } from './wanted.schema';

const deciders = alias(users, 'deciders');

const hitSelection = {
  hit: wantedHits,
  alert: wantedAlerts,
  desk: { id: desks.id, economy: desks.economyCode, area: desks.area, name: desks.name, email: desks.email },
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

/** The screener's recent hits on these alerts: the repeats to group and the variants that probe. */
export async function recentHitsOf(db: Db, screenedBy: string, alertIds: string[], since: Date) {
  if (alertIds.length === 0) return [];
  return db
    .select({ id: wantedHits.id, alertId: wantedHits.alertId, subjectKey: wantedHits.subjectKey, reference: wantedHits.reference, screenCount: wantedHits.screenCount, lastScreenedAt: wantedHits.lastScreenedAt })
    .from(wantedHits)
    .where(and(eq(wantedHits.screenedBy, screenedBy), inArray(wantedHits.alertId, alertIds), gte(wantedHits.lastScreenedAt, since)));
}

/** The alerts on which this screener was flagged for probing since the given time. */
export async function probeFlagsOf(db: Db, screenedBy: string, alertIds: string[], since: Date): Promise<Set<string>> {
  if (alertIds.length === 0) return new Set();
  const rows = await db
    .select({ alertId: wantedProbeFlags.alertId })
    .from(wantedProbeFlags)
    .where(and(eq(wantedProbeFlags.screenedBy, screenedBy), inArray(wantedProbeFlags.alertId, alertIds), gte(wantedProbeFlags.flaggedAt, since)));
  return new Set(rows.map((row) => row.alertId));
}

export async function insertHitMessage(db: Db, values: typeof wantedHitMessages.$inferInsert): Promise<string> {
  const [row] = await db.insert(wantedHitMessages).values(values).returning({ id: wantedHitMessages.id });
  return row!.id;
}

export async function listHitMessages(db: Db, hitId: string) {
  return db
    .select({ id: wantedHitMessages.id, kind: wantedHitMessages.kind, content: wantedHitMessages.content, createdAt: wantedHitMessages.createdAt, author: users.displayName })
    .from(wantedHitMessages)
    .innerJoin(users, eq(users.id, wantedHitMessages.authorId))
    .where(eq(wantedHitMessages.hitId, hitId))
    .orderBy(asc(wantedHitMessages.seq));
}

export async function hasHitReport(db: Db, hitId: string): Promise<boolean> {
  const [row] = await db.select({ id: wantedHitMessages.id }).from(wantedHitMessages).where(and(eq(wantedHitMessages.hitId, hitId), eq(wantedHitMessages.kind, 'report'))).limit(1);
  return Boolean(row);
}
