import crypto from 'node:crypto';
import type { ObjectScreenInput, PersonScreenInput, ScreenResult } from '../../../contract/wanted';
import type { Actor, UserActor } from '../../access/actor';
import { foldToAscii, normalizeDocumentNumber, normalizeSerial, normalizeVin } from '../../../matching';
import { BadRequestProblem, HttpProblem } from '../../platform/http/errors';
import { alertRecord } from './alerts.presenter';
import { requireUser, type WantedDeps } from './alerts.service';
import { type ScreeningContext, type ScreeningSettings, answerScreenings, DEFAULT_SCREENING_SETTINGS } from './screening.answer';
import { candidatesByIdentifier } from './screening.queries';
import { factReason } from './screening.reasons';
import type { ScreeningIndexHandle } from './screening.index.sync';
import { loadPersonCandidates, retrievePersonIds, scoreShortlist } from './screening.retrieval';
import type { PersonQuery, ScoredAlert } from './screening.scoring';
import { plateKey } from './wanted.fields';

/** Longer input is cut to this many characters before matching (names have at most a few words). */
export const SCREEN_NAME_MAX_CHARS = 200;

/** Control characters become spaces, whitespace collapses; nothing else is refused. */
export function cleanScreeningText(text: string): string {
  return text.normalize('NFC').replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/gu, ' ').trim();
}

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

function digest(value: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 24);
}

/**
 * The same subject screened again gives the same key: what a repeat is grouped by. It is
 * `<who>:<details>` — the name (or identifier) and the other facts — so that the same name with
 * other details (a probe) can be told from another person with a common name.
 */
function subjectKey(who: string, details: Record<string, string>): string {
  return `${digest(who)}:${digest(Object.entries(details).sort(([a], [b]) => a.localeCompare(b)))}`;
}

/** One subject to screen: a person or an object, as the single screenings take them. */
export type ScreeningItem = { schema: 'Person'; input: PersonScreenInput } | { schema: 'Object'; input: ObjectScreenInput };

/** A subject's answer, or the problem that refused it (bad input, too many varied screenings). */
export type ScreeningItemResult = { ok: true; result: ScreenResult } | { ok: false; problem: HttpProblem };

type Prepared = { context: Omit<ScreeningContext, 'scored' | 'overflow'>; normalizedQuery: string; notes: string[] } & (
  | { schema: 'Person'; person: PersonQuery & { documentNumber: string } }
  | { schema: 'Object'; scored: ScoredAlert[] }
);

/**
 * Screening. `person` and `object` each screen one subject and return its whole answer
 * (ScreenResult); `many` screens a batch of one screener's subjects in order, each answered
 * exactly as alone (the later ones see the hits of the earlier ones), with the reads made once
 * for the batch and its writes in one statement. Names are retrieved through the in-process
 * index when the app runs one, otherwise by SQL.
 */
export function createScreeningService(deps: WantedDeps & { screeningIndex?: ScreeningIndexHandle }, settings: ScreeningSettings = DEFAULT_SCREENING_SETTINGS) {
  const { db, clock } = deps;

  function preparePerson(user: UserActor, input: PersonScreenInput): Prepared {
    const notes: string[] = [];
    let name = cleanScreeningText(input.name);
    if (!name) throw new BadRequestProblem('Enter a name to screen: the name is empty.', [{ path: 'body.name', message: 'empty' }]);
    if ([...name].length > SCREEN_NAME_MAX_CHARS) {
      name = [...name].slice(0, SCREEN_NAME_MAX_CHARS).join('').trim();
      notes.push(`The name was shortened to its first ${SCREEN_NAME_MAX_CHARS} characters.`);
    }
    const documentNumber = input.documentNumber ? normalizeDocumentNumber(cleanScreeningText(input.documentNumber)) : '';
    const folded = foldToAscii(name);
    const query: Record<string, string> = { kind: 'person', name };
    if (input.dateOfBirth) query.dateOfBirth = input.dateOfBirth;
    if (input.nationality) query.nationality = input.nationality;
    if (input.sex) query.sex = input.sex;
    if (documentNumber) query.documentNumber = documentNumber;
    const { kind: _kind, name: _name, ...details } = query;
    const subject = subjectKey(`person:${folded.toLowerCase()}`, details);
    const person = { name, dateOfBirth: input.dateOfBirth, nationality: input.nationality, sex: input.sex, documentNumber };
    return { schema: 'Person', person, normalizedQuery: folded, notes, context: { user, query, subjectKey: subject, purpose: input.purpose, now: clock() } };
  }

  async function prepareObject(user: UserActor, input: ObjectScreenInput): Promise<Prepared> {
    const identifier = cleanScreeningText(input.identifier).slice(0, 200);
    if (!identifier) throw new BadRequestProblem('Enter an identifier to screen: it is empty.', [{ path: 'body.identifier', message: 'empty' }]);
    const pairs = identifierPairs(input, identifier);
    const notes = pairs.every((pair) => !pair.normalized) ? ['The identifier has no letters or digits; nothing can match it.'] : [];
    const now = clock();
    const found = await candidatesByIdentifier(db, pairs, now);
    const scored: ScoredAlert[] = [...new Map(found.map((item) => [item.alertId, item])).values()].map((item) => ({
      alertId: item.alertId,
      score: 1,
      decision: 'match',
      reasons: [factReason('identifier_matches', { kind: item.kind })],
    }));
    const normalizedQuery = [...new Set(pairs.map((pair) => pair.normalized).filter(Boolean))].join(' / ');
    const context = { user, query: { kind: input.kind, identifier }, subjectKey: subjectKey(`${input.kind}:${normalizedQuery}`, {}), purpose: input.purpose, now };
    return { schema: 'Object', scored, normalizedQuery, notes, context };
  }

  async function many(actor: Actor, items: ScreeningItem[], ip: string): Promise<ScreeningItemResult[]> {
    const user = requireUser(actor);
    const index = (await deps.screeningIndex?.current()) ?? null;
    const prepared: (Prepared | HttpProblem)[] = [];
    for (const item of items) {
      try {
        prepared.push(item.schema === 'Person' ? preparePerson(user, item.input) : await prepareObject(user, item.input));
      } catch (error) {
        if (!(error instanceof HttpProblem) || error.status >= 500) throw error;
        prepared.push(error);
      }
    }
    // Every person's shortlist first, then their names and facts in one read, then the rescoring.
    const shortlists = new Map<Prepared, { ids: string[]; dropped: string[] }>();
    for (const item of prepared) {
      if (!(item instanceof HttpProblem) && item.schema === 'Person') shortlists.set(item, await retrievePersonIds(db, item.person, item.context.now, index, settings.tiedCandidates));
    }
    const candidates = await loadPersonCandidates(db, [...new Set([...shortlists.values()].flatMap((shortlist) => shortlist.ids))]);
    const screened = prepared.flatMap((item) => {
      if (item instanceof HttpProblem) return [];
      const shortlist = shortlists.get(item);
      const scored = item.schema === 'Person' ? scoreShortlist(item.person, shortlist!.ids, candidates) : item.scored;
      const markings = new Map(shortlist?.ids.flatMap((id) => {
        const found = candidates.get(id);
        return found ? [[id, alertRecord(found.marking, item.context.now)] as const] : [];
      }));
      return [{ item, context: { ...item.context, scored, overflow: shortlist?.dropped, markings } }];
    });
    const outcomes = screened.length > 0 ? await answerScreenings(deps, settings, user, ip, screened.map(({ context }) => context)) : [];
    const byItem = new Map(screened.map(({ item }, i) => [item, outcomes[i]!]));
    return prepared.map((item): ScreeningItemResult => {
      if (item instanceof HttpProblem) return { ok: false, problem: item };
      const outcome = byItem.get(item)!;
      if ('refused' in outcome) return { ok: false, problem: outcome.refused };
      return { ok: true, result: { normalizedQuery: item.normalizedQuery, ...outcome, notes: item.notes } };
    });
  }

  const one = async (actor: Actor, item: ScreeningItem, ip: string): Promise<ScreenResult> => {
    const [outcome] = await many(actor, [item], ip);
    if (!outcome!.ok) throw outcome!.problem;
    return outcome!.result;
  };

  return {
    person: (actor: Actor, input: PersonScreenInput, ip: string) => one(actor, { schema: 'Person', input }, ip),
    object: (actor: Actor, input: ObjectScreenInput, ip: string) => one(actor, { schema: 'Object', input }, ip),
    many,
  };
}
