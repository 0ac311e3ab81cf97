import crypto from 'node:crypto';
import type { AuditEntry } from '../../platform/audit/audit.service';
import type { DeskContact, MatchClass, ScreenCandidate } from '../../../contract/wanted';
import type { UserActor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import { TooManyRequestsProblem } from '../../platform/http/errors';
import { deskNotificationRow } from '../notifications';
import { alertRecord, presentAlertSummary } from './alerts.presenter';
import type { WantedDeps } from './alerts.service';
import { type CandidateExtras, type RecentHit, type ScreenedAlert, loadScreeningContext } from './screening.context.queries';
import { candidateExtras } from './screening.queries';
import { type ScreeningWrites, writeScreening } from './screening.write';
import type { ScoredAlert } from './screening.scoring';
import { labelFor } from './wanted.fields';
import { type AlertRecord, canReadAlert, isDeskMember } from './wanted.policy';
import { randomReferenceCode } from './wanted.queries';

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
  /** The markings of shortlisted alerts, read with their names: the policy decides from them which cards to read. */
  markings?: Map<string, AlertRecord>;
  /** What was screened, as shown to the holding desk. */
  query: Record<string, string>;
  subjectKey: string;
  purpose: string;
  now: Date;
}

/** A screening's answer, or its refusal (too many varied screenings of one subject). */
export type ScreeningOutcome = { candidates: ScreenCandidate[]; truncated: boolean } | { refused: TooManyRequestsProblem };

type Plan = {
  item: ScoredAlert & { decision: MatchClass };
  alert: ScreenedAlert;
  readable: boolean;
  /** null: the screener is of the issuing desk (no hit); otherwise a new hit or a repeat of one. */
  hit: null | { kind: 'new'; id: string; reference: string } | { kind: 'repeat'; id: string; reference: string; count: number };
};

function contactOf(alert: ScreenedAlert, contacts: Map<string, { email: string | null; phone: string | null }>): DeskContact {
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

const refusal = () => new TooManyRequestsProblem('This subject has been screened with too many different details in a short time. Refer to the holding desk, or try again later.');

/**
 * Answers every scored alert of each screening, records the hits and tells the holding desks.
 * A repeat of the same screening within the grouping window adds to the earlier hit (no new
 * hit, no new notification). A screener who screens one alert they may not read with the same
 * name and many different details within the probe window is flagged to the holding desk once,
 * and further variants are refused until the window has passed.
 * The screenings of one call (a single screening, or a batch of one screener's queries) are
 * answered in order, each seeing the hits and flags of the ones before, as if made one after
 * the other; their reads are made once for all, and everything they write is one statement in
 * one transaction (screening.write.ts).
 */
export async function answerScreenings(deps: WantedDeps, settings: ScreeningSettings, user: UserActor, ip: string, contexts: ScreeningContext[]): Promise<ScreeningOutcome[]> {
  const { db, audit } = deps;
  const shapes = contexts.map((context) => {
    const answered = context.scored.filter((item): item is ScoredAlert & { decision: MatchClass } => item.decision !== 'no_match');
    return { kept: answered.slice(0, MAX_RESULTS), overflow: new Set([...answered.slice(MAX_RESULTS).map((item) => item.alertId), ...(context.overflow ?? [])]) };
  });
  const earliest = new Date(Math.min(...contexts.map((context) => context.now.getTime())));
  const windowMinutes = Math.max(settings.hitGroupMinutes, settings.probeWindowMinutes);
  // The policy decides from the markings read with the shortlist which cards may be read; one
  // statement then reads the alerts (the left-out ones only to tell whether one is readable), the
  // screener's recent hits and flags on them, the desks' contacts and those cards.
  const markings = new Map(contexts.flatMap((context) => [...(context.markings ?? [])]));
  const keptIds = new Set(shapes.flatMap((shape) => shape.kept.map((item) => item.alertId)));
  const readableBefore = [...keptIds].filter((id) => markings.has(id) && canReadAlert(user, markings.get(id)!));
  const read = await loadScreeningContext(db, {
    ids: [...new Set([...keptIds, ...shapes.flatMap((shape) => [...shape.overflow])])],
    readable: readableBefore,
    screener: user.userId,
    hitsSince: new Date(earliest.getTime() - windowMinutes * MINUTE_MS),
    flagsSince: new Date(earliest.getTime() - settings.probeWindowMinutes * MINUTE_MS),
  });
  const loaded = read.alerts;
  const recentOf = new Map<string, RecentHit[]>();
  const recentById = new Map<string, RecentHit>();
  const remember = (row: RecentHit) => {
    recentOf.set(row.alertId, [...(recentOf.get(row.alertId) ?? []), row]);
    recentById.set(row.id, row);
  };
  for (const row of read.recentHits) if (!isDeskMember(user, loaded.get(row.alertId)?.issuingDeskId ?? '')) remember(row);
  const pendingHits = new Map<string, ScreeningWrites['hits'][number]>();
  const flagged = read.flagged;

  const writes: Omit<ScreeningWrites, 'events'> = { hits: [], repeats: [], flags: [], notifications: [] };
  const events: AuditEntry[] = [];
  const planned = contexts.map((context, i) => {
    const { now, subjectKey, query, purpose } = context;
    const { kept, overflow } = shapes[i]!;
    // Leak rule: only alerts the screener may read can set the flag; hit-only ones change no flag and no number.
    const truncated = [...overflow].some((id) => loaded.has(id) && canReadAlert(user, alertRecord(loaded.get(id)!, now)));
    const groupSince = new Date(now.getTime() - settings.hitGroupMinutes * MINUTE_MS);
    const probeSince = new Date(now.getTime() - settings.probeWindowMinutes * MINUTE_MS);
    const probes: { alert: ScreenedAlert; variants: number }[] = [];
    let refused = false;
    const plans = kept.flatMap((item): Plan[] => {
      const alert = overflow.has(item.alertId) ? undefined : loaded.get(item.alertId);
      if (!alert) return [];
      const readable = canReadAlert(user, alertRecord(alert, now));
      if (isDeskMember(user, alert.issuingDeskId)) return [{ item, alert, readable, hit: null }];
      const ofAlert = recentOf.get(alert.id) ?? [];
      const repeat = settings.hitGroupMinutes > 0 ? ofAlert.find((row) => row.subjectKey === subjectKey && row.lastScreenedAt && row.lastScreenedAt >= groupSince) : undefined;
      if (repeat) return [{ item, alert, readable, hit: { kind: 'repeat', id: repeat.id, reference: repeat.reference, count: repeat.screenCount + 1 } }];
      // A probe is the same name (or identifier) with other details, not another person of a common name.
      const sameWho = (key: string) => key.split(':')[0] === subjectKey.split(':')[0];
      const variants = new Set([...ofAlert.filter((row) => row.lastScreenedAt && row.lastScreenedAt >= probeSince && sameWho(row.subjectKey)).map((row) => row.subjectKey), subjectKey]).size;
      if (flagged.has(alert.id) && !readable) refused = true;
      if (!readable && !flagged.has(alert.id) && variants >= settings.probeVariants) probes.push({ alert, variants });
      return [{ item, alert, readable, hit: { kind: 'new', id: crypto.randomUUID(), reference: `H-${randomReferenceCode()}` } }];
    });
    if (refused) {
      events.push({ action: 'wanted.screen.refused', details: { purpose, reason: 'probing' } });
      return { refused: true as const };
    }
    // What this screening writes; the later screenings of the call see its hits and flags.
    const fresh: { plan: Plan; id: string; reference: string }[] = [];
    for (const plan of plans) {
      const subject = auditSubjectOf(alertRecord(plan.alert, now));
      if (plan.hit?.kind === 'new') {
        const { id, reference } = plan.hit;
        fresh.push({ plan, id, reference });
        const row = {
          id, reference, alertId: plan.alert.id, issuingDeskId: plan.alert.issuingDeskId, screenedBy: user.userId, screenerEconomy: user.economy,
          screenerOrganisationId: user.organisationId, query, purpose, subjectKey, score: plan.item.score, decision: plan.item.decision, screenerCouldRead: plan.readable, screenedTimes: [now],
        };
        writes.hits.push(row);
        pendingHits.set(id, row);
        remember({ id, alertId: plan.alert.id, subjectKey, reference, screenCount: 1, lastScreenedAt: now });
        events.push({ action: 'wanted.hit.create', recordType: 'wanted_hit', recordId: id, details: { alertId: plan.alert.id, decision: plan.item.decision, screenerCouldRead: plan.readable }, subject });
      }
    }
    for (const plan of plans) {
      if (plan.hit?.kind !== 'repeat') continue;
      const { id, count } = plan.hit;
      const row = recentById.get(id)!;
      row.screenCount = count;
      row.lastScreenedAt = now;
      // A hit made earlier in this call is not in the table yet: its row takes the repeat.
      const pending = pendingHits.get(id);
      if (pending) pending.screenedTimes.push(now);
      else writes.repeats.push({ id, at: now });
      events.push({ action: 'wanted.hit.repeat', recordType: 'wanted_hit', recordId: id, details: { alertId: plan.alert.id, count }, subject: auditSubjectOf(alertRecord(plan.alert, now)) });
    }
    for (const { alert, variants } of probes) {
      const flag = { id: crypto.randomUUID(), alertId: alert.id, screenedBy: user.userId, variants, flaggedAt: now };
      writes.flags.push(flag);
      flagged.add(alert.id);
      events.push({ action: 'wanted.screen.probing', recordType: 'wanted_alert', recordId: alert.id, details: { flagId: flag.id, variants, screenedBy: user.userId }, subject: auditSubjectOf(alertRecord(alert, now)) });
    }
    // No counts: a number of candidates or hits depends on alerts other audit readers may not see; each hit has its own scoped event.
    events.push({ action: 'wanted.screen', details: { purpose, fields: Object.keys(query) } });
    writes.notifications.push(
      ...hitNotifications(fresh, user, query, purpose).map((row) => ({ ...row, at: now })),
      ...probes.map(({ alert, variants }) => ({ ...probeNotification(user, alert, variants, settings), at: now })),
    );
    return { refused: false as const, plans, truncated, now };
  });

  const plans = planned.flatMap((item) => (item.refused ? [] : item.plans));
  // Cards the policy could not decide before the read (no marking known: objects) are read now, and only the readable ones.
  const extras = read.extras;
  const unread = [...new Set(plans.filter((plan) => plan.readable && !extras.has(plan.alert.id)).map((plan) => plan.alert.id))];
  for (const [id, found] of await candidateExtras(db, unread)) extras.set(id, found);
  const contacts = read.contacts;
  await audit.command(async (tx) => writeScreening(tx, { ...writes, events: audit.rowsFor({ actor: user, ip }, events) }));
  return planned.map((item): ScreeningOutcome =>
    item.refused
      ? { refused: refusal() }
      : { candidates: item.plans.flatMap((plan) => presentCandidate(plan, contactOf(plan.alert, contacts), item.now, extras.get(plan.alert.id))), truncated: item.truncated },
  );
}

function probeNotification(user: UserActor, alert: ScreenedAlert, variants: number, settings: ScreeningSettings) {
  return deskNotificationRow({
    deskId: alert.issuingDeskId,
    kind: 'wanted.probing',
    title: `Screener probing alert ${alert.reference}`,
    body: `${user.displayName}, ${user.organisationName} (${user.economy}) screened this alert with ${variants} different sets of details within ${settings.probeWindowMinutes} minutes. Further varied screenings are refused for the rest of the window.`,
    link: `/wanted/alerts/${alert.id}`,
    recordType: 'wanted_alert',
    recordId: alert.id,
  });
}
