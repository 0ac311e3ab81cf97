import { foldToAscii, nameIndexKeyPairs, nameIndexKeys } from '../../../matching';
import type { Db } from '../../db/client';
import type { ScreeningKeyIndex } from './screening.index';
import { type KeyCandidates, SELECTIVE_KEY_CAP, TRIGRAM_CANDIDATE_LIMIT, candidatesByIdentifier, candidatesByKeys, candidatesByTrigram, loadScreeningRows } from './screening.queries';
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
 * typo fallback: with the in-process index, the held words one edit away from the query's
 * (screening.index.ts, `typoKeys`); without it (while it is built), the trigram search on the
 * folded name. When that too finds few, the common single keys, each read up to
 * KEY_FREQUENCY_CAP alerts. Last, with the index, the held pair keys one word-edit away from
 * the query's (a surname keyed under another reading: `nearPairKeys`), at most
 * TRIGRAM_CANDIDATE_LIMIT alerts. Homonyms beyond `tiedCap` are dropped (and reported).
 */
async function personCandidates(db: Db, query: PersonQuery, now: Date, index: ScreeningKeyIndex | null, tiedCap: number | undefined): Promise<{ ids: string[]; dropped: string[] }> {
  const byKeys = async (keys: string[], options: { dateOfBirth?: string; cap?: number; limit?: number }): Promise<KeyCandidates> =>
    index ? index.candidatesByKeys(keys, now, { ...options, tiedCap }) : candidatesByKeys(db, keys, now, { ...options, tiedCap });
  const queryKeys = [...nameIndexKeyPairs(query.name), ...nameIndexKeys(query.name)];
  const selective = await byKeys(queryKeys, { dateOfBirth: query.dateOfBirth, cap: SELECTIVE_KEY_CAP });
  let ids = selective.alertIds;
  const dropped = [...selective.droppedIds];
  if (selective.foundKeys.some((key) => key.startsWith('p:') && !selective.commonKeys.includes(key))) return { ids, dropped };
  if (ids.length < TRIGRAM_FALLBACK_BELOW) {
    const typo = index
      ? (await byKeys(index.typoKeys(queryKeys), { dateOfBirth: query.dateOfBirth, cap: SELECTIVE_KEY_CAP, limit: TRIGRAM_CANDIDATE_LIMIT })).alertIds.slice(0, TRIGRAM_CANDIDATE_LIMIT)
      : await candidatesByTrigram(db, foldToAscii(query.name), now);
    ids = [...new Set([...ids, ...typo])];
  }
  const common = selective.commonKeys.filter((key) => !key.startsWith('p:'));
  if (ids.length < COMMON_KEYS_BELOW && common.length > 0) {
    const more = await byKeys(common, { dateOfBirth: query.dateOfBirth });
    ids = [...new Set([...ids, ...more.alertIds])];
    dropped.push(...more.droppedIds);
  }
  const nearPairs = index?.nearPairKeys(queryKeys) ?? [];
  if (nearPairs.length > 0) {
    const near = await byKeys(nearPairs, { dateOfBirth: query.dateOfBirth, cap: SELECTIVE_KEY_CAP, limit: TRIGRAM_CANDIDATE_LIMIT });
    ids = [...new Set([...ids, ...near.alertIds.slice(0, TRIGRAM_CANDIDATE_LIMIT)])];
  }
  return { ids, dropped: dropped.filter((id) => !ids.includes(id)) };
}

/** The shortlist of one person query: the alerts of the keys and the typo fallback, and of the document number. */
export async function retrievePersonIds(db: Db, query: PersonQuery & { documentNumber: string }, now: Date, index: ScreeningKeyIndex | null, tiedCap?: number): Promise<{ ids: string[]; dropped: string[] }> {
  const byName = await personCandidates(db, query, now, index, tiedCap);
  const byDocument = query.documentNumber ? await candidatesByIdentifier(db, [{ kind: 'document', normalized: query.documentNumber }], now) : [];
  const ids = [...new Set([...byName.ids, ...byDocument.map((item) => item.alertId)])];
  return { ids, dropped: byName.dropped.filter((id) => !ids.includes(id)) };
}

type ScreeningRow = Awaited<ReturnType<typeof loadScreeningRows>>[number];

/** A shortlisted alert: what rescoring reads, and the marking the policy reads. */
export type ShortlistedAlert = PersonCandidate & { marking: ScreeningRow };

/** The shortlisted alerts' names, facts and markings, grouped by alert: read once for a whole batch of queries. */
export async function loadPersonCandidates(db: Db, alertIds: string[]): Promise<Map<string, ShortlistedAlert>> {
  const grouped = new Map<string, ShortlistedAlert>();
  for (const row of (await loadScreeningRows(db, alertIds)) as ScreeningRow[]) {
    const candidate = grouped.get(row.id) ?? { alertId: row.id, names: [], dateOfBirth: row.date_of_birth, nationality: row.nationality, sex: row.sex, documentNumbers: row.documents ?? [], marking: row };
    candidate.names.push(row.name);
    grouped.set(row.id, candidate);
  }
  return grouped;
}

/** Rescores a shortlist with the name engine and the supplied facts. */
export function scoreShortlist(query: PersonQuery, ids: string[], candidates: Map<string, PersonCandidate>): ScoredAlert[] {
  return scorePersonCandidates(query, ids.flatMap((id) => candidates.get(id) ?? []));
}

/**
 * The person-screening core: the candidates of the keys and the typo fallback, and the
 * document number; each rescored with the name engine. Reads every screenable alert whatever
 * its marking: the caller decides what may be shown. The key postings are read from the
 * in-process index when one is given (the same answer as the SQL, without the round trip).
 * `dropped`: the homonyms left out by the cap on tied candidates, not rescored.
 */
export async function screenPersonCandidates(db: Db, query: PersonQuery & { documentNumber: string }, now: Date, index: ScreeningKeyIndex | null, tiedCap?: number): Promise<{ scored: ScoredAlert[]; dropped: string[] }> {
  const { ids, dropped } = await retrievePersonIds(db, query, now, index, tiedCap);
  return { scored: scoreShortlist(query, ids, await loadPersonCandidates(db, ids)), dropped };
}

/** The scored candidates alone (no cap on tied candidates beyond the retrieval maximum). */
export async function scorePersonScreening(db: Db, query: PersonQuery & { documentNumber: string }, now: Date, index: ScreeningKeyIndex | null = null): Promise<ScoredAlert[]> {
  return (await screenPersonCandidates(db, query, now, index)).scored;
}
