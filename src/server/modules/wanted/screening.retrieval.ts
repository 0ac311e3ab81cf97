import { foldToAscii, nameIndexKeyPairs, nameIndexKeys } from '../../../matching';
import type { Db } from '../../db/client';
import { SELECTIVE_KEY_CAP, candidatesByIdentifier, candidatesByKeys, candidatesByTrigram, loadScreeningRows } from './screening.queries';
import { type PersonCandidate, type PersonQuery, type ScoredAlert, scorePersonCandidates } from './screening.scoring';

/** Below this many candidates from the retrieval keys, the trigram search adds some. */
export const TRIGRAM_FALLBACK_BELOW = 10;
/** Below this many candidates from the selective keys, the common keys are read too. */
export const COMMON_KEYS_BELOW = 10;

/**
 * Retrieval by keys in two steps. First the selective ones: the pair keys (a pair of words of
 * the name: typically a handful of alerts) and the single keys held by at most
 * SELECTIVE_KEY_CAP alerts. Only when they find too few are the common single keys (a frequent
 * surname or given name) read, each up to KEY_FREQUENCY_CAP alerts, and ranked by rarity.
 */
async function candidatesByNameKeys(db: Db, name: string, now: Date, dateOfBirth: string | undefined): Promise<string[]> {
  const selective = await candidatesByKeys(db, [...nameIndexKeyPairs(name), ...nameIndexKeys(name)], now, { dateOfBirth, cap: SELECTIVE_KEY_CAP });
  const common = selective.commonKeys.filter((key) => !key.startsWith('p:'));
  if (selective.alertIds.length >= COMMON_KEYS_BELOW || common.length === 0) return selective.alertIds;
  const more = await candidatesByKeys(db, common, now, { dateOfBirth });
  return [...new Set([...selective.alertIds, ...more.alertIds])];
}

/**
 * The person-screening core: alerts sharing the most (rarest) retrieval keys, a trigram search
 * when the keys find too few, and the document number; each rescored with the name engine.
 * Reads every screenable alert whatever its marking: the caller decides what may be shown.
 */
export async function scorePersonScreening(db: Db, query: PersonQuery & { documentNumber: string }, now: Date): Promise<ScoredAlert[]> {
  const byKeys = await candidatesByNameKeys(db, query.name, now, query.dateOfBirth);
  const byTrigram = byKeys.length < TRIGRAM_FALLBACK_BELOW ? await candidatesByTrigram(db, foldToAscii(query.name), now) : [];
  const byDocument = query.documentNumber ? await candidatesByIdentifier(db, [{ kind: 'document', normalized: query.documentNumber }], now) : [];
  const documentIds = new Set(byDocument.map((item) => item.alertId));
  const ids = [...new Set([...byKeys, ...byTrigram, ...documentIds])];
  const grouped = new Map<string, PersonCandidate>();
  for (const row of await loadScreeningRows(db, ids)) {
    const candidate = grouped.get(row.id) ?? { alertId: row.id, names: [], dateOfBirth: row.date_of_birth, nationality: row.nationality, documentMatches: documentIds.has(row.id) };
    candidate.names.push(row.name);
    grouped.set(row.id, candidate);
  }
  return scorePersonCandidates({ name: query.name, dateOfBirth: query.dateOfBirth, nationality: query.nationality }, [...grouped.values()]);
}
