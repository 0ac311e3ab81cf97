import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../access/actor';
import { can } from '../../access/policy';
import { auditEvents } from '../../db/schema/core';
import type { WantedDeps } from './alerts.service';
import { createHitService } from './hits.service';
import { listHits, visibleHits } from './hits.queries';
import { wantedHits } from './wanted.schema';

/** The pending hits the user's desks must decide: the hits list's own scope and presenter. */
export async function listPendingHits(deps: WantedDeps, actor: Actor, pageSize: number) {
  if (!can(actor, 'wanted.hit.decide')) return null;
  return createHitService(deps).list(actor, { status: 'pending', page: 1, pageSize });
}

/**
 * The user's own recent screenings (from their own audit events, which name the purpose and
 * the fields screened, never the values) and the hits they produced, with their outcome.
 */
export async function listOwnScreenings(deps: WantedDeps, actor: Actor, limit: number) {
  if (actor.kind !== 'user' || !can(actor, 'wanted.screen')) return null;
  const screenings = await deps.db
    .select({ id: auditEvents.id, occurredAt: auditEvents.occurredAt, action: auditEvents.action, details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, actor.userId), inArray(auditEvents.action, ['wanted.screen', 'wanted.screen.batch'])))
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
  // Own hits only (screened by the user), newest first, within the hits list's scope.
  const own = and(visibleHits(actor), eq(wantedHits.screenedBy, actor.userId))!;
  const hits = await listHits(deps.db, { scope: own, page: 1, pageSize: limit });
  return {
    screenings: screenings.map((row) => ({ id: row.id, at: new Date(row.occurredAt).toISOString(), batch: row.action === 'wanted.screen.batch', purpose: typeof row.details.purpose === 'string' ? row.details.purpose : null })),
    hits: { total: hits.total, items: hits.rows.map((row) => ({ id: row.hit.id, reference: row.hit.reference, status: row.hit.status, decision: row.hit.decision, at: row.hit.createdAt.toISOString() })) },
  };
}
