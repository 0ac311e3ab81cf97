import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Marking } from '../../../contract/core';
import type { Db } from '../../db/client';
import { caseCorrelations, caseEntities, caseEntityKeys, caseFollowUps, caseLinks, caseRelationships } from './cases.schema';

/** New attributes and keys of an entity (normalised again): its old keys go. */
export async function rewriteEntity(db: Db, id: string, values: { label: string; attributes: Record<string, unknown>; identityKey: string; dateOfBirth: string | null; updatedAt: Date }, keys: string[]): Promise<void> {
  await db.update(caseEntities).set(values).where(eq(caseEntities.id, id));
  await db.delete(caseEntityKeys).where(eq(caseEntityKeys.entityId, id));
  if (keys.length) await db.insert(caseEntityKeys).values(keys.map((key) => ({ entityId: id, key }))).onConflictDoNothing();
}

/** The entity's correlations go, unless a follow-up was asked on one (that request stays answerable). */
export async function dropCorrelationsOf(db: Db, entityId: string): Promise<number> {
  const dropped = await db
    .delete(caseCorrelations)
    .where(and(or(eq(caseCorrelations.entityA, entityId), eq(caseCorrelations.entityB, entityId)), sql`not exists (select 1 from case_follow_ups f where f.correlation_id = ${caseCorrelations.id})`))
    .returning({ id: caseCorrelations.id });
  return dropped.length;
}

export async function removeLink(db: Db, linkId: string, userId: string, at: Date): Promise<boolean> {
  const changed = await db.update(caseLinks).set({ removedAt: at, removedBy: userId }).where(and(eq(caseLinks.id, linkId), isNull(caseLinks.removedAt))).returning({ id: caseLinks.id });
  return changed.length === 1;
}

/** The case's relationships that touch the entity, deleted; returns how many. */
export async function deleteRelationshipsOf(db: Db, caseId: string, entityId: string): Promise<number> {
  const deleted = await db
    .delete(caseRelationships)
    .where(and(eq(caseRelationships.caseId, caseId), or(eq(caseRelationships.fromEntityId, entityId), eq(caseRelationships.toEntityId, entityId))))
    .returning({ id: caseRelationships.id });
  return deleted.length;
}

export async function updateLinkRole(db: Db, linkIds: string[], role: string): Promise<void> {
  if (linkIds.length) await db.update(caseLinks).set({ role }).where(inArray(caseLinks.id, linkIds));
}

/** The open follow-ups on a link taken out of its case are closed as withdrawn; returns who had asked. */
export async function withdrawFollowUpsOn(db: Db, linkId: string, userId: string, at: Date): Promise<{ id: string; requesterUserId: string }[]> {
  return db
    .update(caseFollowUps)
    .set({ state: 'withdrawn', decidedBy: userId, decidedAt: at })
    .where(and(eq(caseFollowUps.holdingLinkId, linkId), eq(caseFollowUps.state, 'open')))
    .returning({ id: caseFollowUps.id, requesterUserId: caseFollowUps.requesterUserId });
}

/** A link's new marking (already checked to narrow the old one). */
export async function setLinkMarking(db: Db, linkId: string, marking: Marking): Promise<void> {
  await db.update(caseLinks).set(marking).where(and(eq(caseLinks.id, linkId), isNull(caseLinks.removedAt)));
}
