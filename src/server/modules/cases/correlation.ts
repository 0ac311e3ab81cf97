import { compareNames } from '../../../matching';
import type { Db } from '../../db/client';
import type { EntityRow } from './cases.schema';
import { type StoredCorrelation, correlateExactKeys, insertCorrelations, isFlagged, personCandidates } from './correlation.queries';
import { flagKey } from './entities.queries';

/** Name candidates read per person before the name engine rescoring. */
const PERSON_CANDIDATES = 500;

/** The basis of a person correlation: the name and date of birth as the organisation stored them. */
export const personBasis = (entity: Pick<EntityRow, 'identityKey'>) => `person:${entity.identityKey}`;

/**
 * Finds the same entity elsewhere and stores each pair once. Identifiers correlate when the
 * normalised values are equal; persons when the name engine calls the names a match and the
 * dates of birth are equal (a near name with another or no date of birth is not a correlation).
 * A value held in more than `cap` cases is flagged and correlates no further, and a flagged or
 * excluded value is skipped: the table grows with entities, never with the square of a common value.
 */
export async function correlateEntity(tx: Db, entity: EntityRow, keys: string[], cap: number, now: Date): Promise<StoredCorrelation[]> {
  // One statement for every exact key (flag check, cap count, holders, new pairs): the add path's
  // cost is round trips, not work (decision 0038).
  const found = await correlateExactKeys(tx, entity.id, keys.filter((key) => !key.startsWith('name:')), cap, now);
  if (entity.kind !== 'person' || !entity.dateOfBirth) return found;
  const basis = personBasis(entity);
  if (await isFlagged(tx, basis)) return found;
  const nameKeys = keys.filter((key) => key.startsWith('name:'));
  const pairKeys = nameKeys.filter((key) => key.startsWith('name:p:'));
  const candidates = await personCandidates(tx, pairKeys.length ? pairKeys : nameKeys, entity.id, PERSON_CANDIDATES);
  const matches = candidates.filter((candidate) => candidate.dateOfBirth === entity.dateOfBirth && compareNames(entity.label, candidate.label).decision === 'match');
  if (matches.length > cap) {
    await flagKey(tx, basis, matches.length, now);
    return found;
  }
  const known = new Set(found.map((item) => item.otherEntityId));
  const stored = await insertCorrelations(tx, entity.id, matches.filter((match) => !known.has(match.id)).map((match) => match.id), basis);
  return [...found, ...stored];
}
