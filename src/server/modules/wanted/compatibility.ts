import type { WantedKind } from '../../../contract/wanted';

/** The SIS-style category of a kind: alerts of one category on one subject are duplicates. */
type Category = 'arrest' | 'missing' | 'locate' | 'check' | 'vehicle' | 'firearm' | 'document' | 'object';

const CATEGORY: Record<WantedKind, Category> = {
  person_arrest: 'arrest',
  person_missing_adult: 'missing',
  person_missing_minor: 'missing',
  person_locate: 'locate',
  person_check: 'check',
  vehicle: 'vehicle',
  firearm: 'firearm',
  document: 'document',
  object: 'object',
};

/**
 * Pairs of person categories that cannot stand side by side on one person (after the SIRENE
 * Manual's compatibility table): an arrest and a check, or a missing-person alert and an
 * arrest or a check, would ask the officer for contradictory actions. Everything not listed is
 * compatible (docs/wanted.md shows the whole table).
 */
const INCOMPATIBLE = new Set(['arrest|check', 'arrest|missing', 'check|missing']);

export type Compatibility = 'duplicate' | 'incompatible' | 'compatible';

export function compatibilityOf(newKind: WantedKind, existingKind: WantedKind): Compatibility {
  const a = CATEGORY[newKind];
  const b = CATEGORY[existingKind];
  if (a === b) return 'duplicate';
  return INCOMPATIBLE.has([a, b].sort().join('|')) ? 'incompatible' : 'compatible';
}

/** One alert per economy per subject and category; and no incompatible pair from one economy. */
export function isBlocking(compatibility: Compatibility, sameEconomy: boolean): boolean {
  return sameEconomy && compatibility !== 'compatible';
}
