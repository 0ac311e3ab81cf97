import crypto from 'node:crypto';
import type { ObjectScreenInput, PersonScreenInput, ScreenResult } from '../../../contract/wanted';
import type { Actor } from '../../access/actor';
import { foldToAscii, normalizeDocumentNumber, normalizeSerial, normalizeVin } from '../../../matching';
import { BadRequestProblem } from '../../platform/http/errors';
import { requireUser, type WantedDeps } from './alerts.service';
import { type ScreeningSettings, answerScreening, DEFAULT_SCREENING_SETTINGS } from './screening.answer';
import { candidatesByIdentifier } from './screening.queries';
import { factReason } from './screening.reasons';
import type { ScreeningIndexHandle } from './screening.index.sync';
import { screenPersonCandidates } from './screening.retrieval';
import type { ScoredAlert } from './screening.scoring';
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

/**
 * Screening of one subject at a time. `person` and `object` each screen one subject and
 * return its whole answer (ScreenResult): a batch screens its items through them one by one.
 * Names are retrieved through the in-process index when the app runs one, otherwise by SQL.
 */
export function createScreeningService(deps: WantedDeps & { screeningIndex?: ScreeningIndexHandle }, settings: ScreeningSettings = DEFAULT_SCREENING_SETTINGS) {
  const { db, clock } = deps;

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
      const index = (await deps.screeningIndex?.current()) ?? null;
      const { scored, dropped } = await screenPersonCandidates(db, { name, dateOfBirth: input.dateOfBirth, nationality: input.nationality, sex: input.sex, documentNumber }, now, index, settings.tiedCandidates);
      const query: Record<string, string> = { kind: 'person', name };
      if (input.dateOfBirth) query.dateOfBirth = input.dateOfBirth;
      if (input.nationality) query.nationality = input.nationality;
      if (input.sex) query.sex = input.sex;
      if (documentNumber) query.documentNumber = documentNumber;
      const { kind: _kind, name: _name, ...details } = query;
      const key = subjectKey(`person:${folded.toLowerCase()}`, details);
      const answer = await answerScreening(deps, settings, { user, scored, overflow: dropped, query, subjectKey: key, purpose: input.purpose, ip, now });
      return { normalizedQuery: folded, ...answer, notes };
    },

    object: async (actor: Actor, input: ObjectScreenInput, ip: string): Promise<ScreenResult> => {
      const user = requireUser(actor);
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
      const query = { kind: input.kind, identifier };
      const normalizedQuery = [...new Set(pairs.map((pair) => pair.normalized).filter(Boolean))].join(' / ');
      const key = subjectKey(`${input.kind}:${normalizedQuery}`, {});
      const answer = await answerScreening(deps, settings, { user, scored, query, subjectKey: key, purpose: input.purpose, ip, now });
      return { normalizedQuery, ...answer, notes };
    },
  };
}
