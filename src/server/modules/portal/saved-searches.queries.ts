import { and, desc, eq, gt, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema/core';
import { rowsOf } from '../../db/migrate';
import { portalSearch } from './portal.schema';
import { type SavedSearchRow, portalSavedSearches } from './saved-searches.schema';

/** At most this many saved searches per user: a digest job must stay small. */
export const SAVED_SEARCH_LIMIT = 50;

export function listSavedSearches(db: Db, userId: string, limit = SAVED_SEARCH_LIMIT): Promise<SavedSearchRow[]> {
  return db.select().from(portalSavedSearches).where(eq(portalSavedSearches.userId, userId)).orderBy(desc(portalSavedSearches.createdAt), desc(portalSavedSearches.id)).limit(limit);
}

export async function countSavedSearches(db: Db, userId: string): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as total from portal_saved_searches where user_id = ${userId}`);
  return rowsOf<{ total: number }>(result)[0]?.total ?? 0;
}

/** The user's own saved search; another user's is the same as none. */
export async function findOwnSavedSearch(db: Db, userId: string, id: string, lock = false): Promise<SavedSearchRow | null> {
  const query = db.select().from(portalSavedSearches).where(and(eq(portalSavedSearches.id, id), eq(portalSavedSearches.userId, userId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findSavedSearchForUpdate(db: Db, id: string): Promise<SavedSearchRow | null> {
  const [row] = await db.select().from(portalSavedSearches).where(eq(portalSavedSearches.id, id)).for('update');
  return row ?? null;
}

export async function insertSavedSearch(db: Db, values: typeof portalSavedSearches.$inferInsert): Promise<SavedSearchRow> {
  const [row] = await db.insert(portalSavedSearches).values(values).returning();
  return row!;
}

export async function updateSavedSearch(db: Db, id: string, values: Partial<typeof portalSavedSearches.$inferInsert>): Promise<SavedSearchRow> {
  const [row] = await db.update(portalSavedSearches).set(values).where(eq(portalSavedSearches.id, id)).returning();
  return row!;
}

export async function deleteSavedSearch(db: Db, id: string): Promise<void> {
  await db.delete(portalSavedSearches).where(eq(portalSavedSearches.id, id));
}

export interface DueDigest {
  search: SavedSearchRow;
  accountEmail: string;
}

/**
 * Subscriptions whose period (a day of `dayMs`, or seven) has passed, of accounts that are still enabled, locked for this
 * delivery round (several nodes may run the job: each takes rows no other holds).
 */
export async function lockDueDigests(db: Db, now: Date, limit: number, dayMs: number): Promise<DueDigest[]> {
  const dayAgo = new Date(now.getTime() - dayMs);
  const weekAgo = new Date(now.getTime() - 7 * dayMs);
  const due = (since: Date) => or(isNull(portalSavedSearches.lastDigestAt), sql`${portalSavedSearches.lastDigestAt} <= ${since.toISOString()}::timestamptz`);
  const rows = await db
    .select({ search: portalSavedSearches, accountEmail: users.email })
    .from(portalSavedSearches)
    .innerJoin(users, eq(users.id, portalSavedSearches.userId))
    .where(
      and(
        ne(portalSavedSearches.frequency, 'none'),
        isNull(users.disabledAt),
        or(and(eq(portalSavedSearches.frequency, 'daily'), due(dayAgo)), and(eq(portalSavedSearches.frequency, 'weekly'), due(weekAgo))),
      ),
    )
    .orderBy(portalSavedSearches.lastDigestAt, portalSavedSearches.id)
    .limit(limit)
    .for('update', { of: portalSavedSearches, skipLocked: true });
  return rows;
}

/** Which of these public items were published in (since, until]: the digest lists only new ones. */
export async function newlyPublished(db: Db, items: { type: string; id: string }[], since: Date, until: Date): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const rows = await db
    .select({ type: portalSearch.type, id: portalSearch.itemId })
    .from(portalSearch)
    .where(and(inArray(portalSearch.itemId, items.map((item) => item.id)), eq(portalSearch.status, 'published'), gt(portalSearch.publishAt, since), lte(portalSearch.publishAt, until)));
  return new Set(rows.map((row) => `${row.type}:${row.id}`));
}
