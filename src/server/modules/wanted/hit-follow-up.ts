import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { wantedAlerts, wantedHits } from './wanted.schema';

/** What the exchange module needs to open a follow-up on a hit (Prüm step 2). */
export interface HitForFollowUp {
  id: string;
  reference: string;
  alertId: string;
  issuingDeskId: string;
  screenedBy: string;
  status: 'pending' | 'confirmed' | 'rejected';
}

/** The hit with this reference, made by this screener: nobody else learns that it exists. */
export async function findScreenersHit(db: Db, screenedBy: string, reference: string): Promise<HitForFollowUp | null> {
  const [row] = await db
    .select({ id: wantedHits.id, reference: wantedHits.reference, alertId: wantedHits.alertId, issuingDeskId: wantedHits.issuingDeskId, screenedBy: wantedHits.screenedBy, status: wantedHits.status })
    .from(wantedHits)
    .where(and(eq(wantedHits.reference, reference), eq(wantedHits.screenedBy, screenedBy)))
    .limit(1);
  return row ?? null;
}

/**
 * The holding desk's release of an alert to one more organisation: the organisation joins the
 * alert's releasability list, so the marking rule itself (and every scope built on it) lets its
 * users read the alert, as far as their clearance reaches. In the caller's transaction.
 */
export async function releaseAlertToOrganisation(tx: Db, alertId: string, organisationId: string): Promise<void> {
  await tx
    .update(wantedAlerts)
    .set({ releasableOrganisations: sql`array_append(${wantedAlerts.releasableOrganisations}, ${organisationId}::uuid)` })
    .where(and(eq(wantedAlerts.id, alertId), sql`not (${organisationId}::uuid = any(${wantedAlerts.releasableOrganisations}))`));
}
