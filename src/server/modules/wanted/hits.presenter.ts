import type { HitView } from '../../../contract/wanted';
import type { Actor } from '../../access/actor';
import { abilitiesFor } from '../../access/policy';
import { alertRecord, presentAlertSummary } from './alerts.presenter';
import type { HitWithContext } from './hits.queries';
import { type HitRecord, canReadAlert } from './wanted.policy';

export function hitRecord(row: HitWithContext): HitRecord {
  return { issuingDeskId: row.hit.issuingDeskId, screenedBy: row.hit.screenedBy, status: row.hit.status };
}

/** A hit as its viewer may see it: the alert's details only when the viewer may read the alert. */
export function presentHit(actor: Actor, row: HitWithContext, now: Date): HitView {
  const alert = { ...row.alert, desk: row.desk };
  const readable = canReadAlert(actor, alertRecord(alert, now));
  return {
    id: row.hit.id,
    reference: row.hit.reference,
    status: row.hit.status,
    score: row.hit.score,
    decision: row.hit.decision,
    query: row.hit.query,
    screener: row.screener,
    holdingDesk: row.desk,
    actionToTake: row.alert.actionToTake,
    alert: readable ? presentAlertSummary(alert, alert.primaryName ?? alert.reference, now) : null,
    screenerCouldRead: row.hit.screenerCouldRead,
    decisionNote: row.hit.decisionNote,
    decidedBy: row.decidedByName,
    decidedAt: row.hit.decidedAt?.toISOString() ?? null,
    createdAt: row.hit.createdAt.toISOString(),
    abilities: abilitiesFor(actor, ['wanted.hit.decide'], hitRecord(row)),
  };
}
