import { readWord } from '../reading';
import type { NameContext } from '../reading';
import { GIVEN_NAME_GROUPS } from './given-names';
import type { Gender } from './given-names';
import { SURNAMES } from './surnames';
import { familyStem } from '../surname-family';

export type { Gender } from './given-names';

export interface GivenNameHit {
  groupId: number;
  gender: Gender;
  /** The lexicon spelling that was met. */
  form: string;
}

const CONTEXTS: NameContext[] = [
  { cyrillicLanguage: 'generic', romanian: false },
  { cyrillicLanguage: 'generic', romanian: true },
];

function keysOf(word: string): string[] {
  const keys = new Set<string>();
  for (const context of CONTEXTS) for (const key of readWord(word, context).coarseForms) keys.add(key);
  return [...keys];
}

function buildGivenIndex(): Map<string, GivenNameHit[]> {
  const index = new Map<string, GivenNameHit[]>();
  GIVEN_NAME_GROUPS.forEach((group, groupId) => {
    for (const form of group.forms) {
      for (const key of keysOf(form)) {
        const hits = index.get(key) ?? [];
        if (!hits.some((hit) => hit.groupId === groupId)) hits.push({ groupId, gender: group.gender, form });
        index.set(key, hits);
      }
    }
  });
  return index;
}

/** Surname index keyed by family stem, so -ski/-ska, -ov/-ova, -os/-ou forms meet. */
function buildSurnameIndex(): Map<string, number> {
  const index = new Map<string, number>();
  SURNAMES.forEach((spellings, surnameId) => {
    for (const spelling of spellings) {
      for (const key of keysOf(spelling)) index.set(familyStem(key), surnameId);
    }
  });
  return index;
}

let givenIndex: Map<string, GivenNameHit[]> | undefined;
let surnameIndex: Map<string, number> | undefined;

export function lookupGivenName(coarseForms: string[]): GivenNameHit[] {
  givenIndex ??= buildGivenIndex();
  const hits: GivenNameHit[] = [];
  for (const key of coarseForms) {
    for (const hit of givenIndex.get(key) ?? []) {
      if (!hits.some((h) => h.groupId === hit.groupId)) hits.push(hit);
    }
  }
  return hits;
}

/** Id of the attested surname these keys spell, if any. */
export function lookupSurname(coarseForms: string[]): number | undefined {
  surnameIndex ??= buildSurnameIndex();
  for (const key of coarseForms) {
    // Greek feminine -ou is looked up through its masculine -os.
    const candidates = /[^aeiou]u$/u.test(key) ? [key, key.slice(0, -1) + 'os'] : [key];
    for (const candidate of candidates) {
      const id = surnameIndex.get(familyStem(candidate));
      if (id !== undefined) return id;
    }
  }
  return undefined;
}

export function isAttestedName(coarseForms: string[]): boolean {
  return lookupGivenName(coarseForms).length > 0 || lookupSurname(coarseForms) !== undefined;
}

const ROMANIAN_GIVEN = new Set(['gheorghe', 'ion', 'ioan', 'vasile', 'mircea', 'dumitru', 'nicolae', 'mihai', 'andrei',
  'alexandru', 'ovidiu', 'radu', 'sorin', 'viorel', 'costel', 'liviu', 'marius', 'iulian', 'catalin', 'ionut',
  'constantin', 'andreea', 'mihaela', 'raluca', 'oana', 'ioana', 'florin', 'cristian', 'cristina', 'simona']);

/** Lowercase ASCII given names that mark a Latin name as Romanian (c and g before e/i soften). */
export function isRomanianGivenName(asciiLower: string): boolean {
  return ROMANIAN_GIVEN.has(asciiLower);
}
