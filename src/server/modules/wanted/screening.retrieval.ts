import { foldToAscii, nameIndexKeyPairs, nameIndexKeys } from '../../../matching';
import type { Db } from '../../db/client';
import type { ScreeningKeyIndex } from './screening.index';
import { type KeyCandidates, SELECTIVE_KEY_CAP, candidatesByIdentifier, candidatesByKeys, candidatesByTrigram, loadScreeningRows } from './screening.queries';
import { type PersonCandidate, type PersonQuery, type ScoredAlert, scorePersonCandidates } from './screening.scoring';

/** Below this many candidates, a query that shares no pair key gets the trigram search. */
export const TRIGRAM_FALLBACK_BELOW = 10;
/** Below this many candidates from the selective keys and the trigram search, the common keys are read. */
export const COMMON_KEYS_BELOW = 10;

/**
 * Candidates in bounded steps. First the selective keys: the pair keys (two words of the name
 * together: typically a handful of alerts) and the single keys held by at most
 * SELECTIVE_KEY_CAP alerts, ranked by rarity. A shared pair key means the name's words were
 * found together: few candidates are then the answer, not a miss. When no pair key is held by
 * any alert (a misspelling changed a word's key, or a one-word name) and few were found, the
 * trigram search on the folded name; when that too finds few, the common single keys, each
 * read up to KEY_FREQUENCY_CAP alerts.
 */
async function personCandidates(db: Db, query: PersonQuery, now: Date, index: ScreeningKeyIndex | null): Promise<string[]> {
  const byKeys = async (keys: string[], options: { dateOfBirth?: string; cap?: number }): Promise<KeyCandidates> =>
    index ? index.candidatesByKeys(keys, now, options) : candidatesByKeys(db, keys, now, options);
  const selective = await byKeys([...nameIndexKeyPairs(query.name), ...nameIndexKeys(query.name)], { dateOfBirth: query.dateOfBirth, cap: SELECTIVE_KEY_CAP });
  let ids = selective.alertIds;
  if (selective.foundKeys.some((key) => key.startsWith('p:') && !selective.commonKeys.includes(key))) return ids;
  if (ids.length < TRIGRAM_FALLBACK_BELOW) ids = [...new Set([...ids, ...(await candidatesByTrigram(db, foldToAscii(query.name), now))])];
  const common = selective.commonKeys.filter((key) => !key.startsWith('p:'));
  if (ids.length < COMMON_KEYS_BELOW && common.length > 0) {
    ids = [...new Set([...ids, ...(await byKeys(common, { dateOfBirth: query.dateOfBirth })).alertIds])];
  }
  return ids;
}

/**
 * The person-screening core: the candidates of the keys and the trigram search, and the
 * document number; each rescored with the name engine. Reads every screenable alert whatever
 * its marking: the caller decides what may be shown. The key postings are read from the
 * in-process index when one is given (the same answer as the SQL, without the round trip).
 */
export async function scorePersonScreening(db: Db, query: PersonQuery & { documentNumber: string }, now: Date, index: ScreeningKeyIndex | null = null): Promise<ScoredAlert[]> {
  const byName = await personCandidates(db, query, now, index);
  const byDocument = query.documentNumber ? await candidatesByIdentifier(db, [{ kind: 'document', normalized: query.documentNumber }], now) : [];
  const ids = [...new Set([...byName, ...byDocument.map((item) => item.alertId)])];
  const grouped = new Map<string, PersonCandidate>();
  for (const row of await loadScreeningRows(db, ids)) {
    const candidate = grouped.get(row.id) ?? { alertId: row.id, names: [], dateOfBirth: row.date_of_birth, nationality: row.nationality, sex: row.sex, documentNumbers: row.documents ?? [] };
    candidate.names.push(row.name);
    grouped.set(row.id, candidate);
  }
  return scorePersonCandidates(query, [...grouped.values()]);
}
