import { compareNames } from '../../../matching';
import type { Db } from '../../db/client';
import type { EntityRow } from './cases.schema';
import { casesHoldingKey, entitiesHoldingKeys, flagKey, flaggedKeys, insertCorrelation, personsByNameKeys } from './entities.queries';

/** Name candidates read per person before the name engine rescoring. */
const PERSON_CANDIDATES = 500;

export interface NewCorrelation {
  id: string;
  otherEntityId: string;
}

/** The basis of a person correlation: the name and date of birth as the organisation stored them. */
export const personBasis = (entity: Pick<EntityRow, 'identityKey'>) => `person:${entity.identityKey}`;

/**
 * Finds the same entity elsewhere and stores each pair once. Identifiers correlate when the
 * normalised values are equal; persons when the name engine calls the names a match and the
 * dates of birth are equal (a near name with another or no date of birth is not a correlation).
 * A value held in more than `cap` cases is flagged and correlates no further, and a flagged or
 * excluded value is skipped: the table grows with entities, never with the square of a common value.
 */
export async function correlateEntity(tx: Db, entity: EntityRow, keys: string[], cap: number, now: Date): Promise<NewCorrelation[]> {
  const found: NewCorrelation[] = [];
  const add = async (otherEntityId: string, basis: string) => {
    const id = await insertCorrelation(tx, entity.id, otherEntityId, basis);
    if (id) found.push({ id, otherEntityId });
  };
  const exact = keys.filter((key) => !key.startsWith('name:'));
  const basisOfPerson = entity.kind === 'person' ? personBasis(entity) : null;
  const flagged = await flaggedKeys(tx, basisOfPerson ? [...exact, basisOfPerson] : exact);
  for (const key of exact) {
    if (flagged.has(key)) continue;
    const cases = await casesHoldingKey(tx, key, cap + 1);
    if (cases > cap) {
      await flagKey(tx, key, cases, now);
      continue;
    }
    for (const holder of await entitiesHoldingKeys(tx, [key], entity.id, cap * 10)) await add(holder.entityId, key);
  }
  if (basisOfPerson && entity.dateOfBirth && !flagged.has(basisOfPerson)) {
    const nameKeys = keys.filter((key) => key.startsWith('name:'));
    const pairKeys = nameKeys.filter((key) => key.startsWith('name:p:'));
    const candidates = await personsByNameKeys(tx, pairKeys.length ? pairKeys : nameKeys, entity.id, PERSON_CANDIDATES);
    const matches = candidates.filter((candidate) => candidate.dateOfBirth === entity.dateOfBirth && compareNames(entity.label, candidate.label).decision === 'match');
    if (matches.length > cap) await flagKey(tx, basisOfPerson, matches.length, now);
    else for (const match of matches) await add(match.id, basisOfPerson);
  }
  return found;
}
