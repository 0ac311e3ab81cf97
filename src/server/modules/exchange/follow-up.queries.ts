import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, users } from '../../db/schema/core';
import { type FollowUpRow, exchangeAlertReleases, exchangeHitFollowUps } from './follow-up.schema';

export async function insertFollowUp(db: Db, values: typeof exchangeHitFollowUps.$inferInsert): Promise<void> {
  await db.insert(exchangeHitFollowUps).values(values);
}

export async function findFollowUp(db: Db, itemId: string): Promise<FollowUpRow | null> {
  const [row] = await db.select().from(exchangeHitFollowUps).where(eq(exchangeHitFollowUps.itemId, itemId)).limit(1);
  return row ?? null;
}

export async function followUpOfHit(db: Db, hitId: string): Promise<FollowUpRow | null> {
  const [row] = await db.select().from(exchangeHitFollowUps).where(eq(exchangeHitFollowUps.hitId, hitId)).limit(1);
  return row ?? null;
}

/** Returns false when the alert was already released to the organisation. */
export async function insertRelease(db: Db, values: typeof exchangeAlertReleases.$inferInsert): Promise<boolean> {
  const rows = await db.insert(exchangeAlertReleases).values(values).onConflictDoNothing().returning({ id: exchangeAlertReleases.id });
  return rows.length === 1;
}

export async function findRelease(db: Db, itemId: string) {
  const [row] = await db
    .select({ organisation: organisations.name, releasedBy: users.displayName, releasedAt: exchangeAlertReleases.releasedAt })
    .from(exchangeAlertReleases)
    .innerJoin(organisations, eq(organisations.id, exchangeAlertReleases.organisationId))
    .innerJoin(users, eq(users.id, exchangeAlertReleases.releasedBy))
    .where(eq(exchangeAlertReleases.itemId, itemId))
    .limit(1);
  return row ?? null;
}
