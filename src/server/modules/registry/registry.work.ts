import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor';
import { isUser } from '../../access/actor';
import { can } from '../../access/policy';
import type { Db } from '../../db/client';
import { visibleActivities } from './registry.queries';
import { registryActivities as activities } from './registry.schema';

/**
 * The activities of the user's own organisation that the registry's scope lets them read, newest
 * first, with the total: for the "my work" page of a donor or an implementer.
 */
export async function listOwnOrganisationActivities(db: Db, actor: Actor, limit: number) {
  if (!isUser(actor) || !can(actor, 'registry.activity.list')) return null;
  const where = and(visibleActivities(actor), eq(activities.ownerOrganisationId, actor.organisationId))!;
  const [rows, [count]] = await Promise.all([
    db
      .select({ id: activities.id, identifier: activities.identifier, title: activities.title, status: activities.status, plannedStart: activities.plannedStart })
      .from(activities)
      .where(where)
      .orderBy(desc(activities.plannedStart), asc(activities.id))
      .limit(limit),
    db.select({ total: sql<number>`count(*)::int` }).from(activities).where(where),
  ]);
  return { total: count?.total ?? 0, items: rows };
}
