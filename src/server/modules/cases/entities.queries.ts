import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { EntityKind } from '../../../contract/cases';
import type { Db } from '../../db/client';
import {
  type EntityRow,
  type FollowUpRow,
  type LinkRow,
  caseCorrelations,
  caseEntities,
  caseFlaggedValues,
  caseFollowUps,
  caseLinks,
  caseReleases,
} from './cases.schema';

export async function findEntityByIdentity(db: Db, organisationId: string, kind: EntityKind, identityKey: string): Promise<EntityRow | null> {
  const [row] = await db
    .select()
    .from(caseEntities)
    .where(and(eq(caseEntities.ownerOrganisationId, organisationId), eq(caseEntities.kind, kind), eq(caseEntities.identityKey, identityKey)))
    .limit(1);
  return row ?? null;
}

export async function loadEntities(db: Db, ids: string[]): Promise<Map<string, EntityRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(caseEntities).where(inArray(caseEntities.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function insertLink(db: Db, values: typeof caseLinks.$inferInsert): Promise<LinkRow | null> {
  const [row] = await db.insert(caseLinks).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findLink(db: Db, id: string): Promise<LinkRow | null> {
  const [row] = await db.select().from(caseLinks).where(eq(caseLinks.id, id)).limit(1);
  return row ?? null;
}

export function listLinksOfCases(db: Db, caseIds: string[]): Promise<LinkRow[]> {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db.select().from(caseLinks).where(and(inArray(caseLinks.caseId, caseIds), isNull(caseLinks.removedAt))).orderBy(asc(caseLinks.createdAt));
}

export function listLinksOfEntities(db: Db, entityIds: string[]): Promise<LinkRow[]> {
  if (entityIds.length === 0) return Promise.resolve([]);
  return db.select().from(caseLinks).where(and(inArray(caseLinks.entityId, [...new Set(entityIds)]), isNull(caseLinks.removedAt)));
}

export async function flagKey(db: Db, key: string, caseCount: number, at: Date): Promise<void> {
  await db.insert(caseFlaggedValues).values({ key, caseCount, flaggedAt: at }).onConflictDoNothing();
}

export async function excludeKey(db: Db, key: string, userId: string, at: Date): Promise<boolean> {
  const changed = await db
    .insert(caseFlaggedValues)
    .values({ key, caseCount: 0, flaggedAt: at, excludedAt: at, excludedBy: userId })
    .onConflictDoUpdate({ target: caseFlaggedValues.key, set: { excludedAt: at, excludedBy: userId } })
    .returning({ key: caseFlaggedValues.key });
  return changed.length === 1;
}

/** Correlations found by an excluded value go, unless a follow-up was asked on them. */
export async function dropCorrelationsByBasis(db: Db, basis: string): Promise<number> {
  const dropped = await db
    .delete(caseCorrelations)
    .where(and(eq(caseCorrelations.basis, basis), sql`not exists (select 1 from case_follow_ups f where f.correlation_id = ${caseCorrelations.id})`))
    .returning({ id: caseCorrelations.id });
  return dropped.length;
}

export function listCorrelations(db: Db, entityIds: string[]) {
  if (entityIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(caseCorrelations)
    .where(or(inArray(caseCorrelations.entityA, entityIds), inArray(caseCorrelations.entityB, entityIds)))
    .orderBy(asc(caseCorrelations.createdAt));
}

export async function findCorrelation(db: Db, id: string) {
  const [row] = await db.select().from(caseCorrelations).where(eq(caseCorrelations.id, id)).limit(1);
  return row ?? null;
}

export async function releasedLinkIds(db: Db, organisationId: string, linkIds: string[]): Promise<Set<string>> {
  if (linkIds.length === 0) return new Set();
  const rows = await db
    .select({ linkId: caseReleases.linkId })
    .from(caseReleases)
    .where(and(eq(caseReleases.organisationId, organisationId), inArray(caseReleases.linkId, linkIds)));
  return new Set(rows.map((row) => row.linkId));
}

export async function insertRelease(db: Db, values: typeof caseReleases.$inferInsert): Promise<void> {
  await db.insert(caseReleases).values(values).onConflictDoNothing();
}

export async function insertFollowUp(db: Db, values: typeof caseFollowUps.$inferInsert): Promise<FollowUpRow | null> {
  const [row] = await db.insert(caseFollowUps).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findFollowUp(db: Db, id: string): Promise<FollowUpRow | null> {
  const [row] = await db.select().from(caseFollowUps).where(eq(caseFollowUps.id, id)).limit(1);
  return row ?? null;
}

/** Follow-ups the organisation asked for, or addressed to one of the desks. */
export function listFollowUps(db: Db, organisationId: string, deskIds: string[]): Promise<FollowUpRow[]> {
  const toDesks = deskIds.length ? inArray(caseFollowUps.holdingDeskId, deskIds) : sql`false`;
  return db
    .select()
    .from(caseFollowUps)
    .where(or(eq(caseFollowUps.requesterOrganisationId, organisationId), toDesks))
    .orderBy(asc(caseFollowUps.createdAt))
    .limit(200);
}

export function followUpsOfOrganisation(db: Db, organisationId: string, correlationIds: string[]): Promise<FollowUpRow[]> {
  if (correlationIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(caseFollowUps)
    .where(and(eq(caseFollowUps.requesterOrganisationId, organisationId), inArray(caseFollowUps.correlationId, correlationIds)));
}

export async function decideFollowUp(db: Db, id: string, state: 'released' | 'declined', userId: string, at: Date): Promise<boolean> {
  const changed = await db
    .update(caseFollowUps)
    .set({ state, decidedBy: userId, decidedAt: at })
    .where(and(eq(caseFollowUps.id, id), eq(caseFollowUps.state, 'open'), isNull(caseFollowUps.decidedAt)))
    .returning({ id: caseFollowUps.id });
  return changed.length === 1;
}

export async function hasOpenFollowUp(db: Db, holdingLinkId: string, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: caseFollowUps.id })
    .from(caseFollowUps)
    .where(and(eq(caseFollowUps.holdingLinkId, holdingLinkId), eq(caseFollowUps.requesterOrganisationId, organisationId), eq(caseFollowUps.state, 'open')))
    .limit(1);
  return row !== undefined;
}
