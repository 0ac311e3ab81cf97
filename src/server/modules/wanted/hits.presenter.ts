import type { HitMessage, HitReportInput, HitView } from '../../../contract/wanted';
import type { Actor } from '../../access/actor';
import { abilitiesFor } from '../../access/policy';
import { alertRecord, presentAlertSummary } from './alerts.presenter';
import type { HitWithContext, listHitMessages } from './hits.queries';
import { type HitRecord, canReadAlert } from './wanted.policy';

type MessageRow = Awaited<ReturnType<typeof listHitMessages>>[number];

export function hitRecord(row: HitWithContext): HitRecord {
  return { issuingDeskId: row.hit.issuingDeskId, screenedBy: row.hit.screenedBy, status: row.hit.status };
}

function presentMessage(row: MessageRow): HitMessage {
  const base = { id: row.id, author: row.author, createdAt: row.createdAt.toISOString() };
  if (row.kind === 'report') return { kind: 'report', ...base, report: row.content as unknown as HitReportInput };
  return { kind: 'decision', ...base, decision: row.content.decision === 'confirmed' ? 'confirmed' : 'rejected', note: row.content.note ?? '' };
}

/**
 * A hit as its viewer may see it. A viewer who may not read the alert gets neither its details
 * nor the score: only the class (match / possible), which was computed from what the screener
 * supplied. The action on a hit is given on a match only.
 */
export function presentHit(actor: Actor, row: HitWithContext, now: Date, messages: MessageRow[] = []): HitView {
  const alert = { ...row.alert, desk: row.desk };
  const readable = canReadAlert(actor, alertRecord(alert, now));
  const abilities = abilitiesFor(actor, ['wanted.hit.decide', 'wanted.hit.report'], hitRecord(row));
  return {
    id: row.hit.id,
    reference: row.hit.reference,
    status: row.hit.status,
    score: readable ? row.hit.score : null,
    decision: row.hit.decision,
    query: row.hit.query,
    purpose: row.hit.purpose,
    screener: row.screener,
    holdingDesk: { ...row.desk, phone: null },
    actionCode: row.hit.decision === 'match' ? row.alert.actionCode : null,
    actionToTake: row.hit.decision === 'match' ? row.alert.actionToTake : null,
    alert: readable ? presentAlertSummary(alert, alert.primaryName ?? alert.reference, now) : null,
    screenerCouldRead: row.hit.screenerCouldRead,
    screenCount: row.hit.screenCount,
    screenedTimes: (row.hit.screenedTimes.length ? row.hit.screenedTimes : [row.hit.createdAt]).map((at) => at.toISOString()),
    decisionNote: row.hit.decisionNote,
    decidedBy: row.decidedByName,
    decidedAt: row.hit.decidedAt?.toISOString() ?? null,
    createdAt: row.hit.createdAt.toISOString(),
    messages: messages.map(presentMessage),
    abilities: { ...abilities, 'wanted.hit.report': abilities['wanted.hit.report'] && !messages.some((message) => message.kind === 'report') },
  };
}
