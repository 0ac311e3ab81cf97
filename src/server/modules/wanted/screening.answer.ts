import type { AuditEntry } from '../../platform/audit/audit.service';
import type { DeskContact, MatchClass, ScreenCandidate } from '../../../contract/wanted';
import type { UserActor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import { TooManyRequestsProblem } from '../../platform/http/errors';
import { notifyDesk } from '../notifications';
import { alertRecord, presentAlertSummary } from './alerts.presenter';
import type { WantedDeps } from './alerts.service';
import { insertProbeFlag, probeFlagsOf, recentHitsOf, recordRepeat } from './hits.queries';
import { deskContacts, insertHits } from './screening.queries';
import type { ScoredAlert } from './screening.scoring';
import { canReadAlert, isDeskMember } from './wanted.policy';
import { type AlertWithDesk, findAlertsByIds, randomReferenceCode } from './wanted.queries';

const MAX_RESULTS = 50;
const MINUTE_MS = 60_000;

export interface ScreeningSettings {
  /** A repeat within this many minutes adds to the earlier hit; 0 never groups. */
  hitGroupMinutes: number;
  /** Distinct screenings of one alert by one screener within the probe window that flag the screener. */
  probeVariants: number;
  probeWindowMinutes: number;
}

export const DEFAULT_SCREENING_SETTINGS: ScreeningSettings = { hitGroupMinutes: 60, probeVariants: 4, probeWindowMinutes: 60 };

export interface ScreeningContext {
  user: UserActor;
  scored: ScoredAlert[];
  /** What was screened, as shown to the holding desk. */
  query: Record<string, string>;
  subjectKey: string;
  purpose: string;
  ip: string;
  now: Date;
}

type Plan = {
  item: ScoredAlert & { decision: MatchClass };
  alert: AlertWithDesk;
  readable: boolean;
  /** null: the screener is of the issuing desk (no hit); otherwise a new hit or a repeat of one. */
  hit: null | { kind: 'new'; reference: string } | { kind: 'repeat'; id: string; reference: string; count: number };
};

function contactOf(alert: AlertWithDesk, contacts: Map<string, { email: string | null; phone: string | null }>): DeskContact {
  const contact = contacts.get(alert.issuingDeskId) ?? { email: null, phone: null };
  return { economy: alert.desk.economy, area: alert.desk.area, name: alert.desk.name, ...contact };
}

/** The answer the screener sees: in full when readable, the class alone when not; the action only on a match. */
function presentCandidate(plan: Plan, contact: DeskContact, now: Date): ScreenCandidate[] {
  const { item, alert, readable, hit } = plan;
  const actionToTake = item.decision === 'match' ? alert.actionToTake : null;
  const actionCode = item.decision === 'match' ? alert.actionCode : null;
  const screenCount = hit?.kind === 'repeat' ? hit.count : 1;
  if (readable) {
    const label = alert.primaryName ?? alert.reference;
    return [{ visibility: 'full', alert: presentAlertSummary(alert, label, now), decision: item.decision, actionCode, actionToTake, score: item.score, reasons: item.reasons, holdingDesk: contact, hitReference: hit?.reference ?? null, screenCount }];
  }
  return hit ? [{ visibility: 'hit', hit: true, decision: item.decision, holdingDesk: contact, reference: hit.reference, actionCode, actionToTake, screenCount }] : [];
}

/**
 * Answers every scored alert, records the hits and tells the holding desks. A repeat of the
 * same screening within the grouping window adds to the earlier hit (no new hit, no new
 * notification). A screener who screens one alert they may not read with the same name and many
 * different details within the probe window is flagged to the holding desk once, and further
 * variants are refused until the window has passed.
 * The write side is one transaction.
 */
export async function answerScreening(deps: WantedDeps, settings: ScreeningSettings, context: ScreeningContext): Promise<ScreenCandidate[]> {
  const { db, audit } = deps;
  const { user, now, query, subjectKey, purpose, ip } = context;
  const kept = context.scored.filter((item): item is ScoredAlert & { decision: MatchClass } => item.decision !== 'no_match').slice(0, MAX_RESULTS);
  const alerts = new Map<string, AlertWithDesk>((await findAlertsByIds(db, kept.map((item) => item.alertId))).map((row) => [row.id, row]));
  const hitAlertIds = [...alerts.values()].filter((alert) => !isDeskMember(user, alert.issuingDeskId)).map((alert) => alert.id);
  const groupSince = new Date(now.getTime() - settings.hitGroupMinutes * MINUTE_MS);
  const probeSince = new Date(now.getTime() - settings.probeWindowMinutes * MINUTE_MS);
  const recent = await recentHitsOf(db, user.userId, hitAlertIds, groupSince < probeSince ? groupSince : probeSince);
  const flagged = await probeFlagsOf(db, user.userId, hitAlertIds, probeSince);

  const probes: { alert: AlertWithDesk; variants: number }[] = [];
  const refusedOn: string[] = [];
  const plans = kept.flatMap((item): Plan[] => {
    const alert = alerts.get(item.alertId);
    if (!alert) return [];
    const readable = canReadAlert(user, alertRecord(alert, now));
    if (isDeskMember(user, alert.issuingDeskId)) return [{ item, alert, readable, hit: null }];
    const ofAlert = recent.filter((row) => row.alertId === alert.id);
    const repeat = settings.hitGroupMinutes > 0 ? ofAlert.find((row) => row.subjectKey === subjectKey && row.lastScreenedAt && row.lastScreenedAt >= groupSince) : undefined;
    if (repeat) return [{ item, alert, readable, hit: { kind: 'repeat', id: repeat.id, reference: repeat.reference, count: repeat.screenCount + 1 } }];
    // A probe is the same name (or identifier) with other details, not another person of a common name.
    const sameWho = (key: string) => key.split(':')[0] === subjectKey.split(':')[0];
    const variants = new Set([...ofAlert.filter((row) => row.lastScreenedAt && row.lastScreenedAt >= probeSince && sameWho(row.subjectKey)).map((row) => row.subjectKey), subjectKey]).size;
    if (flagged.has(alert.id) && !readable) refusedOn.push(alert.id);
    if (!readable && !flagged.has(alert.id) && variants >= settings.probeVariants) probes.push({ alert, variants });
    return [{ item, alert, readable, hit: { kind: 'new', reference: `H-${randomReferenceCode()}` } }];
  });
  if (refusedOn.length > 0) {
    await audit.record({ actor: user, ip }, { action: 'wanted.screen.refused', details: { purpose, reason: 'probing' } });
    throw new TooManyRequestsProblem('This subject has been screened with too many different details in a short time. Refer to the holding desk, or try again later.');
  }
  const contacts = await deskContacts(db, [...new Set(plans.map((plan) => plan.alert.issuingDeskId))]);
  const candidates = plans.flatMap((plan) => presentCandidate(plan, contactOf(plan.alert, contacts), now));

  const fresh = plans.flatMap((plan) => (plan.hit?.kind === 'new' ? [{ plan, reference: plan.hit.reference }] : []));
  await audit.command(async (tx) => {
    const inserted = await insertHits(tx, fresh.map(({ plan, reference }) => ({
      reference,
      alertId: plan.alert.id,
      issuingDeskId: plan.alert.issuingDeskId,
      screenedBy: user.userId,
      screenerEconomy: user.economy,
      screenerOrganisationId: user.organisationId,
      query,
      purpose,
      subjectKey,
      score: plan.item.score,
      decision: plan.item.decision,
      screenerCouldRead: plan.readable,
      screenedTimes: [now],
      lastScreenedAt: now,
      createdAt: now,
    })));
    const events: AuditEntry[] = [];
    const screened = Object.entries(query).filter(([key]) => key !== 'kind').map(([, value]) => value).join(' · ').slice(0, 300);
    for (const [i, { plan }] of fresh.entries()) {
      const id = inserted[i]!.id;
      const decision = plan.item.decision === 'match' ? 'match' : 'possible match';
      await notifyDesk(tx, {
        deskId: plan.alert.issuingDeskId,
        kind: 'wanted.hit',
        title: `Hit on alert ${plan.alert.reference} (${decision})`,
        body: `${user.organisationName} (${user.economy}) screened ${screened} for "${purpose}" — score ${Math.round(plan.item.score * 100)} %. Confirm or reject it.`,
        link: `/wanted/hits/${id}`,
        recordType: 'wanted_hit',
        recordId: id,
      });
      events.push({ action: 'wanted.hit.create', recordType: 'wanted_hit', recordId: id, details: { alertId: plan.alert.id, decision: plan.item.decision, screenerCouldRead: plan.readable }, subject: auditSubjectOf(alertRecord(plan.alert, now)) });
    }
    for (const plan of plans) {
      if (plan.hit?.kind !== 'repeat') continue;
      await recordRepeat(tx, plan.hit.id, now);
      events.push({ action: 'wanted.hit.repeat', recordType: 'wanted_hit', recordId: plan.hit.id, details: { alertId: plan.alert.id, count: plan.hit.count }, subject: auditSubjectOf(alertRecord(plan.alert, now)) });
    }
    for (const { alert, variants } of probes) {
      const flagId = await insertProbeFlag(tx, { alertId: alert.id, screenedBy: user.userId, variants, flaggedAt: now });
      await notifyDesk(tx, {
        deskId: alert.issuingDeskId,
        kind: 'wanted.probing',
        title: `Screener probing alert ${alert.reference}`,
        body: `${user.displayName}, ${user.organisationName} (${user.economy}) screened this alert with ${variants} different sets of details within ${settings.probeWindowMinutes} minutes. Further varied screenings are refused for the rest of the window.`,
        link: `/wanted/alerts/${alert.id}`,
        recordType: 'wanted_alert',
        recordId: alert.id,
      });
      events.push({ action: 'wanted.screen.probing', recordType: 'wanted_alert', recordId: alert.id, details: { flagId, variants, screenedBy: user.userId }, subject: auditSubjectOf(alertRecord(alert, now)) });
    }
    // No counts: a number of candidates or hits depends on alerts other audit readers may not see; each hit has its own scoped event.
    events.push({ action: 'wanted.screen', details: { purpose, fields: Object.keys(query) } });
    await audit.appendMany(tx, { actor: user, ip }, events);
  });
  return candidates;
}
