import type { AuditEntry } from '../../platform/audit/audit.service';
import crypto from 'node:crypto';
import type { ObjectScreenInput, PersonScreenInput, ScreenCandidate, ScreenResult } from '../../../contract/wanted';
import type { Actor, UserActor } from '../../access/actor';
import { foldToAscii, normalizeDocumentNumber, normalizeSerial, normalizeVin } from '../../../matching';
import { BadRequestProblem } from '../../platform/http/errors';
import { notifyDesk } from '../notifications';
import { alertRecord, presentAlertSummary } from './alerts.presenter';
import { requireUser, type WantedDeps } from './alerts.service';
import { candidatesByIdentifier, insertHits } from './screening.queries';
import { scorePersonScreening } from './screening.retrieval';
import type { ScoredAlert } from './screening.scoring';
import { plateKey } from './wanted.fields';
import { canReadAlert, isDeskMember } from './wanted.policy';
import { type AlertWithDesk, findAlertsByIds } from './wanted.queries';

/** Longer input is cut to this many characters before matching (names have at most a few words). */
export const SCREEN_NAME_MAX_CHARS = 200;
const MAX_RESULTS = 50;

/** Control characters become spaces, whitespace collapses; nothing else is refused. */
export function cleanScreeningText(text: string): string {
  return text.normalize('NFC').replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/gu, ' ').trim();
}

function hitReference(): string {
  return `H-${crypto.randomBytes(5).toString('hex').toUpperCase()}`;
}

const IDENTIFIER_LABELS: Record<string, string> = { vin: 'VIN', plate: 'plate', serial: 'serial number', document: 'document number', other: 'identifier' };

/** Which stored identifiers a screened object identifier is compared with, normalised the same way. */
function identifierPairs(input: ObjectScreenInput, identifier: string): { kind: string; normalized: string }[] {
  switch (input.kind) {
    case 'vehicle':
      return [{ kind: 'vin', normalized: normalizeVin(identifier) }, { kind: 'plate', normalized: plateKey(identifier) }];
    case 'firearm':
      return [{ kind: 'serial', normalized: normalizeSerial(identifier) }];
    case 'document':
      return [{ kind: 'document', normalized: normalizeDocumentNumber(identifier) }];
    case 'object':
      return [{ kind: 'other', normalized: normalizeSerial(identifier) }, { kind: 'serial', normalized: normalizeSerial(identifier) }];
  }
}

export function createScreeningService(deps: WantedDeps) {
  const { db, audit, clock } = deps;

  /**
   * Answers every scored alert: in full when the screener may read it, as a bare hit when not.
   * Every match or possible match is recorded as a hit for the issuing desk, which is notified.
   * The write side is one transaction: the hits in one multi-row insert, a notification and an
   * audit event per hit, and the screening's own audit event (the only write of a no-hit).
   */
  async function answer(user: UserActor, scored: ScoredAlert[], query: Record<string, string>, ip: string): Promise<ScreenCandidate[]> {
    const kept = scored.filter((item) => item.decision !== 'no_match').slice(0, MAX_RESULTS);
    const alerts = new Map<string, AlertWithDesk>((await findAlertsByIds(db, kept.map((item) => item.alertId))).map((row) => [row.id, row]));
    const now = clock();
    const planned = kept.flatMap((item) => {
      const alert = alerts.get(item.alertId);
      if (!alert) return [];
      const readable = canReadAlert(user, alertRecord(alert, now));
      // The desk's own members screening its alerts make no hit on it.
      const reference = isDeskMember(user, alert.issuingDeskId) ? null : hitReference();
      return [{ item, alert, readable, reference }];
    });
    const hits = planned.flatMap(({ item, alert, readable, reference }) => (reference === null ? [] : [{
      reference,
      alertId: alert.id,
      issuingDeskId: alert.issuingDeskId,
      screenedBy: user.userId,
      screenerEconomy: user.economy,
      screenerOrganisationId: user.organisationId,
      query,
      score: item.score,
      decision: item.decision === 'match' ? ('match' as const) : ('possible' as const),
      screenerCouldRead: readable,
      createdAt: now,
    }]));
    const candidates: ScreenCandidate[] = planned.flatMap(({ item, alert, readable, reference }): ScreenCandidate[] => {
      if (readable) {
        const label = alert.primaryName ?? alert.reference;
        return [{ visibility: 'full', alert: presentAlertSummary(alert, label, now), actionToTake: alert.actionToTake, score: item.score, decision: item.decision, reasons: item.reasons, hitReference: reference }];
      }
      return reference ? [{ visibility: 'hit', hit: true, holdingDesk: { economy: alert.desk.economy, area: alert.desk.area, name: alert.desk.name }, reference, actionToTake: alert.actionToTake }] : [];
    });
    await audit.command(async (tx) => {
      const screened = Object.values(query).join(' · ').slice(0, 300);
      const inserted = await insertHits(tx, hits);
      const events: AuditEntry[] = [];
      for (const [i, hit] of hits.entries()) {
        const id = inserted[i]!.id;
        const alert = alerts.get(hit.alertId)!;
        const decision = hit.decision === 'match' ? 'match' : 'possible match';
        await notifyDesk(tx, {
          deskId: hit.issuingDeskId,
          kind: 'wanted.hit',
          title: `Hit on alert ${alert.reference} (${decision})`,
          body: `${user.organisationName} (${user.economy}) screened ${screened} — score ${hit.score}. Confirm or reject it.`,
          link: `/wanted/hits/${id}`,
          recordType: 'wanted_hit',
          recordId: id,
        });
        events.push({
          action: 'wanted.hit.create',
          recordType: 'wanted_hit',
          recordId: id,
          details: { reference: hit.reference, alertId: hit.alertId, score: hit.score, decision: hit.decision, screenerCouldRead: hit.screenerCouldRead },
        });
      }
      events.push({ action: 'wanted.screen', details: { query, candidates: candidates.length, hits: hits.length } });
      await audit.appendMany(tx, { actor: user, ip }, events);
    });
    return candidates;
  }

  return {
    person: async (actor: Actor, input: PersonScreenInput, ip: string): Promise<ScreenResult> => {
      const user = requireUser(actor);
      const notes: string[] = [];
      let name = cleanScreeningText(input.name);
      if (!name) throw new BadRequestProblem('Enter a name to screen: the name is empty.', [{ path: 'body.name', message: 'empty' }]);
      if ([...name].length > SCREEN_NAME_MAX_CHARS) {
        name = [...name].slice(0, SCREEN_NAME_MAX_CHARS).join('').trim();
        notes.push(`The name was shortened to its first ${SCREEN_NAME_MAX_CHARS} characters.`);
      }
      const now = clock();
      const documentNumber = input.documentNumber ? normalizeDocumentNumber(cleanScreeningText(input.documentNumber)) : '';
      const folded = foldToAscii(name);
      const scored = await scorePersonScreening(db, { name, dateOfBirth: input.dateOfBirth, nationality: input.nationality, documentNumber }, now);
      const query: Record<string, string> = { kind: 'person', name };
      if (input.dateOfBirth) query.dateOfBirth = input.dateOfBirth;
      if (input.nationality) query.nationality = input.nationality;
      if (documentNumber) query.documentNumber = documentNumber;
      return { normalizedQuery: folded, candidates: await answer(user, scored, query, ip), notes };
    },

    object: async (actor: Actor, input: ObjectScreenInput, ip: string): Promise<ScreenResult> => {
      const user = requireUser(actor);
      const identifier = cleanScreeningText(input.identifier).slice(0, 200);
      if (!identifier) throw new BadRequestProblem('Enter an identifier to screen: it is empty.', [{ path: 'body.identifier', message: 'empty' }]);
      const pairs = identifierPairs(input, identifier);
      const notes = pairs.every((pair) => !pair.normalized) ? ['The identifier has no letters or digits; nothing can match it.'] : [];
      const found = await candidatesByIdentifier(db, pairs, clock());
      const scored: ScoredAlert[] = [...new Map(found.map((item) => [item.alertId, item])).values()].map((item) => ({
        alertId: item.alertId,
        score: 1,
        decision: 'match',
        reasons: [`${IDENTIFIER_LABELS[item.kind] ?? 'identifier'} matches exactly after normalisation`],
      }));
      const query = { kind: input.kind, identifier };
      const normalizedQuery = [...new Set(pairs.map((pair) => pair.normalized).filter(Boolean))].join(' / ');
      return { normalizedQuery, candidates: await answer(user, scored, query, ip), notes };
    },
  };
}
