import { foldToAscii, nameIndexKeys } from '../../../matching';
import type { Db } from '../../db/client';
import { candidatesByIdentifier, candidatesByKeys, candidatesByTrigram, loadScreeningRows } from './screening.queries';
import { type PersonCandidate, type PersonQuery, type ScoredAlert, scorePersonCandidates } from './screening.scoring';

/** Below this many candidates from the retrieval keys, the trigram search adds some. */
export const TRIGRAM_FALLBACK_BELOW = 10;

/**
 * The person-screening core: alerts sharing the most (rarest) retrieval keys, a trigram search
 * when the keys find too few, and the document number; each rescored with the name engine.
 * Reads every screenable alert whatever its marking: the caller decides what may be shown.
 */
export async function scorePersonScreening(db: Db, query: PersonQuery & { documentNumber: string }, now: Date): Promise<ScoredAlert[]> {
  const byKeys = await candidatesByKeys(db, nameIndexKeys(query.name), now, { dateOfBirth: query.dateOfBirth });
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
