import crypto from 'node:crypto';
import type { AuditEntry } from '../../platform/audit/audit.service';
import type { DeskContact, MatchClass, ScreenCandidate } from '../../../contract/wanted';
import type { UserActor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import { TooManyRequestsProblem } from '../../platform/http/errors';
import { deskNotificationRow } from '../notifications';
import { alertRecord, presentAlertSummary } from './alerts.presenter';
import type { WantedDeps } from './alerts.service';
import { probeFlagsOf, recentHitsOf } from './hits.queries';
import { type CandidateExtras, candidateExtras, deskContacts } from './screening.queries';
import { writeScreening } from './screening.write';
import type { ScoredAlert } from './screening.scoring';
import { labelFor } from './wanted.fields';
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
  /** Homonyms rescored per screening (the cap on tied candidates). */
  tiedCandidates: number;
}

export const DEFAULT_SCREENING_SETTINGS: ScreeningSettings = { hitGroupMinutes: 60, probeVariants: 4, probeWindowMinutes: 60, tiedCandidates: 100 };

export interface ScreeningContext {
  user: UserActor;
  scored: ScoredAlert[];
  /** Candidates left out (beyond the caps): only whether the screener may read one of them is told. */
  overflow?: string[];
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
function presentCandidate(plan: Plan, contact: DeskContact, now: Date, extras: CandidateExtras | undefined): ScreenCandidate[] {
  const { item, alert, readable, hit } = plan;
  const actionToTake = item.decision === 'match' ? alert.actionToTake : null;
  const actionCode = item.decision === 'match' ? alert.actionCode : null;
  const screenCount = hit?.kind === 'repeat' ? hit.count : 1;
  if (readable) {
    const identifiers = extras?.identifiers ?? [];
    const facts = {
      ...(({ dateOfBirth, sex, nationality, physicalDescription, languages, identityMisused, attributes }) => ({ dateOfBirth, sex, nationality, physicalDescription, languages, identityMisused, attributes }))(alert),
      identifiers,
      photoIds: extras?.photoIds ?? [],
    };
    return [{ visibility: 'full', alert: presentAlertSummary(alert, labelFor(alert, identifiers), now), facts, decision: item.decision, actionCode, actionToTake, score: item.score, reasons: item.reasons, holdingDesk: contact, hitReference: hit?.reference ?? null, screenCount }];
  }
  return hit ? [{ visibility: 'hit', hit: true, decision: item.decision, holdingDesk: contact, reference: hit.reference, actionCode, actionToTake, screenCount }] : [];
}

/** One notification per holding desk, listing its new hits of this screening (not one per hit). */
function hitNotifications(fresh: { plan: Plan; id: string; reference: string }[], user: UserActor, query: Record<string, string>, purpose: string) {
  const screened = Object.entries(query).filter(([key]) => key !== 'kind').map(([, value]) => value).join(' · ').slice(0, 300);
  const byDesk = new Map<string, typeof fresh>();
  for (const item of fresh) byDesk.set(item.plan.alert.issuingDeskId, [...(byDesk.get(item.plan.alert.issuingDeskId) ?? []), item]);
  const className = (item: (typeof fresh)[number]) => (item.plan.item.decision === 'match' ? 'match' : 'possible match');
  return [...byDesk].map(([deskId, items]) => {
    const first = items[0]!;
    const listed = items.map((item) => `${item.plan.alert.reference} (${className(item)}, score ${Math.round(item.plan.item.score * 100)} %, hit ${item.reference})`);
    const title = items.length === 1 ? `Hit on alert ${first.plan.alert.reference} (${className(first)})` : `${items.length} hits on alerts ${items.map((item) => item.plan.alert.reference).join(', ')}`;
    const body = `${user.organisationName} (${user.economy}) screened ${screened} for "${purpose}": ${listed.join('; ')}. Confirm or reject ${items.length === 1 ? 'it' : 'each'}.`;
    return deskNotificationRow({
      deskId,
      kind: 'wanted.hit',
      title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
      body: body.length > 2000 ? `${body.slice(0, 1999)}…` : body,
      link: items.length === 1 ? `/wanted/hits/${first.id}` : '/wanted/hits',
      recordType: 'wanted_hit',
      recordId: first.id,
    });
  });
}

/**
 * Answers every scored alert, records the hits and tells the holding desks. A repeat of the
 * same screening within the grouping window adds to the earlier hit (no new hit, no new
 * notification). A screener who screens one alert they may not read with the same name and many
 * different details within the probe window is flagged to the holding desk once, and further
 * variants are refused until the window has passed.
 * The write side is one transaction.
 */
export async function answerScreening(deps: WantedDeps, settings: ScreeningSettings, context: ScreeningContext): Promise<{ candidates: ScreenCandidate[]; truncated: boolean }> {
  const { db, audit } = deps;
  const { user, now, query, subjectKey, purpose, ip } = context;
  const answered = context.scored.filter((item): item is ScoredAlert & { decision: MatchClass } => item.decision !== 'no_match');
  const kept = answered.slice(0, MAX_RESULTS);
  const overflow = [...answered.slice(MAX_RESULTS).map((item) => item.alertId), ...(context.overflow ?? [])];
  // The alerts left out are read with the kept ones (one statement) only to tell whether one is readable.
  const loaded = await findAlertsByIds(db, [...kept.map((item) => item.alertId), ...overflow]);
  const overflowIds = new Set(overflow);
  // Leak rule: only alerts the screener may read can set the flag; hit-only ones change no flag and no number.
  const truncated = loaded.some((row) => overflowIds.has(row.id) && canReadAlert(user, alertRecord(row, now)));
  const alerts = new Map<string, AlertWithDesk>(loaded.filter((row) => !overflowIds.has(row.id)).map((row) => [row.id, row]));
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
  // The card's facts and photos are read for the alerts the screener may read, and only those.
  const extras = await candidateExtras(db, plans.filter((plan) => plan.readable).map((plan) => plan.alert.id));
  const candidates = plans.flatMap((plan) => presentCandidate(plan, contactOf(plan.alert, contacts), now, extras.get(plan.alert.id)));

  const fresh = plans.flatMap((plan) => (plan.hit?.kind === 'new' ? [{ plan, id: crypto.randomUUID(), reference: plan.hit.reference }] : []));
  await audit.command(async (tx) => {
    const events: AuditEntry[] = [];
    for (const { plan, id } of fresh) {
      events.push({ action: 'wanted.hit.create', recordType: 'wanted_hit', recordId: id, details: { alertId: plan.alert.id, decision: plan.item.decision, screenerCouldRead: plan.readable }, subject: auditSubjectOf(alertRecord(plan.alert, now)) });
    }
    const repeats = plans.flatMap((plan) => (plan.hit?.kind === 'repeat' ? [{ plan, hit: plan.hit }] : []));
    for (const { plan, hit } of repeats) {
      events.push({ action: 'wanted.hit.repeat', recordType: 'wanted_hit', recordId: hit.id, details: { alertId: plan.alert.id, count: hit.count }, subject: auditSubjectOf(alertRecord(plan.alert, now)) });
    }
    const flags = probes.map(({ alert, variants }) => ({ id: crypto.randomUUID(), alertId: alert.id, screenedBy: user.userId, variants, flaggedAt: now }));
    for (const [i, { alert, variants }] of probes.entries()) {
      events.push({ action: 'wanted.screen.probing', recordType: 'wanted_alert', recordId: alert.id, details: { flagId: flags[i]!.id, variants, screenedBy: user.userId }, subject: auditSubjectOf(alertRecord(alert, now)) });
    }
    // No counts: a number of candidates or hits depends on alerts other audit readers may not see; each hit has its own scoped event.
    events.push({ action: 'wanted.screen', details: { purpose, fields: Object.keys(query) } });
    await writeScreening(tx, {
      hits: fresh.map(({ plan, id, reference }) => ({
        id, reference, alertId: plan.alert.id, issuingDeskId: plan.alert.issuingDeskId, screenedBy: user.userId, screenerEconomy: user.economy,
        screenerOrganisationId: user.organisationId, query, purpose, subjectKey, score: plan.item.score, decision: plan.item.decision, screenerCouldRead: plan.readable, at: now,
      })),
      repeatIds: repeats.map(({ hit }) => hit.id),
      flags,
      notifications: [
        ...hitNotifications(fresh, user, query, purpose),
        ...probes.map(({ alert, variants }) => deskNotificationRow({
          deskId: alert.issuingDeskId,
          kind: 'wanted.probing',
          title: `Screener probing alert ${alert.reference}`,
          body: `${user.displayName}, ${user.organisationName} (${user.economy}) screened this alert with ${variants} different sets of details within ${settings.probeWindowMinutes} minutes. Further varied screenings are refused for the rest of the window.`,
          link: `/wanted/alerts/${alert.id}`,
          recordType: 'wanted_alert',
          recordId: alert.id,
        })),
      ],
      events: audit.rowsFor({ actor: user, ip }, events),
      now,
    });
  });
  return { candidates, truncated };
}
